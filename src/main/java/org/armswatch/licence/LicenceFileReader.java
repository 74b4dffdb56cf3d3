package org.armswatch.licence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.CsvReader;
import org.armswatch.input.FigureFormatException;
import org.armswatch.input.FigureParser;
import org.armswatch.input.Header;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.input.RepeatedValues;
import org.armswatch.input.RowRejected;
import org.armswatch.period.Period;
import org.armswatch.period.PeriodFormatException;

/** Reads a native licence file (inputs.md section 1) into figures and rejected rows. */
public final class LicenceFileReader {

    private final CountryResolver countries;

    public LicenceFileReader(CountryResolver countries) {
        this.countries = countries;
    }

    /**
     * The columns of a licence file, found by name or documented alias. A value column named for the euro is in euros;
     * any other value column takes its currency from a currency column, or (a native file's documented alias of
     * value_eur) is in euros, as the file's notes then say.
     */
    record Columns(
            int exporter,
            int destination,
            int period,
            int licences,
            int value,
            boolean valueInEuros,
            int currency,
            int reference,
            int category,
            int status,
            int source,
            int notes) {

        static Columns of(Header h, InputScan scan) throws InputFileException {
            int euros = h.indexOf("value_eur", "value (eur)", "value in eur");
            int other = h.indexOf("value", "value of licences");
            Columns c = new Columns(
                    h.indexOf("exporter", "exporting country", "member state"),
                    h.indexOf("destination", "country", "recipient", "destination country"),
                    h.indexOf("period", "year", "date"),
                    h.indexOf("licences", "number of licences", "licences issued"),
                    euros >= 0 ? euros : other,
                    euros >= 0,
                    h.indexOf("currency", "currency code"),
                    h.indexOf("reference", "licence reference", "licence number", "case reference", "reference number"),
                    h.indexOf("category", "ml category"),
                    h.indexOf("status", "decision"),
                    h.indexOf("source"),
                    h.indexOf("notes"));
            List<String> missing = new ArrayList<>();
            if (c.exporter < 0) missing.add("exporter");
            if (c.destination < 0) missing.add("destination");
            if (c.period < 0) missing.add("period");
            if (c.licences < 0 && c.value < 0) missing.add("licences or value_eur");
            if (!missing.isEmpty()) {
                throw new InputFileException(
                        scan.file(),
                        "not a licence file, it lacks the column(s) " + String.join(", ", missing) + " (header: "
                                + String.join(",", h.names()) + ")");
            }
            if (scan.mapping() != null && c.value >= 0 && !c.valueInEuros && c.currency < 0) {
                // A government's file in pounds or francs mapped without a word on its currency must not become euros.
                throw new InputFileException(
                        scan.file(),
                        "mapping '" + scan.mapping().name() + "' reads a value but does"
                                + " not say its currency: add 'currency: GBP' (the ISO 4217 code of the file's values) to the"
                                + " mapping, or map a column of currency codes as 'currency'");
            }
            return c;
        }

        List<Integer> used() {
            return List.of(
                            exporter,
                            destination,
                            period,
                            licences,
                            value,
                            currency,
                            reference,
                            category,
                            status,
                            source,
                            notes)
                    .stream()
                    .filter(i -> i >= 0)
                    .toList();
        }
    }

    public LicenceFile read(InputScan scan, String fileName) throws InputFileException {
        Header header = new Header(scan.header());
        Columns col = Columns.of(header, scan);
        FigureParser numbers = FigureParser.forDialect(scan.dialect());
        List<String> notes = new ArrayList<>();
        List<String> extra = header.unusedColumns(col.used());
        if (!extra.isEmpty()) {
            notes.add(fileName + ": extra columns ignored: " + String.join(", ", extra));
        }
        if (col.licences < 0)
            notes.add(fileName + ": no licences column, so the number of licences is not available [x]");
        if (col.value < 0) notes.add(fileName + ": no value column, so the value of licences is not available [x]");
        if (col.value >= 0 && !col.valueInEuros && col.currency < 0) {
            notes.add(fileName + ": values taken as EUR: the column '"
                    + header.names().get(col.value).strip()
                    + "' is a documented alias of value_eur; add a currency column if they are not euros");
        }

        // Rows in line order, a replaced one leaving a null behind. Rows are summed, not replaced, when they share a
        // key: only a repeated reference makes a duplicate. The raw text of a replaced row is fetched by a second pass,
        // only if some row was replaced: kept for every row, it was most of the memory a large licence file took.
        List<LicenceFigure> kept = new ArrayList<>();
        Map<String, Integer> indexByReference = new HashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        List<RejectedRow> replaced = new ArrayList<>();
        int read = 0;
        String sha256;
        Seen seen = new Seen();
        seenByRule = seen.byRule;
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                read++;
                String reason = csv.problem();
                LicenceFigure figure = null;
                if (reason == null) {
                    try {
                        figure = figure(csv, col, numbers, seen);
                    } catch (RowRejected r) {
                        reason = r.getMessage();
                    }
                }
                if (figure == null) {
                    rejected.add(new RejectedRow(fileName, csv.line(), csv.raw(), reason));
                    continue;
                }
                if (!figure.reference().isEmpty()) {
                    Integer earlierIndex = indexByReference.put(figure.reference(), kept.size());
                    if (earlierIndex != null) {
                        LicenceFigure earlier = kept.set(earlierIndex, null);
                        replaced.add(new RejectedRow(
                                fileName,
                                earlier.line(),
                                null,
                                "duplicate reference '" + figure.reference() + "': replaced by line " + figure.line()
                                        + " (the later row wins)"));
                    }
                }
                kept.add(figure);
            }
            sha256 = csv.sha256();
        }
        indexByReference = null;
        String byRule = CountryNotes.readByRule(seen.byRule);
        if (!byRule.isEmpty()) notes.add(fileName + ": " + byRule);
        if (!replaced.isEmpty()) replaced = withRawText(scan.withSha256(sha256), replaced);
        List<LicenceFigure> figures = new ArrayList<>(kept.size() - replaced.size());
        for (LicenceFigure f : kept) {
            if (f != null) figures.add(f);
        }
        return new LicenceFile(read, Collections.unmodifiableList(figures), rejected, replaced, notes, sha256);
    }

    /** The replaced rows with their raw text, read again from the file (which must not have changed). */
    private static List<RejectedRow> withRawText(InputScan scan, List<RejectedRow> replaced) throws InputFileException {
        Map<Long, String> raw = new HashMap<>();
        for (RejectedRow r : replaced) raw.put(r.line(), null);
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                if (raw.containsKey(csv.line())) raw.put(csv.line(), csv.raw());
            }
        }
        List<RejectedRow> rows = new ArrayList<>(replaced.size());
        for (RejectedRow r : replaced) rows.add(new RejectedRow(r.file(), r.line(), raw.get(r.line()), r.reason()));
        return rows;
    }

    /**
     * Per file: the columns whose values repeat (countries, periods, categories, statuses, sources) give the same
     * String for the same text, and a country or period is resolved once per distinct text. A large file's rows are
     * held while they are sorted and staged: a String of their own in every row was most of that memory.
     */
    private static final class Seen {
        final RepeatedValues exporters = new RepeatedValues();
        final RepeatedValues destinations = new RepeatedValues();
        final RepeatedValues periods = new RepeatedValues();
        final RepeatedValues categories = new RepeatedValues();
        final RepeatedValues statuses = new RepeatedValues();
        final RepeatedValues currencies = new RepeatedValues();
        final RepeatedValues sources = new RepeatedValues();
        final RepeatedValues notes = new RepeatedValues();
        final Country[] exporterOf = new Country[RepeatedValues.MAX_VALUES];
        final Country[] destinationOf = new Country[RepeatedValues.MAX_VALUES];
        final Period[] periodOf = new Period[RepeatedValues.MAX_VALUES];
        /** Country cells read by a rule (inverted, bracketed, long forms), said in the file's notes. */
        final Map<String, Country> byRule = new java.util.TreeMap<>();
    }

    private LicenceFigure figure(CsvReader csv, Columns col, FigureParser numbers, Seen seen) throws RowRejected {
        Country exporter = country(csv, col.exporter, "exporter", seen.exporters, seen.exporterOf);
        Country destination = country(csv, col.destination, "destination", seen.destinations, seen.destinationOf);
        Period period = period(csv, col.period, seen);
        String valueField = col.valueInEuros || col.currency < 0 ? "value_eur" : "value";
        String valueText = col.value < 0 ? "" : text(csv, col.value);
        String currency = currency(csv, col, seen, !valueText.isEmpty());
        Long licences;
        BigDecimal value;
        try {
            licences = col.licences < 0 ? null : numbers.count("licences", text(csv, col.licences));
            value = valueText.isEmpty() ? null : numbers.amount(valueField, valueText, currency);
        } catch (FigureFormatException e) {
            throw new RowRejected(e.getMessage());
        }
        if (licences == null && value == null) {
            throw new RowRejected("neither licences nor " + valueField + " is given");
        }
        String statusText = text(csv, col.status, seen.statuses);
        LicenceStatus status = LicenceStatus.parse(statusText)
                .orElseThrow(() -> new RowRejected("status '" + statusText + "' is not issued or refused"));
        return new LicenceFigure(
                csv.line(),
                exporter.code(),
                destination.code(),
                period,
                text(csv, col.category, seen.categories),
                status,
                licences,
                value,
                currency,
                text(csv, col.reference),
                text(csv, col.source, seen.sources),
                text(csv, col.notes, seen.notes));
    }

    /**
     * The value's currency: euros by the column's name, else the row's currency cell; a value never goes without one. A
     * row without a value and without a currency cell has none (""): the aggregation then makes each currency's value
     * of its cell a floor, since the missing value could have been in any of them.
     */
    private static String currency(CsvReader csv, Columns col, Seen seen, boolean hasValue) throws RowRejected {
        if (col.currency < 0) return col.value < 0 ? "" : Currencies.EUR;
        String cell = text(csv, col.currency, seen.currencies);
        if (cell.isEmpty()) {
            if (!hasValue) return col.valueInEuros ? Currencies.EUR : "";
            if (col.valueInEuros) return Currencies.EUR;
            throw new RowRejected("currency is empty, so the value's currency is not known");
        }
        var code = Currencies.parse(cell);
        if (code.isEmpty()) {
            if (!hasValue) return "";
            throw new RowRejected("currency '" + cell + "' is not an ISO 4217 code such as EUR or GBP");
        }
        if (col.valueInEuros && !code.get().equals(Currencies.EUR)) {
            throw new RowRejected("currency '" + cell + "' in a row whose value column is in euros (value_eur)");
        }
        return code.get();
    }

    /** The file being read's country cells read by rule; set per file. */
    private Map<String, Country> seenByRule;

    private Country country(CsvReader csv, int index, String field, RepeatedValues seen, Country[] resolved)
            throws RowRejected {
        int n = index < 0 ? -1 : csv.fieldNumber(index, seen);
        if (n >= 0 && resolved[n] != null) return resolved[n];
        String cell = text(csv, index, seen);
        if (cell.isEmpty()) {
            throw new RowRejected(field + " is empty");
        }
        Optional<Country> country = countries.resolve(cell);
        Country c = country.orElseThrow(() -> new RowRejected("unknown country '" + cell + "'"));
        if (n >= 0) resolved[n] = c;
        if (seenByRule != null && !seenByRule.containsKey(cell) && countries.resolvedByRule(cell))
            seenByRule.put(cell, c);
        return c;
    }

    private static Period period(CsvReader csv, int index, Seen seen) throws RowRejected {
        int n = index < 0 ? -1 : csv.fieldNumber(index, seen.periods);
        if (n >= 0 && seen.periodOf[n] != null) return seen.periodOf[n];
        Period period;
        try {
            period = Period.parse("period", text(csv, index, seen.periods));
        } catch (PeriodFormatException e) {
            throw new RowRejected(e.getMessage());
        }
        if (n >= 0) seen.periodOf[n] = period;
        return period;
    }

    private static String text(CsvReader csv, int index) {
        return index < 0 ? "" : csv.field(index).trim();
    }

    private static String text(CsvReader csv, int index, RepeatedValues seen) {
        return index < 0 ? "" : csv.field(index, seen).trim();
    }
}
