package org.armswatch.unrest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.CsvReader;
import org.armswatch.input.FigureFormatException;
import org.armswatch.input.FigureParser;
import org.armswatch.input.Header;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.input.RowRejected;
import org.armswatch.period.Period;
import org.armswatch.period.PeriodFormatException;

/** Reads the desk's tally of reported figures (inputs.md 2b). */
public final class ReportedFigureReader {

    /** In the order inputs.md lists them; configuration may add others. */
    public static final List<String> STANDARD_METRICS =
            List.of("detained", "killed", "injured", "protesters", "events");

    private static final Set<String> SOURCE_TYPES = Set.of("", "official", "independent", "ngo", "media");

    private final CountryResolver countries;
    private final Set<String> metrics;

    public ReportedFigureReader(CountryResolver countries, Set<String> metrics) {
        this.countries = countries;
        this.metrics = metrics;
    }

    /** What one tally file gave, and the SHA-256 of the bytes read. */
    public record TallyFile(
            int rowsRead,
            List<ReportedFigure> figures,
            List<RejectedRow> rejected,
            List<String> notes,
            String sha256) {}

    record Columns(
            int country,
            int date,
            int metric,
            int value,
            int qualifier,
            int basis,
            int region,
            int source,
            int sourceType,
            int notes) {
        List<Integer> used() {
            return List.of(country, date, metric, value, qualifier, basis, region, source, sourceType, notes).stream()
                    .filter(i -> i >= 0)
                    .toList();
        }
    }

    public TallyFile read(InputScan scan, int fileNo, String fileName) throws InputFileException {
        Header h = new Header(scan.header());
        Columns col = new Columns(
                h.indexOf("country"),
                h.indexOf("date", "period"),
                h.indexOf("metric"),
                h.indexOf("value"),
                h.indexOf("qualifier"),
                h.indexOf("basis"),
                h.indexOf("region"),
                h.indexOf("source"),
                h.indexOf("source_type", "source type"),
                h.indexOf("notes"));
        List<String> missing = new ArrayList<>();
        if (col.country < 0) missing.add("country");
        if (col.date < 0) missing.add("date");
        if (col.metric < 0) missing.add("metric");
        if (col.value < 0) missing.add("value");
        if (!missing.isEmpty()) {
            throw new InputFileException(
                    scan.file(),
                    "not a tally of reported figures (nor an ACLED or licence file): it lacks "
                            + String.join(", ", missing) + " (header: " + String.join(",", h.names()) + ")");
        }
        List<String> notes = new ArrayList<>();
        List<String> extra = h.unusedColumns(col.used());
        if (!extra.isEmpty()) notes.add(fileName + ": extra columns ignored: " + String.join(", ", extra));

        FigureParser numbers = FigureParser.forDialect(scan.dialect());
        List<ReportedFigure> figures = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int read = 0;
        String sha256;
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                read++;
                try {
                    if (csv.problem() != null) throw new RowRejected(csv.problem());
                    figures.add(figure(csv, col, numbers, fileNo));
                } catch (RowRejected r) {
                    rejected.add(new RejectedRow(fileName, csv.line(), csv.raw(), r.getMessage()));
                }
            }
            sha256 = csv.sha256();
        }
        return new TallyFile(read, figures, rejected, notes, sha256);
    }

    private ReportedFigure figure(CsvReader csv, Columns col, FigureParser numbers, int fileNo) throws RowRejected {
        String countryCell = text(csv, col.country);
        if (countryCell.isEmpty()) throw new RowRejected("country is empty");
        String country = countries
                .resolve(countryCell)
                .orElseThrow(() -> new RowRejected("unknown country '" + countryCell + "'"))
                .code();
        Period date;
        try {
            date = Period.parse("date", text(csv, col.date));
        } catch (PeriodFormatException e) {
            throw new RowRejected(e.getMessage());
        }
        String metric = text(csv, col.metric).toLowerCase(Locale.ROOT);
        if (!metrics.contains(metric)) {
            throw new RowRejected("metric '" + text(csv, col.metric) + "' is not one of "
                    + String.join(", ", metrics.stream().sorted(METRIC_ORDER).toList()));
        }
        Long value;
        try {
            value = numbers.count("value", text(csv, col.value));
        } catch (FigureFormatException e) {
            throw new RowRejected(e.getMessage());
        }
        if (value == null) throw new RowRejected("value is empty");
        String q = text(csv, col.qualifier);
        Qualifier qualifier = Qualifier.parse(q)
                .orElseThrow(
                        () -> new RowRejected("qualifier '" + q + "' is not one of exact, at_least, about, up_to"));
        String b = text(csv, col.basis);
        Basis basis =
                Basis.parse(b).orElseThrow(() -> new RowRejected("basis '" + b + "' is not cumulative or incremental"));
        String sourceType = text(csv, col.sourceType).toLowerCase(Locale.ROOT);
        if (!SOURCE_TYPES.contains(sourceType)) {
            throw new RowRejected(
                    "source_type '" + text(csv, col.sourceType) + "' is not one of official, independent, ngo, media");
        }
        return new ReportedFigure(
                fileNo,
                csv.line(),
                country,
                date,
                text(csv, col.region),
                metric,
                value,
                qualifier,
                basis,
                text(csv, col.source),
                sourceType,
                text(csv, col.notes));
    }

    private static final Comparator<String> METRIC_ORDER = Comparator.comparingInt(
                    (String m) -> STANDARD_METRICS.contains(m) ? STANDARD_METRICS.indexOf(m) : STANDARD_METRICS.size())
            .thenComparing(Comparator.naturalOrder());

    private static String text(CsvReader csv, int index) {
        return index < 0 ? "" : csv.field(index).trim();
    }
}
