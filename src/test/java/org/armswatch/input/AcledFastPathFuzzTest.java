package org.armswatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.period.Period;
import org.armswatch.period.PeriodFormatException;
import org.armswatch.unrest.EventFileReader;
import org.armswatch.unrest.EventTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcuts the ACLED reader takes ({@link CsvReader#field(int, RepeatedValues)}, {@link CsvReader#digits(int)})
 * against the plain {@link CsvReader#field(int)}, on the broken copies of {@code fuzz/acled.csv} that
 * {@link ReaderFuzzTest} makes: every field of every record, and the whole reader against the same rules written with
 * plain fields only (as the reader was before it took them).
 */
class AcledFastPathFuzzTest {

    private static final CountryResolver COUNTRIES = CountryResolver.bundled();
    private static final int FILES = 400;

    @TempDir
    Path dir;

    @Test
    void shortcutsGiveWhatThePlainFieldsGiveOnBrokenExports() throws Exception {
        ReaderFuzzTest.Fixture acled = ReaderFuzzTest.Fixture.load("acled.csv", false);
        int compared = 0;
        int readers = 0;
        for (int i = 0; i < FILES; i++) {
            long seed = 20_261_128L + i;
            ReaderFuzzTest.BrokenFile broken = ReaderFuzzTest.BrokenFile.of(acled, seed, i % 50 == 49);
            Path file = dir.resolve("seed-" + seed + ".csv");
            Files.write(file, broken.bytes());
            InputScan scan;
            try {
                scan = InputScan.of(file);
            } catch (InputFileException e) {
                continue;
            }
            compared += compareFields(scan, seed);
            // As the run does: only a file with ACLED's two telling columns is read as an export.
            if (InputShape.ofUnrest(new Header(scan.header())) == InputShape.ACLED_EVENTS) {
                readers += compareReaders(scan, seed) ? 1 : 0;
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(readers).isGreaterThan(FILES / 2);
    }

    private static int compareFields(InputScan scan, long seed) throws InputFileException {
        int compared = 0;
        List<RepeatedValues> seen = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                // The fixture's 31 columns and a few past them; the "many columns" mutation adds tens of thousands.
                for (int f = 0; f < Math.min(csv.fieldCount() + 2, 40); f++) {
                    while (seen.size() <= f) seen.add(new RepeatedValues());
                    String plain = csv.field(f);
                    long digits = csv.digits(f);
                    if (digits >= 0) {
                        assertThat(plain)
                                .as("seed %d line %d field %d", seed, csv.line(), f)
                                .matches("[0-9]{1,18}");
                        assertThat(Long.parseLong(plain)).isEqualTo(digits);
                    } else {
                        assertThat(plain)
                                .as("seed %d line %d field %d", seed, csv.line(), f)
                                .doesNotMatch("[0-9]{1,18}");
                    }
                    assertThat(csv.field(f, seen.get(f)))
                            .as("seed %d line %d field %d", seed, csv.line(), f)
                            .isEqualTo(plain);
                    compared++;
                }
            }
        } catch (InputFileException e) {
            // A file that fails as a whole fails the same way in both readers below.
        }
        return compared;
    }

    /** @return whether the file was read (rather than failed as a whole) */
    private static boolean compareReaders(InputScan scan, long seed) {
        EventTally fast = new EventTally();
        List<RejectedRow> fastRejected = new ArrayList<>();
        String fastFailure = null;
        try {
            new EventFileReader(COUNTRIES).read(scan, 1, "f.csv", fast, fastRejected::add);
        } catch (InputFileException e) {
            fastFailure = e.getMessage();
        }
        EventTally plain = new EventTally();
        List<RejectedRow> plainRejected = new ArrayList<>();
        String plainFailure = null;
        try {
            PlainEventReader.read(scan, plain, plainRejected);
        } catch (InputFileException e) {
            plainFailure = e.getMessage();
        }
        assertThat(fastFailure).as("seed %d", seed).isEqualTo(plainFailure);
        if (fastFailure != null) return false;
        assertThat(fastRejected).as("seed %d", seed).isEqualTo(plainRejected);
        assertThat(fast.counts()).as("seed %d", seed).isEqualTo(plain.counts());
        assertThat(fast.used(1)).isEqualTo(plain.used(1));
        assertThat(fast.replaced(1)).isEqualTo(plain.replaced(1));
        assertThat(fast.replacedRows()).isEqualTo(plain.replacedRows());
        return true;
    }

    /** EventFileReader's row rules with plain fields only, as they were written before the shortcuts. */
    private static final class PlainEventReader {
        static void read(InputScan scan, EventTally tally, List<RejectedRow> rejects) throws InputFileException {
            Header h = new Header(scan.header());
            int id = h.indexOf("event_id_cnty");
            int date = h.indexOf("event_date");
            int type = h.indexOf("event_type");
            int country = h.indexOf("country");
            int iso = h.indexOf("iso");
            int fatalities = h.indexOf("fatalities");
            int timestamp = h.indexOf("timestamp");
            int targeting = h.indexOf("civilian_targeting");
            int source = h.indexOf("source");
            int iso3 = h.indexOf("iso3");
            if (type < 0 || (country < 0 && iso < 0)) {
                // Same refusal as the reader's; only its message is compared.
                new EventFileReader(COUNTRIES).read(scan, 1, "f.csv", new EventTally(), r -> {});
                return;
            }
            FigureParser numbers = FigureParser.forDialect(scan.dialect());
            try (CsvReader csv = CsvReader.open(scan)) {
                while (csv.next()) {
                    try {
                        if (csv.problem() != null) throw new RowRejected(csv.problem());
                        String eventId = csv.field(id).trim();
                        if (eventId.isEmpty()) throw new RowRejected("event_id_cnty is empty");
                        Period day;
                        try {
                            day = Period.parseEventDate("event_date", csv.field(date));
                        } catch (PeriodFormatException e) {
                            throw new RowRejected(e.getMessage());
                        }
                        String eventType = csv.field(type).trim();
                        if (eventType.isEmpty()) throw new RowRejected("event_type is empty");
                        String isoCell = iso < 0 ? "" : csv.field(iso).trim();
                        String cell = isoCell;
                        if (isoCell.isEmpty() || isoCell.equals("0")) {
                            String iso3Cell = iso3 < 0 ? "" : csv.field(iso3).trim();
                            cell = !iso3Cell.isEmpty()
                                    ? iso3Cell
                                    : country < 0 ? "" : csv.field(country).trim();
                        }
                        if (cell.isEmpty()) {
                            throw new RowRejected(
                                    isoCell.equals("0")
                                            ? "iso is 0 and country is empty"
                                            : "country and iso are empty");
                        }
                        String resolvedCell = cell;
                        String code = COUNTRIES
                                .resolve(cell)
                                .map(Country::code)
                                .orElseThrow(() -> new RowRejected("unknown country '" + resolvedCell + "'"));
                        Integer dead = null;
                        long time = 0;
                        try {
                            if (fatalities >= 0) {
                                Long f = numbers.count("fatalities", csv.field(fatalities));
                                if (f != null && f > Integer.MAX_VALUE)
                                    throw new RowRejected("fatalities " + f + " is too large");
                                dead = f == null ? null : f.intValue();
                            }
                            if (timestamp >= 0) {
                                Long t = numbers.count("timestamp", csv.field(timestamp));
                                time = t == null ? 0 : t;
                            }
                        } catch (FigureFormatException e) {
                            throw new RowRejected(e.getMessage());
                        }
                        boolean targeted =
                                targeting >= 0 && csv.field(targeting).trim().equalsIgnoreCase("civilian targeting");
                        boolean illustrative =
                                source >= 0 && org.armswatch.input.Illustrative.source(csv.field(source));
                        tally.add(
                                eventId,
                                time,
                                code,
                                day,
                                eventType,
                                targeted,
                                illustrative,
                                dead,
                                0,
                                1,
                                "f.csv",
                                csv.line());
                    } catch (RowRejected r) {
                        rejects.add(new RejectedRow(
                                "f.csv", csv.line(), csv.raw(), Objects.requireNonNull(r.getMessage())));
                    }
                }
            }
        }
    }
}
