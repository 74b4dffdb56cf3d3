package org.armswatch.unrest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.CsvReader;
import org.armswatch.input.FigureFormatException;
import org.armswatch.input.FigureParser;
import org.armswatch.input.Header;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.input.RowRejected;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.armswatch.period.PeriodFormatException;

/**
 * Reads HDX's monthly conflict-event counts (inputs.md 2c). The counts are already aggregated, so they are summed,
 * never counted as one event a row. Only whole-country rows (admin_level 0) are used: admin areas would count the same
 * events again. A row of HXL '#' tags under the header is part of the header, not data.
 */
public final class HdxCountReader {

    private static final Pattern HXL_TAG = Pattern.compile("#[A-Za-z][A-Za-z0-9_]*(\\s*\\+\\s*[A-Za-z][A-Za-z0-9_]*)*");

    private final CountryResolver countries;

    public HdxCountReader(CountryResolver countries) {
        this.countries = countries;
    }

    /**
     * What one file gave. Rows below country level are neither used nor rejected: they are skipped on purpose and
     * counted, so that read = used + rejected + skipped.
     */
    /** @param sha256 of the bytes read */
    public record HdxFile(
            int rowsRead,
            int rowsUsed,
            int rowsSkipped,
            List<CountedEvents> counts,
            List<RejectedRow> rejected,
            List<String> notes,
            String sha256) {}

    private record Key(String country, Period month, String eventType) {}

    public HdxFile read(InputScan scan, String fileName) throws InputFileException {
        Header h = new Header(scan.header());
        int location = h.indexOf("location_code");
        int type = h.indexOf("event_type");
        int events = h.indexOf("events");
        int fatalities = h.indexOf("fatalities");
        int start = h.indexOf("reference_period_start");
        int level = h.indexOf("admin_level");
        List<String> notes = new ArrayList<>();
        if (level < 0) notes.add(fileName + ": no admin_level column, so every row is taken as a whole country");
        FigureParser numbers = FigureParser.forDialect(scan.dialect());
        Map<Key, long[]> sums = new LinkedHashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int read = 0;
        int used = 0;
        int skipped = 0;
        boolean first = true;
        String sha256;
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                if (first && isTagRow(csv)) {
                    first = false;
                    continue;
                }
                first = false;
                read++;
                try {
                    if (csv.problem() != null) throw new RowRejected(csv.problem());
                    String adminLevel = level < 0 ? "0" : csv.field(level).trim();
                    if (!adminLevel.equals("0")) {
                        if (!adminLevel.matches("[0-9]+"))
                            throw new RowRejected("admin_level '" + adminLevel + "' is not a number");
                        skipped++;
                        continue;
                    }
                    String cell = csv.field(location).trim();
                    if (cell.isEmpty()) throw new RowRejected("location_code is empty");
                    String country = countries
                            .resolve(cell)
                            .map(Country::code)
                            .orElseThrow(() -> new RowRejected("unknown country '" + cell + "'"));
                    String eventType = csv.field(type).trim();
                    if (eventType.isEmpty()) throw new RowRejected("event_type is empty");
                    Period month = Period.parse("reference_period_start", csv.field(start))
                            .rollUpTo(Granularity.MONTH);
                    Long count = numbers.count("events", csv.field(events));
                    if (count == null) throw new RowRejected("events is empty");
                    Long dead = numbers.count("fatalities", csv.field(fatalities));
                    Key key = new Key(country, month, eventType);
                    long[] sum = sums.getOrDefault(key, new long[4]);
                    // Checked before anything is added, so that a rejected row leaves the sums as they were.
                    long eventsSum = addWithin("events", count, sum[0], key);
                    long fatalitiesSum = addWithin("fatalities", dead == null ? 0 : dead, sum[1], key);
                    sums.put(key, sum);
                    sum[0] = eventsSum;
                    sum[1] = fatalitiesSum;
                    sum[2]++;
                    if (dead == null) sum[3]++;
                    used++;
                } catch (RowRejected r) {
                    rejected.add(new RejectedRow(fileName, csv.line(), csv.raw(), r.getMessage()));
                } catch (PeriodFormatException | FigureFormatException e) {
                    rejected.add(new RejectedRow(fileName, csv.line(), csv.raw(), e.getMessage()));
                }
            }
            sha256 = csv.sha256();
        }
        if (skipped > 0) {
            notes.add(fileName + ": " + skipped + " rows below country level (admin_level 1 or more) passed over,"
                    + " so that admin areas are not counted twice");
        }
        List<CountedEvents> counts = new ArrayList<>(sums.size());
        sums.forEach(
                (k, v) -> counts.add(new CountedEvents(k.country(), k.month(), k.eventType(), v[0], v[1], v[2], v[3])));
        counts.sort(Comparator.comparing(CountedEvents::country)
                .thenComparing(CountedEvents::month)
                .thenComparing(CountedEvents::eventType));
        return new HdxFile(read, used, skipped, counts, rejected, notes, sha256);
    }

    /**
     * HXL's row of hashtags ({@code #adm1+code}, {@code #date+start}): every cell blank or a tag, and at least one tag.
     * A data row is not one just because its first cell starts with '#': Excel writes {@code #N/A} or {@code #REF!}
     * into a cell whose formula failed, and that row must be read and rejected, not passed over unseen.
     */
    private static boolean isTagRow(CsvReader csv) {
        if (csv.problem() != null) return false;
        boolean tag = false;
        for (int i = 0; i < csv.fieldCount(); i++) {
            String cell = csv.field(i).trim();
            if (cell.isEmpty()) continue;
            if (!HXL_TAG.matcher(cell).matches()) return false;
            tag = true;
        }
        return tag;
    }

    /** A count so large that the month's sum would overflow is a broken cell, not a figure: the row is rejected. */
    private static long addWithin(String field, long count, long sumSoFar, Key key) throws RowRejected {
        try {
            return Math.addExact(sumSoFar, count);
        } catch (ArithmeticException overflow) {
            throw new RowRejected(field + " " + count + " is too large: " + key.country() + "'s " + key.eventType()
                    + " total for " + key.month().iso() + " would exceed " + Long.MAX_VALUE);
        }
    }
}
