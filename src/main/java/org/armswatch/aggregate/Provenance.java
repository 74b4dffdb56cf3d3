package org.armswatch.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.armswatch.unrest.ReportedTotal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where each Overview row's figures come from, gathered while they are aggregated, and the reported figures as a desk
 * quotes them ("detained ≥ 4,400 (Interior Ministry via state television, 8 Jan 2022)"), kept in aw_overview_text.
 */
final class Provenance {

    /** Sources named per kind in a row's text; the rest are counted. */
    private static final int NAMED = 4;

    private static final class Row {
        final Set<String> licences = new LinkedHashSet<>();
        final Set<String> events = new LinkedHashSet<>();
        final Set<String> reported = new LinkedHashSet<>();
        final List<String> quotes = new ArrayList<>();
    }

    private final Map<String, Row> rows = new TreeMap<>();

    private Row row(String country, String period) {
        return rows.computeIfAbsent(country + "|" + period, k -> new Row());
    }

    void licences(String country, String period, String source) {
        row(country, period).licences.add(source);
    }

    void events(String country, String period, String source) {
        row(country, period).events.add(source);
    }

    void reported(String country, String period, String sources) {
        for (String s : sources.split("; ")) row(country, period).reported.add(s);
    }

    void quote(String country, String period, String metric, ReportedTotal.Quoted lowest, ReportedTotal.Quoted latest) {
        String text = metric + " " + quoted(lowest);
        if (!lowest.equals(latest)) text += ", latest " + quoted(latest);
        row(country, period).quotes.add(text);
    }

    /** "≥ 4,400 (Interior Ministry via state television, 8 Jan 2022)", "[i]" after an illustrative figure. */
    static String quoted(ReportedTotal.Quoted q) {
        return q.qualifier().mark() + String.format(Locale.UK, "%,d", q.value()) + (q.illustrative() ? " [i]" : "")
                + " (" + q.source() + ", " + q.reportedOn().label() + ")";
    }

    void store(JdbcTemplate jdbc, long runId) {
        List<Object[]> out = new ArrayList<>();
        rows.forEach((key, r) -> {
            String[] k = key.split("\\|");
            List<String> parts = new ArrayList<>();
            if (!r.licences.isEmpty()) parts.add("Licences: " + named(r.licences));
            if (!r.events.isEmpty()) parts.add("Unrest events: " + named(r.events));
            if (!r.reported.isEmpty()) parts.add("Reported figures: " + named(r.reported));
            out.add(new Object[] {runId, k[0], k[1], String.join(". ", parts), String.join("; ", r.quotes)});
        });
        jdbc.batchUpdate(
                "INSERT INTO aw_overview_text (run_id, country, period, sources, reported) VALUES (?, ?, ?, ?, ?)",
                out);
    }

    private static String named(Set<String> sources) {
        List<String> named = sources.stream().limit(NAMED).toList();
        int more = sources.size() - named.size();
        return String.join("; ", named) + (more > 0 ? " and " + more + " more" : "");
    }
}
