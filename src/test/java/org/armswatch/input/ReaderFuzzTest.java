package org.armswatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.armswatch.country.CountryResolver;
import org.armswatch.licence.LicenceFigure;
import org.armswatch.licence.LicenceFile;
import org.armswatch.licence.LicenceFileReader;
import org.armswatch.period.Granularity;
import org.armswatch.unrest.CountedEvents;
import org.armswatch.unrest.EventCount;
import org.armswatch.unrest.EventFileReader;
import org.armswatch.unrest.EventTally;
import org.armswatch.unrest.HdxCountReader;
import org.armswatch.unrest.Qualifier;
import org.armswatch.unrest.ReportedFigure;
import org.armswatch.unrest.ReportedFigureReader;
import org.armswatch.unrest.ReportedFigureRules;
import org.armswatch.unrest.ReportedTotal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the readers broken copies of valid files (src/test/resources/fuzz/), the way broken exports arrive: cut lines,
 * stray quotes, wrong delimiters, invalid UTF-8, NUL bytes, huge fields, odd numbers and dates, formulas. Whatever
 * comes in, a reader either fails the whole file with an {@link InputFileException} that names it, or accounts for
 * every row it read. Deterministic: file {@code i} is built from seed {@code FIRST_SEED + i}, and every failure names
 * its seed and the rows that were mutated, so a failure can be replayed.
 */
class ReaderFuzzTest {

    /** -Dfuzz.seed=N -Dfuzz.files=1 replays one failure; more files explore further than CI does. */
    private static final long FIRST_SEED = Long.getLong("fuzz.seed", 20_220_105L);

    private static final int CI_FILES = 840;
    private static final int FILES = Integer.getInteger("fuzz.files", CI_FILES);
    private static final int ROWS_PER_FILE = 20;
    private static final double ROW_MUTATION_RATE = 0.7;
    private static final double FILE_MUTATION_RATE = 0.12;
    private static final double FILL_DOWN_RATE = 0.06;
    /** Every so many files, one field is made longer than the reader's limit (CsvReader.MAX_FIELD). */
    private static final int HUGE_FIELD_EVERY = 70;

    private static final int SHOWN_CHARS = 240;

    private static final CountryResolver COUNTRIES = CountryResolver.bundled();
    private static final Set<String> METRICS = Set.copyOf(ReportedFigureReader.STANDARD_METRICS);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static final List<String> NUMBERS = List.of(
            "1.2.3",
            "1e400",
            "-0",
            "١٢٣",
            "-5",
            "+1",
            "1,2,3",
            "2,5",
            "2.200.000,00",
            "99999999999999999999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "4611686018427387904",
            "2147483648",
            "NaN",
            "Infinity",
            "0x1F",
            "1 000",
            "1\u00A0000",
            "١٬٢٣٤",
            "۱۲۳",
            "１２３",
            "\u22123",
            "--1",
            "1-",
            "0.000000000000000000001",
            "1E5",
            "2.2E+06",
            "12.50",
            ".5",
            "5.",
            ",",
            "",
            " ",
            "0",
            "-0.00",
            "00000000000000000000000000000000000000001",
            "1_000",
            "$100",
            "100 €",
            "½",
            "1" + "0".repeat(400),
            "0".repeat(500),
            "9".repeat(18),
            "9".repeat(19),
            "١",
            "٠",
            "-١٢٣");
    /** Values at the limits of a long and an int, as a fill-down copies them into every row. */
    static final List<String> EXTREMES = List.of(
            "9223372036854775807",
            "4611686018427387904",
            "2147483647",
            "2147483648",
            "4294967296",
            "999999999999999999",
            "99999999999999999999999999999.99");

    static final List<String> DATES = List.of(
            "2021-13-40",
            "2021-02-29",
            "2020-02-29",
            "2021-04-31",
            "0000-01-01",
            "9999-12-31",
            "-2021",
            "2021-00",
            "2021-13",
            "2021-Q0",
            "2021-Q5",
            "2021-Q",
            "2021-q2",
            "21-01-01",
            "2021/01/01",
            "01.01.2021",
            "2021-1-1",
            "٢٠٢١-٠١-٠١",
            "٢٠٢١",
            "+2021-01-01",
            "2021-01-01T00:00:00Z",
            "32 January 2022",
            "05 Foo 2022",
            "05 January 22",
            "5 jan 2022",
            "29 February 2021",
            "00 May 2021",
            "１９９９",
            "1e400",
            "",
            " ",
            "2021-12-31",
            "=TODAY()",
            "2021-02-29 ",
            "99999",
            "2021-Q1-01");
    static final List<String> COUNTRY_CELLS = List.of(
            "",
            "Xyz",
            "Kazakstn",
            "KAZ",
            "kz",
            "398",
            "0398",
            "000",
            "-398",
            "Northern Cyprus",
            "KZT",
            "XAF",
            "Korea, South",
            "Gambia, The",
            "Türkei",
            "Tu\u0308rkiye",
            "KASACHSTAN",
            "Côte d'Ivoire",
            "XK",
            "XKX",
            "EU",
            "=cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\u200BKZ",
            "K Z",
            "\uD83C\uDDF0\uD83C\uDDFF",
            "Қазақстан",
            "N/A",
            "null",
            "the",
            "&",
            "....",
            "١٢٣");
    static final List<String> FORMULAS = List.of(
            "=cmd|' /C calc'!A0",
            "+1",
            "@SUM",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "=HYPERLINK(\"http://example.invalid\",\"x\")",
            "=1+1",
            "\t=1",
            "=\"a\"&\"b\"",
            "'=1",
            "=",
            "+",
            "@");
    /** What a spreadsheet writes into a cell whose formula failed. */
    static final List<String> EXCEL_ERRORS =
            List.of("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "########");

    private static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xFE, (byte) 0xFF},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE2, (byte) 0x82});
    private static final List<String> UNICODE_JUNK = List.of(
            "\u200B",
            "\u200F",
            "\u202E",
            "\u0301",
            "\uD83D\uDCA3",
            "\uD800",
            "\uFFFD",
            "\u2028",
            "\u0085",
            "\u00A0",
            "\u3000");

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    /** Records after the header as the CSV layer gives them: what a reader must account for, one by one. */
    private int records;

    @Test
    void everyRowOfEveryBrokenFileIsUsedOrRejectedAndBrokenFilesFailWithTheirName() throws IOException {
        List<Fixture> fixtures = List.of(
                Fixture.load("licences.csv", true),
                Fixture.load("licences-german-excel.csv", true),
                Fixture.load("acled.csv", false),
                Fixture.load("tally.csv", false),
                Fixture.load("hdx.csv", false));
        int mutatedRows = 0;
        int hugeFields = 0;
        int failedAsAWhole = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (int i = 0; i < FILES; i++) {
            long seed = FIRST_SEED + i;
            Fixture fixture = fixtures.get((int) (seed % fixtures.size()));
            BrokenFile broken = BrokenFile.of(fixture, seed, seed % HUGE_FIELD_EVERY == HUGE_FIELD_EVERY - 1);
            mutatedRows += broken.rows().size();
            hugeFields += broken.hugeFields();
            broken.rows()
                    .forEach(r ->
                            r.kinds().forEach(k -> byKind.merge(k.substring(0, k.indexOf(':')), 1, Integer::sum)));
            if (broken.fileMutation() != null) byKind.merge("file: " + broken.fileMutation(), 1, Integer::sum);
            Path file = dir.resolve("seed-" + seed + ".csv");
            Files.write(file, broken.bytes());
            if (readAndCheck(file, fixture, broken) < 0) failedAsAWhole++;
            Files.delete(file);
        }
        System.out.println("reader fuzz: " + mutatedRows + " mutated rows in " + FILES + " files (" + hugeFields
                + " fields over 1,000,000 chars, " + failedAsAWhole + " files failed as a whole); mutations: "
                + byKind);
        assertThat(failures).as("properties broken (%d)", failures.size()).isEmpty();
        // A replay of a few seeds has fewer rows; the CI run, or a longer one, must reach the counts.
        if (FILES >= CI_FILES) {
            assertThat(mutatedRows).isGreaterThanOrEqualTo(10_000);
            assertThat(hugeFields).isGreaterThanOrEqualTo(5);
        }
    }

    /** @return the number of rows rejected, or -1 when the file failed as a whole */
    private int readAndCheck(Path file, Fixture fixture, BrokenFile broken) {
        String name = file.getFileName().toString();
        try {
            InputScan scan = InputScan.of(file);
            records = records(scan);
            if (fixture.licences()) {
                return checkLicences(new LicenceFileReader(COUNTRIES).read(scan, name), broken);
            }
            return switch (InputShape.ofUnrest(new Header(scan.header()))) {
                case ACLED_EVENTS -> checkEvents(scan, name, broken);
                case HDX_COUNTS -> checkHdx(new HdxCountReader(COUNTRIES).read(scan, name), broken);
                case REPORTED_FIGURES ->
                    checkTally(new ReportedFigureReader(COUNTRIES, METRICS).read(scan, 1, name), broken);
                case LICENCES -> throw new AssertionError("an unrest file is never a licence file");
            };
        } catch (InputFileException e) {
            expect(
                    e.getMessage() != null && e.getMessage().startsWith(name + ": "),
                    broken,
                    "InputFileException without the file's name first: " + e.getMessage());
            return -1;
        } catch (Throwable t) {
            failures.add(t + " escaped the reader at "
                    + Arrays.stream(t.getStackTrace()).limit(6).toList() + "\n" + broken.describe());
            return -1;
        }
    }

    private int checkLicences(LicenceFile read, BrokenFile broken) {
        expect(read.rowsRead() == records, broken, "read " + read.rowsRead() + " of " + records + " records");
        expect(
                read.reconciles(),
                broken,
                "licence file does not reconcile: read " + read.rowsRead() + " != used "
                        + read.figures().size() + " + rejected "
                        + read.rejected().size() + " + replaced "
                        + read.replaced().size());
        checkRejected(read.rejected(), broken, true);
        checkRejected(read.replaced(), broken, false);
        for (LicenceFigure f : read.figures()) {
            expect(f.licences() != null || f.value() != null, broken, "line " + f.line() + ": both counts null");
            expect(
                    f.licences() == null || f.licences() >= 0,
                    broken,
                    "line " + f.line() + ": licences " + f.licences());
            expect(
                    f.value() == null || f.value().signum() >= 0,
                    broken,
                    "line " + f.line() + ": value_eur " + plain(f.value()));
            expect(
                    f.line() >= 2 && f.line() <= broken.lines(),
                    broken,
                    "figure on line " + f.line() + " of " + broken.lines());
        }
        return read.rejected().size();
    }

    private int checkEvents(InputScan scan, String name, BrokenFile broken) throws InputFileException {
        EventTally tally = new EventTally(Integer.MAX_VALUE);
        List<RejectedRow> rejected = new ArrayList<>();
        EventFileReader.EventFile read = new EventFileReader(COUNTRIES).read(scan, 1, name, tally, rejected::add);
        expect(read.rowsRead() == records, broken, "read " + read.rowsRead() + " of " + records + " records");
        expect(
                read.rowsRead() == tally.used(1) + read.rowsRejected() + tally.replaced(1),
                broken,
                "events do not reconcile: read " + read.rowsRead() + " != used " + tally.used(1) + " + rejected "
                        + read.rowsRejected() + " + replaced " + tally.replaced(1));
        expect(
                read.rowsRejected() == rejected.size(),
                broken,
                "rowsRejected " + read.rowsRejected() + " but " + rejected.size() + " rejected rows handed over");
        checkRejected(rejected, broken, true);
        checkRejected(tally.replacedRows(), broken, false);
        long events = 0;
        for (EventCount c : tally.counts()) {
            expect(
                    c.events() > 0
                            && c.fatalities() >= 0
                            && c.eventsWithoutFatalities() >= 0
                            && c.eventsWithoutFatalities() <= c.events(),
                    broken,
                    "negative or impossible count " + c);
            events += c.events();
        }
        expect(events == tally.used(1), broken, "counted " + events + " events, used " + tally.used(1) + " rows");
        return rejected.size();
    }

    private int checkTally(ReportedFigureReader.TallyFile read, BrokenFile broken) {
        expect(read.rowsRead() == records, broken, "read " + read.rowsRead() + " of " + records + " records");
        expect(
                read.rowsRead() == read.figures().size() + read.rejected().size(),
                broken,
                "tally does not reconcile: read " + read.rowsRead() + " != figures "
                        + read.figures().size() + " + rejected "
                        + read.rejected().size());
        checkRejected(read.rejected(), broken, true);
        for (ReportedFigure f : read.figures()) {
            expect(f.value() >= 0, broken, "line " + f.line() + ": value " + f.value());
            expect(
                    f.line() >= 2 && f.line() <= broken.lines(),
                    broken,
                    "figure on line " + f.line() + " of " + broken.lines());
        }
        // The running totals are the tally's next step; they must not turn a huge figure negative either.
        for (ReportedTotal t : ReportedFigureRules.totals(read.figures(), Granularity.QUARTER)) {
            expect(
                    t.lowest() >= 0 && t.highest() >= t.lowest() && (t.official() == null || t.official() >= 0),
                    broken,
                    "impossible total " + t);
        }
        return read.rejected().size();
    }

    private int checkHdx(HdxCountReader.HdxFile read, BrokenFile broken) {
        // Only the row of HXL tags under the header is not data; the generator knows whether it wrote one.
        int expected = records - (broken.tagRow() ? 1 : 0);
        expect(read.rowsRead() == expected, broken, "read " + read.rowsRead() + " of " + expected + " data records");
        expect(
                read.rowsRead() == read.rowsUsed() + read.rejected().size() + read.rowsSkipped(),
                broken,
                "HDX does not reconcile: read " + read.rowsRead() + " != used " + read.rowsUsed() + " + rejected "
                        + read.rejected().size() + " + skipped " + read.rowsSkipped());
        checkRejected(read.rejected(), broken, true);
        long rows = 0;
        for (CountedEvents c : read.counts()) {
            expect(
                    c.events() >= 0 && c.fatalities() >= 0 && c.rows() > 0 && c.rowsWithoutFatalities() >= 0,
                    broken,
                    "negative count " + c);
            rows += c.rows();
        }
        expect(rows == read.rowsUsed(), broken, "counts hold " + rows + " rows, used " + read.rowsUsed());
        return read.rejected().size();
    }

    /** @param inFileOrder rows rejected while reading, which come in the order of their lines */
    private void checkRejected(List<RejectedRow> rows, BrokenFile broken, boolean inFileOrder) {
        long previous = 0;
        for (RejectedRow r : rows) {
            expect(
                    r.reason() != null && !r.reason().isBlank(),
                    broken,
                    "line " + r.line() + " rejected without a reason");
            expect(
                    r.line() >= 2 && r.line() <= broken.lines(),
                    broken,
                    "rejected row on line " + r.line() + " of " + broken.lines() + ": " + r.reason());
            expect(
                    !inFileOrder || r.line() > previous,
                    broken,
                    "rejected row on line " + r.line() + " after one on line " + previous);
            expect(r.raw() != null, broken, "line " + r.line() + " rejected without its raw text");
            expect(
                    r.raw() == null
                            || !r.raw()
                                    .replace("\uFEFF", "")
                                    .strip()
                                    .equals(broken.header().strip()),
                    broken,
                    "the header was read as a row, line " + r.line() + ": " + r.reason());
            previous = r.line();
        }
    }

    private static int records(InputScan scan) throws InputFileException {
        int n = 0;
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) n++;
        }
        return n;
    }

    private void expect(boolean holds, BrokenFile broken, String property) {
        if (!holds && failures.size() < 50) {
            failures.add(property + "\n" + broken.describe());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    /** A valid file to break: its header and rows, and which columns hold numbers, dates and countries. */
    record Fixture(
            String name,
            boolean licences,
            Charset charset,
            boolean bom,
            String lineEnd,
            char delimiter,
            String header,
            List<String> rows,
            List<Integer> numberColumns,
            List<Integer> dateColumns,
            List<Integer> countryColumns) {

        private static final Set<String> NUMBER_NAMES = Set.of(
                "licences",
                "value_eur",
                "number of licences",
                "value (eur)",
                "fatalities",
                "timestamp",
                "events",
                "value",
                "latitude",
                "longitude");
        private static final Set<String> DATE_NAMES =
                Set.of("period", "year", "date", "event_date", "reference_period_start", "reference_period_end");
        private static final Set<String> COUNTRY_NAMES =
                Set.of("exporter", "destination", "destination country", "country", "iso", "location_code");

        static Fixture load(String name, boolean licences) throws IOException {
            byte[] bytes = Files.readAllBytes(resource(name));
            boolean bom = bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF;
            Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            String text = new String(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0), charset);
            String lineEnd = text.contains("\r\n") ? "\r\n" : "\n";
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n")));
            lines.removeIf(String::isEmpty);
            String header = lines.remove(0);
            char delimiter = header.chars().filter(c -> c == ';').count()
                            > header.chars().filter(c -> c == ',').count()
                    ? ';'
                    : ',';
            List<String> names =
                    fields(header, delimiter).stream().map(Header::normalize).toList();
            return new Fixture(
                    name,
                    licences,
                    charset,
                    bom,
                    lineEnd,
                    delimiter,
                    header,
                    List.copyOf(lines),
                    indexes(names, NUMBER_NAMES::contains),
                    indexes(names, DATE_NAMES::contains),
                    indexes(names, COUNTRY_NAMES::contains));
        }

        private static List<Integer> indexes(List<String> names, Predicate<String> wanted) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (wanted.test(names.get(i))) out.add(i);
            }
            return out;
        }
    }

    /** One mutated row as it went into the file: its number among the data rows, what was done, and its text. */
    record MutatedRow(int row, List<String> kinds, byte[] bytes) {}

    /** A broken copy of a fixture: the bytes written, and what was done to them. */
    record BrokenFile(
            long seed,
            String fixture,
            String header,
            String fileMutation,
            List<MutatedRow> rows,
            int hugeFields,
            byte[] bytes,
            long lines) {

        BrokenFile(
                long seed,
                String fixture,
                String header,
                String fileMutation,
                List<MutatedRow> rows,
                int hugeFields,
                byte[] bytes) {
            this(seed, fixture, header, fileMutation, rows, hugeFields, bytes, lines(bytes));
        }

        /** Physical lines as CsvReader counts them: LF, CR and CRLF each end one. */
        static long lines(byte[] bytes) {
            long breaks = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\r' || (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))) breaks++;
            }
            return breaks + 1;
        }

        boolean tagRow() {
            return FileMutation.TAG_ROW_UNDER_HEADER.said().equals(fileMutation);
        }

        String describe() {
            StringBuilder out = new StringBuilder("  seed " + seed + " (from fuzz/" + fixture + ")");
            if (fileMutation != null) out.append(", whole file: ").append(fileMutation);
            out.append(", mutated rows:");
            for (MutatedRow r : rows) {
                out.append("\n    row ")
                        .append(r.row())
                        .append(' ')
                        .append(r.kinds())
                        .append(": ")
                        .append(shown(r.bytes()));
            }
            return out.toString();
        }

        static BrokenFile of(Fixture f, long seed, boolean hugeField) {
            Random random = new Random(seed);
            Mutator m = new Mutator(f, random);
            List<MutatedRow> mutated = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int huge = 0;
            int hugeRow = hugeField ? random.nextInt(ROWS_PER_FILE + 1) : -1;
            // A spreadsheet's fill-down: one extreme figure copied into a whole column, so that sums overflow if they
            // can.
            boolean fillDown = random.nextDouble() < FILL_DOWN_RATE;
            int fillColumn =
                    f.numberColumns().get(random.nextInt(f.numberColumns().size()));
            String fillValue = EXTREMES.get(random.nextInt(EXTREMES.size()));
            for (int i = 0; i < ROWS_PER_FILE; i++) {
                String row = f.rows().get(random.nextInt(f.rows().size()));
                List<String> kinds = new ArrayList<>();
                if (fillDown) {
                    row = m.setField(row, List.of(fillColumn), fillValue, "filled down", kinds, false);
                }
                byte[] bytes;
                if (i == hugeRow) {
                    bytes = m.hugeField(row, kinds);
                    huge++;
                } else if (random.nextDouble() < ROW_MUTATION_RATE) {
                    bytes = m.mutate(row, kinds);
                } else {
                    bytes = m.encode(row + f.lineEnd());
                }
                body.writeBytes(bytes);
                if (!kinds.isEmpty()) mutated.add(new MutatedRow(i + 1, kinds, bytes));
            }
            String header = f.header();
            String fileMutation = null;
            if (hugeRow == ROWS_PER_FILE) {
                header = m.hugeHeader(header);
                fileMutation = "header field over 1,000,000 chars";
                huge++;
            }
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            if (f.bom()) file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            file.writeBytes(m.encode(header + f.lineEnd()));
            file.writeBytes(body.toByteArray());
            byte[] bytes = file.toByteArray();
            if (fileMutation == null && random.nextDouble() < FILE_MUTATION_RATE) {
                FileMutation whole = FileMutation.values()[random.nextInt(FileMutation.values().length)];
                fileMutation = whole.said();
                bytes = whole.apply(f, m, random, header, body.toByteArray());
                if (whole.dropsRows()) mutated.clear();
            }
            return new BrokenFile(seed, f.name(), f.header(), fileMutation, List.copyOf(mutated), huge, bytes);
        }
    }

    /** Breaks a file as a whole; the rows inside may be broken too. */
    enum FileMutation {
        HEADER_ONLY,
        HEADER_ONLY_WITHOUT_LINE_BREAK,
        EMPTY,
        ONLY_BLANK_LINES,
        BOM_TWICE,
        CR_ONLY_LINE_ENDS,
        HEADER_CUT,
        STRAY_QUOTE_IN_HEADER,
        TAG_ROW_UNDER_HEADER,
        NO_FINAL_LINE_BREAK,
        WINDOWS_1252_THROUGHOUT,
        HEADER_WITH_50000_MORE_COLUMNS,
        HEADER_NAMES_SWAPPED,
        BLANK_LINES_BEFORE_HEADER,
        UTF_16,
        JUNK_BYTES_AFTER_HEADER,
        NUL_BYTES_ONLY;

        String said() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        boolean dropsRows() {
            return this == HEADER_ONLY
                    || this == HEADER_ONLY_WITHOUT_LINE_BREAK
                    || this == EMPTY
                    || this == ONLY_BLANK_LINES
                    || this == NUL_BYTES_ONLY;
        }

        byte[] apply(Fixture f, Mutator m, Random random, String header, byte[] body) {
            String end = f.lineEnd();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] bom = f.bom() ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[0];
            switch (this) {
                case HEADER_ONLY -> out.writeBytes(m.encode(header + end));
                case HEADER_ONLY_WITHOUT_LINE_BREAK -> out.writeBytes(m.encode(header));
                case EMPTY -> {}
                case ONLY_BLANK_LINES -> out.writeBytes(m.encode("\n\r\n  \n,,,\n;;\n\t\n\"\"\n"));
                case BOM_TWICE -> {
                    out.writeBytes(
                            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    out.writeBytes(m.encode(header + end));
                    out.writeBytes(body);
                }
                case CR_ONLY_LINE_ENDS -> {
                    out.writeBytes(bom);
                    out.writeBytes(m.encode(header + "\r"));
                    out.writeBytes(new String(body, StandardCharsets.ISO_8859_1)
                            .replace("\r\n", "\r")
                            .replace('\n', '\r')
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                case HEADER_CUT -> {
                    out.writeBytes(bom);
                    out.writeBytes(m.encode(header.substring(0, random.nextInt(header.length())) + end));
                    out.writeBytes(body);
                }
                case STRAY_QUOTE_IN_HEADER -> {
                    out.writeBytes(bom);
                    int at = random.nextInt(header.length() + 1);
                    out.writeBytes(m.encode(header.substring(0, at) + '"' + header.substring(at) + end));
                    out.writeBytes(body);
                }
                case TAG_ROW_UNDER_HEADER -> {
                    out.writeBytes(bom);
                    out.writeBytes(m.encode(header + end));
                    List<String> tags = fields(header, f.delimiter()).stream()
                            .map(h -> "#" + Header.normalize(h).replaceAll("[^a-z0-9]+", "+"))
                            .toList();
                    out.writeBytes(m.encode(String.join(String.valueOf(f.delimiter()), tags) + end));
                    out.writeBytes(body);
                }
                case NO_FINAL_LINE_BREAK -> {
                    out.writeBytes(bom);
                    out.writeBytes(m.encode(header + end));
                    int cut = body.length;
                    while (cut > 0 && (body[cut - 1] == '\n' || body[cut - 1] == '\r')) cut--;
                    out.write(body, 0, cut);
                }
                case WINDOWS_1252_THROUGHOUT -> {
                    String text = header + end + new String(body, f.charset());
                    out.writeBytes(text.getBytes(WINDOWS_1252));
                }
                case HEADER_WITH_50000_MORE_COLUMNS -> {
                    out.writeBytes(bom);
                    StringBuilder wide = new StringBuilder(header);
                    for (int i = 0; i < 50_000; i++)
                        wide.append(f.delimiter()).append("extra").append(i);
                    out.writeBytes(m.encode(wide + end));
                    out.writeBytes(body);
                }
                case HEADER_NAMES_SWAPPED -> {
                    out.writeBytes(bom);
                    List<String> names = new ArrayList<>(fields(header, f.delimiter()));
                    int a = random.nextInt(names.size());
                    int b = random.nextInt(names.size());
                    String first = names.get(a);
                    names.set(a, names.get(b));
                    names.set(b, first);
                    out.writeBytes(m.encode(String.join(String.valueOf(f.delimiter()), names) + end));
                    out.writeBytes(body);
                }
                case BLANK_LINES_BEFORE_HEADER -> {
                    out.writeBytes(bom);
                    String[] blanks = {"\n\r\n , \n", "\"\"\n", "\"\" \"\"\n", " \"\" , \"\"\r\n", "\r\r", ";\"\";\n"};
                    out.writeBytes(m.encode(blanks[random.nextInt(blanks.length)] + header + end));
                    out.writeBytes(body);
                }
                case UTF_16 -> {
                    String text = "\uFEFF" + header + end + new String(body, f.charset());
                    out.writeBytes(text.getBytes(
                            random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
                }
                case JUNK_BYTES_AFTER_HEADER -> {
                    out.writeBytes(bom);
                    out.writeBytes(m.encode(header + end));
                    byte[] junk = new byte[1 + random.nextInt(4096)];
                    random.nextBytes(junk);
                    out.writeBytes(junk);
                    out.writeBytes(body);
                }
                case NUL_BYTES_ONLY -> out.writeBytes(new byte[1 + random.nextInt(2048)]);
            }
            return out.toByteArray();
        }
    }

    /** Breaks one row. Each kind of damage is one that exports are known to carry. */
    static final class Mutator {
        private final Fixture f;
        private final Random random;
        /** One byte that is not UTF-8 turns the whole file into Windows-1252, so only some files get them. */
        private final boolean byteDamage;

        Mutator(Fixture f, Random random) {
            this.f = f;
            this.random = random;
            this.byteDamage = random.nextBoolean();
        }

        byte[] encode(String text) {
            return text.getBytes(f.charset());
        }

        /** One to three kinds of damage; the byte-level kinds come last, so that text edits cannot repair them. */
        byte[] mutate(String row, List<String> kinds) {
            String end = f.lineEnd();
            String text = row;
            String after = "";
            int times = 1 + random.nextInt(3);
            for (int t = 0; t < times; t++) {
                int kind = random.nextInt(21);
                switch (kind) {
                    case 0 -> {
                        kinds.add("cut line: at " + text.length());
                        text = text.substring(0, random.nextInt(text.length() + 1));
                    }
                    case 1 -> {
                        int at = random.nextInt(text.length() + 1);
                        kinds.add("cut line, joined to the next: at " + at);
                        text = text.substring(0, at);
                        end = "";
                    }
                    case 2 -> {
                        int at = random.nextInt(text.length() + 1);
                        kinds.add("stray quote: at " + at);
                        text = text.substring(0, at) + '"' + text.substring(at);
                    }
                    case 3 -> {
                        char[] others =
                                f.delimiter() == ',' ? new char[] {';', '\t', '|'} : new char[] {',', '\t', '|'};
                        char wrong = others[random.nextInt(others.length)];
                        kinds.add("wrong delimiter: " + escape(String.valueOf(wrong)));
                        text = text.replace(f.delimiter(), wrong);
                    }
                    case 4 -> text = setField(text, f.numberColumns(), pick(NUMBERS), "number", kinds);
                    case 5 -> text = setField(text, f.dateColumns(), pick(DATES), "date", kinds);
                    case 6 -> text = setField(text, f.countryColumns(), pick(COUNTRY_CELLS), "country", kinds);
                    case 7 -> text = setField(text, null, pick(FORMULAS), "formula", kinds);
                    case 8 -> {
                        int at = random.nextInt(text.length() + 1);
                        kinds.add("BOM in the middle: at " + at);
                        text = text.substring(0, at) + '\uFEFF' + text.substring(at);
                    }
                    case 9 -> {
                        kinds.add("CR-only line end: \\r");
                        end = "\r";
                    }
                    case 10 -> {
                        String[] odd = {"\r\r\n", "\n\r", "\r\n\r\n", "\u2028\n", "\u0085\n"};
                        end = odd[random.nextInt(odd.length)];
                        kinds.add("odd line end: " + escape(end));
                    }
                    case 11 -> {
                        int columns = 1_000 + random.nextInt(100_000);
                        kinds.add("extremely many columns: " + columns + " more");
                        StringBuilder wide = new StringBuilder(text);
                        for (int i = 0; i < columns; i++)
                            wide.append(f.delimiter()).append(i % 7 == 0 ? "x" : "");
                        text = wide.toString();
                    }
                    case 12 -> {
                        List<String> fields = fields(text, f.delimiter());
                        int keep = random.nextInt(fields.size());
                        kinds.add("too few columns: " + keep);
                        text = String.join(String.valueOf(f.delimiter()), fields.subList(0, keep));
                    }
                    case 13 -> {
                        String[] blanks = {"", " ", ",,,", ";;;", "\t", "\"\"", " , ; "};
                        String blank = blanks[random.nextInt(blanks.length)];
                        kinds.add("empty line after it: '" + escape(blank) + "'");
                        after = after + blank + f.lineEnd();
                    }
                    case 14 -> {
                        kinds.add("row repeated: as it is so far");
                        after = after + text + f.lineEnd();
                    }
                    case 15 -> {
                        List<String> fields = new ArrayList<>(fields(text, f.delimiter()));
                        int a = random.nextInt(fields.size());
                        int b = random.nextInt(fields.size());
                        kinds.add("columns swapped: " + a + " and " + b);
                        String first = fields.get(a);
                        fields.set(a, fields.get(b));
                        fields.set(b, first);
                        text = String.join(String.valueOf(f.delimiter()), fields);
                    }
                    case 16 -> {
                        String[] breaks = {"\n", "\r\n", "\r", "\n\n"};
                        String br = breaks[random.nextInt(breaks.length)];
                        text = setField(
                                text,
                                null,
                                "\"line one" + br + "line \"\"two\"\"" + br + "\"",
                                "quoted line break",
                                kinds);
                    }
                    case 17 -> {
                        String[] quotes = {
                            "\"abc\"def",
                            "\"\"",
                            "\"\"\"",
                            "a\"\"b",
                            " \"x\" ",
                            "\"x\" y",
                            "5\" gun",
                            "\"",
                            "\"a" + f.delimiter() + "b\"",
                            "\"\"\"\"\"\""
                        };
                        text = setField(text, null, quotes[random.nextInt(quotes.length)], "quote games", kinds);
                    }
                    case 18 -> {
                        String junk = pick(UNICODE_JUNK);
                        kinds.add("odd unicode: " + escape(junk));
                        int at = random.nextInt(text.length() + 1);
                        text = text.substring(0, at) + junk + text.substring(at);
                    }
                    case 19 ->
                        text = setField(
                                text,
                                random.nextBoolean() ? f.countryColumns() : f.numberColumns(),
                                pick(EXCEL_ERRORS),
                                "spreadsheet error",
                                kinds);
                    default -> {
                        List<String> fields = new ArrayList<>(fields(text, f.delimiter()));
                        int a = random.nextInt(fields.size());
                        String[] pads = {" ", "\u00A0", "\t", "  \u202F"};
                        String pad = pads[random.nextInt(pads.length)];
                        kinds.add("padded: column " + a);
                        fields.set(a, pad + fields.get(a) + pad);
                        text = String.join(String.valueOf(f.delimiter()), fields);
                    }
                }
            }
            byte[] bytes = encode(text + end + after);
            int byteKinds = byteDamage && random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
            for (int t = 0; t < byteKinds; t++) {
                if (random.nextBoolean()) {
                    kinds.add("invalid UTF-8: bytes");
                    bytes = insert(bytes, INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size())));
                } else {
                    kinds.add("NUL byte: 0x00");
                    bytes = insert(bytes, new byte[1 + random.nextInt(3)]);
                }
            }
            return bytes;
        }

        /**
         * A field over CsvReader's limit: plain, all digits, quoted with line breaks and doubled quotes, or
         * unterminated.
         */
        byte[] hugeField(String row, List<String> kinds) {
            int length = CsvReader.MAX_FIELD + 1 + random.nextInt(200_000);
            List<String> fields = new ArrayList<>(fields(row, f.delimiter()));
            int column = random.nextInt(fields.size());
            String value;
            switch (random.nextInt(4)) {
                case 0 -> {
                    kinds.add("huge field: plain, " + length + " chars in column " + column);
                    value = "x".repeat(length);
                }
                case 1 -> {
                    column = f.numberColumns().isEmpty()
                            ? column
                            : f.numberColumns().get(0);
                    kinds.add("huge field: number, " + length + " digits in column " + column);
                    value = "9".repeat(length);
                }
                case 2 -> {
                    kinds.add("huge field: quoted with line breaks, " + length + " chars in column " + column);
                    value = "\"" + "ab\"\"c\n\r\n".repeat(length / 9 + 1) + "\"";
                }
                default -> {
                    kinds.add("huge field: unterminated quote, " + length + " chars in column " + column);
                    value = "\"" + "a,b;c\n".repeat(length / 6 + 1);
                }
            }
            fields.set(column, value);
            return encode(String.join(String.valueOf(f.delimiter()), fields) + f.lineEnd());
        }

        String hugeHeader(String header) {
            return header + f.delimiter() + "h".repeat(CsvReader.MAX_FIELD + 1 + random.nextInt(100_000));
        }

        private String setField(String text, List<Integer> columns, String value, String what, List<String> kinds) {
            return setField(text, columns, value, what, kinds, true);
        }

        String setField(
                String text,
                List<Integer> columns,
                String value,
                String what,
                List<String> kinds,
                boolean strayColumn) {
            List<String> fields = new ArrayList<>(fields(text, f.delimiter()));
            int column = columns == null || columns.isEmpty() || (strayColumn && random.nextInt(8) == 0)
                    ? random.nextInt(fields.size())
                    : columns.get(random.nextInt(columns.size()));
            String cell = value;
            boolean needsQuotes = value.indexOf(f.delimiter()) >= 0 || value.indexOf('"') >= 0;
            if (needsQuotes && !value.startsWith("\"") && random.nextBoolean()) {
                cell = "\"" + value.replace("\"", "\"\"") + "\"";
            }
            while (fields.size() <= column) fields.add("");
            fields.set(column, cell);
            kinds.add(what + ": " + escape(cell) + " in column " + column);
            return String.join(String.valueOf(f.delimiter()), fields);
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private byte[] insert(byte[] bytes, byte[] inserted) {
            int at = random.nextInt(bytes.length + 1);
            byte[] out = new byte[bytes.length + inserted.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(inserted, 0, out, at, inserted.length);
            System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
            return out;
        }
    }

    /** Splits a row at delimiters outside quotes, keeping each field's text as written (quotes included). */
    static List<String> fields(String row, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == delimiter && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** What Java's strict decoder says of the bytes (the reference the readers' own checks are held to). */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A row for a failure message: control characters and bytes that are not UTF-8 written out, long rows cut. */
    static String shown(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int shownBytes = Math.min(bytes.length, SHOWN_CHARS * 4);
        String text = isUtf8(Arrays.copyOf(bytes, shownBytes))
                ? new String(bytes, 0, shownBytes, StandardCharsets.UTF_8)
                : null;
        if (text != null) {
            out.append(escape(text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) : text));
        } else {
            for (int i = 0; i < Math.min(bytes.length, SHOWN_CHARS); i++) {
                int b = bytes[i] & 0xFF;
                if (b >= 0x20 && b < 0x7F) out.append((char) b);
                else out.append(String.format("\\x%02X", b));
            }
        }
        if (bytes.length > shownBytes || (text != null && text.length() > SHOWN_CHARS)) {
            out.append(" … (").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (cp < 0x20
                            || cp == 0xFEFF
                            || (cp >= 0x200B && cp <= 0x202F)
                            || cp == 0x85
                            || Character.getType(cp) == Character.SURROGATE) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    // What the fuzzing found, pinned so that the seeds can change without losing the cases.

    private static final String HDX_HEADER =
            "location_code,admin_level,event_type,events,fatalities,reference_period_start\n";

    @Test
    void hdxCountsThatWouldOverflowTheMonthsSumAreRejectedNotSummedIntoANegative()
            throws IOException, InputFileException {
        Path file = dir.resolve("hdx-filled-down.csv");
        Files.writeString(
                file,
                HDX_HEADER + "KAZ,0,demonstration,9223372036854775807,1,2025-01-01\n"
                        + "KAZ,0,demonstration,1,9223372036854775807,2025-01-01\n"
                        + "KAZ,0,demonstration,0,9223372036854775807,2025-01-01\n");

        HdxCountReader.HdxFile read = new HdxCountReader(COUNTRIES).read(InputScan.of(file), "hdx-filled-down.csv");

        assertThat(read.rowsRead()).isEqualTo(read.rowsUsed() + read.rejected().size() + read.rowsSkipped());
        assertThat(read.rejected())
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(
                        tuple(
                                3L,
                                "events 1 is too large: KZ's demonstration total for 2025-01 would exceed 9223372036854775807"),
                        tuple(
                                4L,
                                "fatalities 9223372036854775807 is too large: KZ's demonstration total for 2025-01 would"
                                        + " exceed 9223372036854775807"));
        assertThat(read.counts()).singleElement().satisfies(c -> {
            assertThat(c.events()).isEqualTo(Long.MAX_VALUE);
            assertThat(c.fatalities()).isEqualTo(1);
            assertThat(c.rows()).isEqualTo(1);
        });
    }

    @Test
    void aSpreadsheetErrorInTheFirstCellOfHdxsFirstRowIsReadAndRejectedWhileTheTagRowIsPassedOver()
            throws IOException, InputFileException {
        Path withTags = dir.resolve("hdx-with-tags.csv");
        Files.writeString(
                withTags,
                HDX_HEADER + "#country+code,#adm+level,#event+type,#event+num,#affected+killed,#date+start\n"
                        + "#N/A,0,demonstration,3,,2025-01-01\n" + "KAZ,0,demonstration,9,,2025-01-01\n");
        Path withoutTags = dir.resolve("hdx-without-tags.csv");
        Files.writeString(withoutTags, HDX_HEADER + "#REF!,0,demonstration,3,,2025-01-01\n");

        HdxCountReader.HdxFile tagged = new HdxCountReader(COUNTRIES).read(InputScan.of(withTags), "hdx-with-tags.csv");
        HdxCountReader.HdxFile untagged =
                new HdxCountReader(COUNTRIES).read(InputScan.of(withoutTags), "hdx-without-tags.csv");

        assertThat(tagged.rowsRead()).isEqualTo(2);
        assertThat(tagged.rejected())
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(3L, "unknown country '#N/A'"));
        assertThat(tagged.counts()).extracting(CountedEvents::events).containsExactly(9L);
        assertThat(untagged.rowsRead()).isEqualTo(1);
        assertThat(untagged.rejected()).extracting(RejectedRow::reason).containsExactly("unknown country '#REF!'");
    }

    @Test
    void anIncrementalTallySumThatOverflowsIsAtLeastTheLargestLongNotNegative() throws IOException, InputFileException {
        Path file = dir.resolve("tally-huge.csv");
        Files.writeString(
                file,
                "country,date,metric,value,basis,source\n"
                        + "KZ,2022-01-05,injured,9223372036854775807,incremental,Hospitals\n"
                        + "KZ,2022-01-06,injured,259,incremental,Hospitals\n");

        ReportedFigureReader.TallyFile read =
                new ReportedFigureReader(COUNTRIES, METRICS).read(InputScan.of(file), 1, "tally-huge.csv");

        assertThat(ReportedFigureRules.totals(read.figures(), Granularity.QUARTER))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.highest()).isEqualTo(Long.MAX_VALUE);
                    assertThat(t.highestQualifier()).isEqualTo(Qualifier.AT_LEAST);
                });
    }

    /** The fuzzing starts from files that read cleanly, so that what goes wrong is the mutations' doing. */
    @Test
    void theFixturesReadWithoutARejectedRow() throws IOException {
        for (String name : List.of("licences.csv", "licences-german-excel.csv", "acled.csv", "tally.csv", "hdx.csv")) {
            Fixture f = Fixture.load(name, name.startsWith("licences"));
            assertThat(f.rows()).as(name).hasSizeGreaterThanOrEqualTo(15);
            assertThat(f.countryColumns()).as(name).isNotEmpty();
            assertThat(f.dateColumns()).as(name).isNotEmpty();
            assertThat(f.numberColumns()).as(name).isNotEmpty();
            Path copy = dir.resolve(name);
            Files.copy(resource(name), copy);
            BrokenFile intact = new BrokenFile(0, name, f.header(), null, List.of(), 0, Files.readAllBytes(copy));
            assertThat(readAndCheck(copy, f, intact))
                    .as(name + ": rows rejected")
                    .isZero();
        }
        assertThat(failures).isEmpty();
    }

    static Path resource(String name) {
        try {
            return Path.of(ReaderFuzzTest.class.getResource("/fuzz/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
