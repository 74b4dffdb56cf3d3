package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.armswatch.input.InputShape;
import org.armswatch.period.Period;
import org.armswatch.unrest.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a run's Overview figures (aw_figure) with those of the run before it. "Before" is the latest completed run
 * of the closest earlier run date with the same report period: a forced rerun of today still says what changed since
 * yesterday (and, with the same inputs, writes the same bytes as the run it replaces), and a yearly run is never
 * compared with a quarterly one.
 */
final class RunComparison {

    private record Key(String country, String period, String measure) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Comparator.comparing(Key::country)
                    .thenComparing(Key::period)
                    .thenComparing(Key::measure)
                    .compare(this, o);
        }
    }

    private record StoredFile(String name, InputShape shape, String sha256) {}

    private final JdbcTemplate jdbc;
    private final ReportData data;

    RunComparison(JdbcTemplate jdbc, ReportData data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    RunChanges changes(long runId) {
        List<Map<String, Object>> previous = jdbc.queryForList(
                "SELECT p.run_id, p.run_date FROM aw_run p JOIN aw_run r"
                        + " ON r.run_id = ? WHERE p.status = 'COMPLETED' AND p.run_date < r.run_date"
                        + " AND p.report_period = r.report_period ORDER BY p.run_date DESC, p.run_id DESC",
                runId);
        if (previous.isEmpty()) return RunChanges.firstRun();
        long previousId = ((Number) previous.get(0).get("RUN_ID")).longValue();
        Object date = previous.get(0).get("RUN_DATE");
        LocalDate previousDate = date instanceof Date d ? d.toLocalDate() : LocalDate.parse(date.toString());

        Map<Key, Figure> before = figures(previousId);
        Map<Key, Figure> after = figures(runId);
        List<StoredFile> filesBefore = files(previousId);
        List<StoredFile> filesAfter = files(runId);
        TreeSet<Key> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<FigureChange> changes = new ArrayList<>();
        for (Key k : keys) {
            Figure old = before.get(k);
            Figure now = after.get(k);
            FigureChange.Kind kind;
            if (old == null) kind = FigureChange.Kind.ADDED;
            else if (now == null) kind = FigureChange.Kind.REMOVED;
            else if (!same(old, now)) kind = FigureChange.Kind.REVISED;
            else continue;
            Indicator indicator = Indicator.ofKey(k.measure());
            changes.add(new FigureChange(
                    kind,
                    k.country(),
                    data.countryName(k.country()),
                    Period.ofIso(k.period()),
                    indicator,
                    old,
                    now,
                    changedInputs(source(indicator.measure()), filesBefore, filesAfter)));
        }
        // The Overview's order: country name, then period, then the measure's column.
        changes.sort(Comparator.comparing(FigureChange::countryName)
                .thenComparing(FigureChange::period)
                .thenComparing(FigureChange::indicator));
        return new RunChanges(previousId, previousDate, changes);
    }

    /** The kinds of input file a measure comes from. */
    static Set<InputShape> source(Measure m) {
        return switch (m) {
            case LICENCES_ISSUED, VALUE_ISSUED, LICENCES_REFUSED, VALUE_REFUSED -> Set.of(InputShape.LICENCES);
            case EVENTS, CIVILIANS_TARGETED, FATALITIES -> Set.of(InputShape.ACLED_EVENTS, InputShape.HDX_COUNTS);
            case DETAINED_LOWEST,
                    DETAINED_LATEST,
                    KILLED_LOWEST,
                    KILLED_LATEST,
                    DETAINED_OFFICIAL,
                    DETAINED_HIGHEST,
                    KILLED_OFFICIAL,
                    KILLED_HIGHEST -> Set.of(InputShape.REPORTED_FIGURES);
        };
    }

    /** A revision is a new number or a new qualifier: "≥ 40" becoming "40" is news too. */
    private static boolean same(Figure a, Figure b) {
        BigDecimal x = a.value();
        BigDecimal y = b.value();
        boolean values = x == null ? y == null : y != null && x.compareTo(y) == 0;
        return values && (x == null || a.qualifier() == b.qualifier());
    }

    private static String changedInputs(Set<InputShape> shapes, List<StoredFile> before, List<StoredFile> after) {
        Map<String, String> old = new TreeMap<>();
        before.stream().filter(f -> shapes.contains(f.shape())).forEach(f -> old.put(f.name(), f.sha256()));
        Map<String, String> now = new TreeMap<>();
        after.stream().filter(f -> shapes.contains(f.shape())).forEach(f -> now.put(f.name(), f.sha256()));
        List<String> said = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            if (!old.containsKey(name)) said.add(name + " (added)");
            else if (!now.containsKey(name)) said.add(name + " (removed)");
            else if (!Objects.equals(old.get(name), now.get(name))) said.add(name + " (changed)");
        }
        return said.isEmpty()
                ? "none of its input files changed (a setting or the job's rules did)"
                : String.join("; ", said);
    }

    /** Keys of earlier versions name the same figure in another way: read as this version names it. */
    private Map<Key, Figure> figures(long runId) {
        Map<Key, Figure> figures = new TreeMap<>();
        jdbc.query(
                "SELECT country, period, measure, figure, qualifier FROM aw_figure WHERE run_id = ?",
                rs -> {
                    BigDecimal v = rs.getBigDecimal(4);
                    figures.put(
                            new Key(
                                    rs.getString(1),
                                    rs.getString(2),
                                    Indicator.ofKey(rs.getString(3)).key()),
                            v == null ? Figure.NOT_AVAILABLE : new Figure(v, Qualifier.ofWord(rs.getString(5))));
                },
                runId);
        return figures;
    }

    private List<StoredFile> files(long runId) {
        return jdbc.query(
                "SELECT name, shape, sha256 FROM aw_source_file WHERE run_id = ? ORDER BY file_no",
                (rs, i) -> new StoredFile(rs.getString(1), InputShape.valueOf(rs.getString(2)), rs.getString(3)),
                runId);
    }
}
