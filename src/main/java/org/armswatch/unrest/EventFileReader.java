package org.armswatch.unrest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.CsvReader;
import org.armswatch.input.FigureFormatException;
import org.armswatch.input.FigureParser;
import org.armswatch.input.Header;
import org.armswatch.input.Illustrative;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.input.RepeatedValues;
import org.armswatch.input.RowRejected;
import org.armswatch.period.Period;
import org.armswatch.period.PeriodFormatException;

/**
 * Reads an ACLED event export (inputs.md 2a) into an {@link EventTally}. Only the columns the aggregation needs are
 * turned into strings; the other twenty are skipped by the reader.
 */
public final class EventFileReader {

    private final CountryResolver countries;

    public EventFileReader(CountryResolver countries) {
        this.countries = countries;
    }

    /** An ACLED export is told by these two columns in its header. */
    public static boolean isEventExport(Header header) {
        return header.indexOf("event_id_cnty") >= 0 && header.indexOf("event_date") >= 0;
    }

    record Columns(
            int id,
            int date,
            int type,
            int country,
            int iso,
            int iso3,
            int civilianTargeting,
            int fatalities,
            int timestamp,
            int location,
            int actor1,
            int actor2,
            int source) {
        List<Integer> used() {
            return List.of(
                            id,
                            date,
                            type,
                            country,
                            iso,
                            iso3,
                            civilianTargeting,
                            fatalities,
                            timestamp,
                            location,
                            actor1,
                            actor2,
                            source)
                    .stream()
                    .filter(i -> i >= 0)
                    .toList();
        }
    }

    /** What one file gave, before de-duplication against other files (see the tally for that). */
    /** @param sha256 of the bytes read */
    public record EventFile(int rowsRead, int rowsRejected, List<String> notes, String sha256) {}

    public EventFile read(InputScan scan, int fileNo, String fileName, EventTally tally, Consumer<RejectedRow> rejects)
            throws InputFileException {
        return read(scan, fileNo, fileName, tally, rejects, false);
    }

    /**
     * @param signatures whether to tell each event's {@link EventSignature}, so that the same event under another id in
     *     another export is counted once: only worth its cost where the run has several exports
     */
    public EventFile read(
            InputScan scan,
            int fileNo,
            String fileName,
            EventTally tally,
            Consumer<RejectedRow> rejects,
            boolean signatures)
            throws InputFileException {
        Header h = new Header(scan.header());
        Columns col = new Columns(
                h.indexOf("event_id_cnty"),
                h.indexOf("event_date"),
                h.indexOf("event_type"),
                h.indexOf("country"),
                h.indexOf("iso"),
                h.indexOf("iso3"),
                h.indexOf("civilian_targeting"),
                h.indexOf("fatalities"),
                h.indexOf("timestamp"),
                h.indexOf("location"),
                h.indexOf("actor1"),
                h.indexOf("actor2"),
                h.indexOf("source"));
        List<String> missing = new ArrayList<>();
        if (col.type < 0) missing.add("event_type");
        if (col.country < 0 && col.iso < 0) missing.add("country or iso");
        if (!missing.isEmpty()) {
            throw new InputFileException(
                    scan.file(), "an ACLED export without the column(s) " + String.join(", ", missing));
        }
        List<String> notes = new ArrayList<>();
        if (col.fatalities < 0) notes.add(fileName + ": no fatalities column, so fatalities are not available [x]");
        if (col.timestamp < 0)
            notes.add(fileName + ": no timestamp column, so of two copies of an event the later row wins");
        FigureParser numbers = FigureParser.forDialect(scan.dialect());
        int read = 0;
        int rejected = 0;
        Seen seen = new Seen();
        String sha256;
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                read++;
                try {
                    if (csv.problem() != null) throw new RowRejected(csv.problem());
                    add(csv, col, numbers, seen, tally, fileNo, fileName, signatures);
                } catch (RowRejected r) {
                    rejected++;
                    rejects.accept(new RejectedRow(fileName, csv.line(), csv.raw(), r.getMessage()));
                }
            }
            sha256 = csv.sha256();
        }
        return new EventFile(read, rejected, notes, sha256);
    }

    /**
     * Per file: the columns whose values repeat keep their strings, and a date text once read keeps its period, so that
     * two million rows with a few thousand distinct dates, countries and types parse each of those once.
     */
    private static final class Seen {
        final RepeatedValues dates = new RepeatedValues();
        final RepeatedValues types = new RepeatedValues();
        final RepeatedValues isos = new RepeatedValues();
        final RepeatedValues countries = new RepeatedValues();
        final RepeatedValues targeting = new RepeatedValues();
        final RepeatedValues sources = new RepeatedValues();
        /** Per source text's number: 1 illustrative, 2 real, 0 not looked at yet. */
        final byte[] illustrative = new byte[RepeatedValues.MAX_VALUES];

        final Period[] days = new Period[RepeatedValues.MAX_VALUES];
    }

    private void add(
            CsvReader csv,
            Columns col,
            FigureParser numbers,
            Seen seen,
            EventTally tally,
            int fileNo,
            String fileName,
            boolean signatures)
            throws RowRejected {
        String id = csv.field(col.id).trim();
        if (id.isEmpty()) throw new RowRejected("event_id_cnty is empty");
        Period day = day(csv, col.date, seen);
        String type = csv.field(col.type, seen.types).trim();
        if (type.isEmpty()) throw new RowRejected("event_type is empty");
        String country = country(csv, col, seen);
        Integer fatalities = null;
        long timestamp = 0;
        try {
            if (col.fatalities >= 0) {
                long plain = csv.digits(col.fatalities);
                Long f = plain >= 0 ? Long.valueOf(plain) : numbers.count("fatalities", csv.field(col.fatalities));
                if (f != null && f > Integer.MAX_VALUE) throw new RowRejected("fatalities " + f + " is too large");
                fatalities = f == null ? null : f.intValue();
            }
            if (col.timestamp >= 0) {
                long plain = csv.digits(col.timestamp);
                Long t = plain >= 0 ? Long.valueOf(plain) : numbers.count("timestamp", csv.field(col.timestamp));
                timestamp = t == null ? 0 : t;
            }
        } catch (FigureFormatException e) {
            throw new RowRejected(e.getMessage());
        }
        // ACLED writes "Civilian targeting" or nothing; an R export writes NA for nothing.
        boolean targeted = col.civilianTargeting >= 0
                && csv.field(col.civilianTargeting, seen.targeting).trim().equalsIgnoreCase("civilian targeting");
        long signature =
                signatures ? EventSignature.of(country, day, csv, col.location, col.actor1, col.actor2, fatalities) : 0;
        tally.add(
                id,
                timestamp,
                country,
                day,
                type,
                targeted,
                illustrative(csv, col.source, seen),
                fatalities,
                signature,
                fileNo,
                fileName,
                csv.line());
    }

    /** Whether the row's source says it is not real data; a source text is looked at once. */
    private static boolean illustrative(CsvReader csv, int column, Seen seen) {
        if (column < 0) return false;
        int n = csv.fieldNumber(column, seen.sources);
        if (n < 0) return Illustrative.source(csv, column);
        if (seen.illustrative[n] == 0) seen.illustrative[n] = Illustrative.source(seen.sources.value(n)) ? (byte) 1 : 2;
        return seen.illustrative[n] == 1;
    }

    private static Period day(CsvReader csv, int column, Seen seen) throws RowRejected {
        int number = csv.fieldNumber(column, seen.dates);
        Period day = number >= 0 ? seen.days[number] : null;
        if (day == null) {
            try {
                day = Period.parseEventDate("event_date", number >= 0 ? seen.dates.value(number) : csv.field(column));
            } catch (PeriodFormatException e) {
                throw new RowRejected(e.getMessage());
            }
            if (number >= 0) seen.days[number] = day;
        }
        return day;
    }

    /**
     * The numeric iso column wins over the country name (inputs.md 2a). ACLED writes 0 where ISO has no number (Kosovo,
     * with iso3 XKX): then iso3, where the export has it, or the name decides.
     */
    private String country(CsvReader csv, Columns col, Seen seen) throws RowRejected {
        String iso = col.iso < 0 ? "" : csv.field(col.iso, seen.isos).trim();
        String cell = iso;
        if (iso.isEmpty() || iso.equals("0")) {
            String iso3 = col.iso3 < 0 ? "" : csv.field(col.iso3, seen.isos).trim();
            cell = !iso3.isEmpty()
                    ? iso3
                    : col.country < 0
                            ? ""
                            : csv.field(col.country, seen.countries).trim();
        }
        if (cell.isEmpty())
            throw new RowRejected(iso.equals("0") ? "iso is 0 and country is empty" : "country and iso are empty");
        String resolved = cell;
        return countries
                .resolve(cell)
                .map(Country::code)
                .orElseThrow(() -> new RowRejected("unknown country '" + resolved + "'"));
    }
}
