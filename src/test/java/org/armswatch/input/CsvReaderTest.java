package org.armswatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    record Row(long line, List<String> fields, String raw, String problem) {}

    static Path fixture(String name) {
        try {
            return Path.of(CsvReaderTest.class.getResource("/input/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    static List<Row> rows(Path file) throws InputFileException {
        return rows(InputScan.of(file));
    }

    static List<Row> rows(InputScan scan) throws InputFileException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader reader = CsvReader.open(scan)) {
            while (reader.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < reader.fieldCount(); i++) {
                    fields.add(reader.field(i));
                }
                rows.add(new Row(reader.line(), fields, reader.raw(), reader.problem()));
            }
        }
        return rows;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void quotedCommasAndLineBreaksStayInOneFieldAndLinesCountPhysically() throws Exception {
        List<Row> rows = rows(fixture("quoted-commas-and-line-breaks.csv"));

        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L, 6L);
        assertThat(rows.get(0).fields())
                .containsExactly("KAZ1", "Kazakhstan", "Protesters gathered, then dispersed", "0");
        assertThat(rows.get(1).fields().get(2)).isEqualTo("Line one\nline two, with a comma\nline three");
        assertThat(rows.get(1).fields().get(3)).isEqualTo("4");
        assertThat(rows.get(1).raw()).isEqualTo("KAZ2,Kazakhstan,\"Line one\nline two, with a comma\nline three\",4");
        assertThat(rows).extracting(Row::problem).containsOnlyNulls();
    }

    @Test
    void doubledQuotesBecomeOneQuote() throws Exception {
        List<Row> rows = rows(fixture("doubled-quotes.csv"));

        assertThat(rows.get(0).fields()).containsExactly("Interior Ministry via \"Khabar\" TV", "say \"at least\" 40");
        assertThat(rows.get(1).fields()).containsExactly("\"quoted start", "end");
        assertThat(rows).extracting(Row::problem).containsOnlyNulls();
    }

    @Test
    void crlfEndingsAreLineBreaksAlsoInsideQuotes() throws Exception {
        List<Row> rows = rows(fixture("crlf-line-endings.csv"));

        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(0).fields()).containsExactly("DE", "KZ", "2021");
        assertThat(rows.get(0).raw()).isEqualTo("DE,KZ,2021");
        assertThat(rows.get(1).fields()).containsExactly("FR", "multi\r\nline", "2022");
        assertThat(rows.get(2).fields()).containsExactly("IT", "KZ", "2023");
    }

    @Test
    void loneCarriageReturnEndsALine() throws Exception {
        List<Row> rows = rows(fixture("lone-cr-line-endings.csv"));

        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L);
        assertThat(rows.get(1).fields()).containsExactly("FR", "KZ", "2022");
    }

    @Test
    void blankLinesAndLinesOfDelimitersAreSkippedButCounted() throws Exception {
        List<Row> rows = rows(fixture("trailing-and-inner-blank-lines.csv"));

        assertThat(rows).extracting(Row::line).containsExactly(2L, 7L);
        assertThat(rows.get(1).fields()).containsExactly("FR", "KZ", "2022");
    }

    @Test
    void aQuoteNeverClosedThatTakesInLaterLinesRefusesTheFileNamingItsLine() {
        // As one rejected row, the lines after it would be missing from the totals under the reject threshold.
        assertThatThrownBy(() -> rows(fixture("unterminated-quote-at-eof.csv")))
                .isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("unterminated-quote-at-eof.csv: line 3 opens a quote that is never closed, so"
                        + " the 1 line after it cannot be read as rows (a stray quote, or an export cut off);"
                        + " nothing of the file was used");
    }

    @Test
    void aStrayQuoteClosedManyLinesLaterRefusesTheFileWhereItsRowsWouldHaveVanished() throws Exception {
        StringBuilder text = new StringBuilder("exporter,destination,period,licences,value_eur,status,source\n");
        text.append("DE,KZ,2021,25,2200000,issued,Register\n");
        text.append("DE,FR,2021,3,100,issued,\"Register 2021\n");
        for (int i = 0; i < 3; i++)
            text.append("DE,TR,2021-Q1,1,1000,issued,row ").append(i).append('\n');
        text.append("DE,TR,2021-Q1,1,1000,issued,barrel 12\"\n");
        text.append("DE,TR,2021-Q2,1,1000,issued,after\n");
        Path file = write("stray-quotes.csv", text.toString());

        // Read as records, line 3 would be one licence row whose source holds lines 4 to 7, and nothing rejected.
        assertThatThrownBy(() -> rows(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("stray-quotes.csv: line 3 opens a quote that runs on to line 7 and takes in 4"
                        + " lines that have a row's delimiters (a stray quote?): their figures would be missing from"
                        + " the totals; nothing of the file was used");
    }

    @Test
    void aStrayQuoteClosedAtTheStartOfTheNextRowRefusesTheFile() throws Exception {
        Path file = write(
                "closed-next-row.csv",
                "exporter,destination,period,licences,value_eur,status,source\n"
                        + "DE,FR,2021,3,100,issued,\"Register 2021\n\"DE\",TR,2021-Q1,1,1000,issued,row\n"
                        + "DE,TR,2021-Q2,1,1000,issued,after\n");

        // One record of lines 2 and 3 with text after its closing quote: a rejected row, and line 3's licence gone.
        assertThatThrownBy(() -> rows(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("closed-next-row.csv: line 2 opens a quote that closes on line 3 with text"
                        + " right after it (a stray quote?): the rows it took in would be missing from the totals;"
                        + " nothing of the file was used");
    }

    @Test
    void lineBreaksInQuotedCellsAreReadWhereNoLineLooksLikeARow() throws Exception {
        // OKF DE's export has "Timor-Leste" and a line break in one cell; notes over lines, first column or last.
        Path file = write(
                "cells-over-lines.csv",
                "year;gesamt;war_weapons;country_e;iso3_code\n2000-01-01;0;0;\"Timor-Leste\n\";TLS\n"
                        + "\"first;\nsecond\";1;2;3;4\n2001-01-01;5;0;Togo;TGO\n");

        List<Row> rows = rows(file);

        assertThat(rows).extracting(Row::line).containsExactly(2L, 4L, 6L);
        assertThat(rows.get(0).fields()).containsExactly("2000-01-01", "0", "0", "Timor-Leste\n", "TLS");
        assertThat(rows.get(1).fields()).containsExactly("first;\nsecond", "1", "2", "3", "4");
        assertThat(rows).allSatisfy(r -> assertThat(r.problem()).isNull());
    }

    @Test
    void aQuoteLeftOpenOnTheLastLineIsARejectedRow() throws Exception {
        Path file = write("open-on-last-line.csv", "country,notes,value\nKazakhstan,ok,1\nKazakhstan,\"cut off,2\n\n");

        List<Row> rows = rows(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).problem()).isNull();
        Row broken = rows.get(1);
        assertThat(broken.line()).isEqualTo(3);
        assertThat(broken.problem()).isEqualTo("unterminated quote");
        assertThat(broken.fields()).containsExactly("Kazakhstan", "cut off,2\n\n");
        assertThat(broken.raw()).isEqualTo("Kazakhstan,\"cut off,2\n\n");
    }

    @Test
    void aQuoteOverAFieldTooLongToHoldRefusesTheFileClosedOrNot() throws Exception {
        String huge = "x".repeat(CsvReader.MAX_FIELD + 500_000);
        Path neverClosed = write("open-long.csv", "id,notes,value\n1,ok,2\n2,\"" + huge + "\n3,a,4\n5,b,6\n");
        Path closed = write("long-over-lines.csv", "id,notes,value\n1,ok,2\n2,\"" + huge + "\n3,a,4\n\",6\n7,b,8\n");

        assertThatThrownBy(() -> rows(neverClosed))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 3 opens a quote that is never closed, so the 2 lines after it");
        assertThatThrownBy(() -> rows(closed))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 3 opens a quote whose field runs on over more than 1,000,000 characters"
                        + " to line 5 (a stray quote?)");
    }

    @Test
    void textAfterClosingQuoteIsKeptAndReportedWhileSpacesAroundQuotesAreNot() throws Exception {
        List<Row> rows = rows(fixture("text-after-closing-quote.csv"));

        assertThat(rows.get(0).fields()).containsExactly("Kazakhstan", "abcdef", "1");
        assertThat(rows.get(0).problem()).isEqualTo("text after closing quote");
        assertThat(rows.get(1).fields()).containsExactly("Kazakhstan", "spaced", "2");
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(2).fields()).containsExactly("Kazakhstan", "leading spaces, kept together", "3");
        assertThat(rows.get(2).problem()).isNull();
        assertThat(rows.get(3).fields()).containsExactly("Kazakhstan", "5\" gun", "4");
        assertThat(rows.get(3).problem()).isNull();
        assertThat(rows.get(3).raw()).isEqualTo("Kazakhstan,5\" gun,4");
    }

    @Test
    void semicolonAndTabFilesSplitOnTheirDelimiter() throws Exception {
        assertThat(rows(fixture("semicolon-decimal-comma.csv")).get(0).fields())
                .containsExactly("DE", "KZ", "2021", "25", "2.200.000,00");
        assertThat(rows(fixture("tab-delimited.csv")).get(0).fields())
                .containsExactly("DE", "KZ", "2021", "2,200,000.00");
    }

    @Test
    void windows1252BytesAreDecodedAsWindows1252() throws Exception {
        assertThat(rows(fixture("windows-1252-tuerkei.csv")).get(0).fields().get(1))
                .isEqualTo("Türkei");
    }

    @Test
    void aFieldIsSearchedForWordsFromTheBufferAsItsTextWouldBe() throws Exception {
        String csv =
                "source\nACLED\nIllustrative (not ACLED data)\n\"Made up, NOT REAL DATA\"\n\"an \"\"illustrative\"\" one\"\n"
                        + "Illustrativ\nR\u00e9el; illustrative\n";
        for (var charset : List.of(StandardCharsets.UTF_8, java.nio.charset.Charset.forName("windows-1252"))) {
            Path file = dir.resolve("sources-" + charset.name() + ".csv");
            Files.write(file, csv.getBytes(charset));
            List<Boolean> found = new ArrayList<>();
            try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
                while (reader.next()) {
                    assertThat(Illustrative.source(reader, 0))
                            .as(reader.field(0))
                            .isEqualTo(Illustrative.source(reader.field(0)));
                    found.add(Illustrative.source(reader, 0));
                }
            }
            assertThat(found).containsExactly(false, true, true, true, false, true);
        }
    }

    @Test
    void aFieldHashesAlikeInUtf8AndWindows1252() throws Exception {
        // ACLED exports of two vintages are matched by a hash of their fields: "Bouaké" must not differ by encoding.
        String csv = "location,actor\nBouak\u00e9,\"For\u00e7es Arm\u00e9es\"\n";
        Path utf8 = dir.resolve("utf8.csv");
        Path cp1252 = dir.resolve("cp1252.csv");
        Files.write(utf8, csv.getBytes(StandardCharsets.UTF_8));
        Files.write(cp1252, csv.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        long[] hashes = new long[2];
        int i = 0;
        for (Path file : List.of(utf8, cp1252)) {
            try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.field(0)).isEqualTo("Bouak\u00e9");
                hashes[i++] = reader.hashField(1, reader.hashField(0, 7));
            }
        }
        assertThat(hashes[1])
                .isEqualTo(hashes[0])
                .isEqualTo(CsvReader.hash(CsvReader.hash(7, "Bouak\u00e9"), "For\u00e7es Arm\u00e9es"));
    }

    @Test
    void bomIsNotPartOfTheFirstHeaderName() throws Exception {
        Path file = fixture("bom-utf8.csv");
        try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.line()).isEqualTo(2);
            assertThat(reader.field(0)).isEqualTo("DE");
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void missingFieldsAreEmptyAndValuesAreNotTrimmed() throws Exception {
        Path file = write("short.csv", "a,b,c\n x ,y\n");
        try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.fieldCount()).isEqualTo(2);
            assertThat(reader.field(0)).isEqualTo(" x ");
            assertThat(reader.field(2)).isEmpty();
            assertThat(reader.field(99)).isEmpty();
        }
    }

    @Test
    void nulCharactersAreKept() throws Exception {
        Path file = write("nul.csv", "a,b\nx\u0000y,2\n");
        assertThat(rows(file).get(0).fields()).containsExactly("x\u0000y", "2");
    }

    @Test
    void lastRecordWithoutLineBreakIsRead() throws Exception {
        Path file = write("no-final-break.csv", "a,b\n1,2\n3,\"4\"");
        assertThat(rows(file)).extracting(Row::fields).containsExactly(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void fieldLongerThanTheLimitIsReportedWithoutHoldingIt() throws Exception {
        String huge = "x".repeat(CsvReader.MAX_FIELD + 500_000);
        Path file = write(
                "long-field.csv",
                "id,notes,value\n1,\"" + huge + " still, inside\",9\n2,short,3\n3,\"" + "y".repeat(1_000_001)
                        + "\",4\n");

        List<Row> rows = rows(file);

        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L, 4L);
        assertThat(rows.get(0).problem()).isEqualTo("field longer than 1,000,000 characters");
        assertThat(rows.get(0).raw()).startsWith("1,\"xxx").endsWith(" …").hasSizeLessThan(1_000);
        assertThat(rows.get(0).fields().get(0)).isEqualTo("1");
        assertThat(rows.get(1).fields()).containsExactly("2", "short", "3");
        assertThat(rows.get(1).problem()).isNull();
        // Just over the limit and short enough to fit the buffer: still reported.
        assertThat(rows.get(2).problem()).isEqualTo("field longer than 1,000,000 characters");
    }

    @Test
    void recordsSpanningBufferRefillsAndMultiByteCharactersAreIntact() throws Exception {
        Path file = dir.resolve("many.csv");
        int count = 50_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,notes\n");
            for (int i = 0; i < count; i++) {
                out.write(i + ",Türkiye Ωμέγα €" + i + ",\"multi\nline, \"\"" + i + "\"\"\"\n");
            }
        }

        long expectedLine = 2;
        try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
            for (int i = 0; i < count; i++) {
                assertThat(reader.next()).isTrue();
                assertThat(reader.line()).isEqualTo(expectedLine);
                assertThat(reader.field(0)).isEqualTo(Integer.toString(i));
                assertThat(reader.field(1)).isEqualTo("Türkiye Ωμέγα €" + i);
                assertThat(reader.field(2)).isEqualTo("multi\nline, \"" + i + "\"");
                expectedLine += 2;
            }
            assertThat(reader.next()).isFalse();
        }
    }

    /** A sanity check of the streaming path at volume, not a timing: every row and every field comes back. */
    @Test
    void twoHundredThousandAcledShapedRowsReadBackWithCorrectCounts() throws Exception {
        Path file = dir.resolve("acled.csv");
        int rows = 200_000;
        long expectedFatalities = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                    + "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                    + "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                    + "notes,fatalities,tags,timestamp\r\n");
            for (int i = 0; i < rows; i++) {
                int fatalities = i % 7;
                expectedFatalities += fatalities;
                String notes = i % 10 == 0
                        ? "\"On 5 January 2022, protesters gathered in Almaty,\r\nsome \"\"peaceful\"\"; police dispersed them.\""
                        : "On 5 January 2022 protesters gathered in Almaty";
                out.write("KAZ" + i + ",2022-01-05,2022,1,Demonstrations,Protests,Peaceful protest,"
                        + "Protesters (Kazakhstan),,6,,,0,60,,398,Central Asia,Kazakhstan,Almaty,,,Almaty,"
                        + "43.2567,76.9286,1,Radio Free Europe,International," + notes + "," + fatalities
                        + ",crowd size=no report,1642000000\r\n");
            }
        }

        long read = 0;
        long fatalities = 0;
        long touched = 0;
        long lastLine = 0;
        try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
            while (reader.next()) {
                assertThat(reader.problem()).isNull();
                for (int f = 0; f < reader.fieldCount(); f++) {
                    touched += reader.field(f).length();
                }
                fatalities += Long.parseLong(reader.field(28));
                lastLine = reader.line();
                read++;
            }
        }

        assertThat(read).isEqualTo(rows);
        assertThat(fatalities).isEqualTo(expectedFatalities);
        assertThat(touched).isPositive();
        assertThat(lastLine).isEqualTo(1 + rows + rows / 10);
    }

    /**
     * Random files from the characters that matter (delimiters, quotes, CR, LF, spaces, multi-byte characters), some
     * long enough to cross many buffer refills, read by the reader and by a plain char-by-char model of the same rules.
     */
    @Test
    void agreesWithASimpleModelOnRandomFiles() throws Exception {
        Random random = new Random(20261128);
        String alphabet = "ab,,;\"\"\"\n\r  \t\u00fc\u20ac";
        Path file = dir.resolve("random.csv");
        for (int round = 0; round < 400; round++) {
            int length = round % 40 == 0 ? 300_000 : random.nextInt(200);
            // Six columns: a line inside quotes needs five commas to be taken for a row (refused, see the model).
            StringBuilder text = new StringBuilder("h1,h2,h3,h4,h5,h6\n");
            for (int k = 0; k < length; k++) {
                if (random.nextInt(50) == 0) {
                    text.append("x".repeat(random.nextInt(3000)));
                }
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);

            List<Row> expected;
            try {
                expected = Model.rows(text.toString(), ',');
            } catch (Model.Refused refused) {
                assertThatThrownBy(() -> rows(file))
                        .as("round %d", round)
                        .hasMessageContaining("line " + refused.line + " opens a quote that ");
                continue;
            }
            assertThat(rows(file)).as("round %d", round).isEqualTo(expected);
        }
    }

    /** The reader's rules, written for clarity instead of speed. */
    private static final class Model {
        /** A quote never closed took in later lines with text, or lines with a row's delimiters: refused. */
        static final class Refused extends RuntimeException {
            final long line;

            Refused(long line) {
                this.line = line;
            }
        }

        static List<Row> rows(String t, char d) {
            List<Row> rows = new ArrayList<>();
            int i = 0;
            int n = t.length();
            long line = 1;
            while (i < n) {
                int start = i;
                long startLine = line;
                List<String> fields = new ArrayList<>();
                String problem = null;
                StringBuilder field = new StringBuilder();
                StringBuilder spaces = new StringBuilder();
                boolean quoted = false;
                int quoteAt = -1;
                int state = 0;
                int end;
                for (; ; ) {
                    if (i >= n) {
                        if (state == 1) {
                            problem = problem == null ? "unterminated quote" : problem + "; unterminated quote";
                            String taken = t.substring(quoteAt);
                            int lineBreak = taken.replace('\r', '\n').indexOf('\n');
                            if (lineBreak >= 0 && !taken.substring(lineBreak).isBlank()) {
                                throw new Refused(startLine);
                            }
                        }
                        fields.add(field.toString());
                        end = n;
                        break;
                    }
                    char c = t.charAt(i);
                    if (state != 1 && (c == d || c == '\n' || c == '\r')) {
                        fields.add(field.toString());
                        field.setLength(0);
                        quoted = false;
                        state = 0;
                        i++;
                        if (c == d) {
                            continue;
                        }
                        end = i - 1;
                        line++;
                        if (c == '\r' && i < n && t.charAt(i) == '\n') {
                            i++;
                        }
                        break;
                    }
                    if (state == 0) {
                        if (c == '"' && !quoted && field.toString().isBlank()) {
                            quoteAt = i;
                            field.setLength(0);
                            quoted = true;
                            state = 1;
                        } else {
                            field.append(c);
                        }
                        i++;
                    } else if (state == 1) {
                        if (c == '"' && i + 1 < n && t.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        if (c == '"') {
                            state = 2;
                            spaces.setLength(0);
                        } else {
                            if (c == '\r' || (c == '\n' && t.charAt(i - 1) != '\r')) {
                                line++;
                            }
                            field.append(c);
                        }
                        i++;
                    } else if (c == ' ' || c == '\t') {
                        spaces.append(c);
                        i++;
                    } else {
                        problem = problem == null ? "text after closing quote" : problem;
                        field.append(spaces);
                        state = 0;
                    }
                }
                if (!rows.isEmpty()) {
                    boolean overLines = fields.stream().anyMatch(v -> v.contains("\n") || v.contains("\r"));
                    if (overLines && problem != null && problem.contains("text after closing quote")) {
                        throw new Refused(startLine);
                    }
                    int headerDelimiters = Math.max(1, rows.get(0).fields().size() - 1);
                    for (String value : fields) {
                        String[] lines = value.split("[\r\n]", -1);
                        for (int k = 1; k < lines.length; k++) {
                            if (lines[k].chars().filter(c -> c == d).count() >= headerDelimiters) {
                                throw new Refused(startLine);
                            }
                        }
                    }
                }
                String raw = t.substring(start, end);
                boolean blank = problem == null && raw.chars().allMatch(c -> " \t,;\"\r\n".indexOf(c) >= 0 || c == d);
                if (!blank) {
                    rows.add(new Row(startLine, fields, raw, problem));
                }
            }
            return rows.isEmpty() ? rows : rows.subList(1, rows.size());
        }
    }

    @Test
    void aFileThatVanishedAfterTheScanNamesTheFile() throws Exception {
        Path file = write("gone.csv", "a,b\n1,2\n");
        InputScan scan = InputScan.of(file);
        Files.delete(file);

        assertThatThrownBy(() -> CsvReader.open(scan))
                .isInstanceOf(InputFileException.class)
                .hasMessage("gone.csv: cannot be read (No such file or directory)");
    }

    @Test
    void aFileChangedAfterTheScanIsRefusedAtItsEndWithBothSha256s() throws Exception {
        Path file = write("changed.csv", "a,b\n1,2\n3,4\n");
        InputScan scan = InputScan.of(file);
        Files.writeString(file, "a,b\n1,2\n3,5\n", StandardCharsets.UTF_8);
        String now = InputScan.of(file).sha256();

        try (CsvReader reader = CsvReader.open(scan)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.next()).isTrue();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("changed.csv: changed since this run began (SHA-256 was " + scan.sha256() + ", is "
                            + now + "); the next start reads the inputs afresh");
        }
    }

    @Test
    void aFileTakenForUtf8ByItsHeaderIsRefusedAtItsEndWhenALaterByteIsNotAndItsSha256IsKnownThen() throws Exception {
        Path file = dir.resolve("late.csv");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("name,value\nplain,1\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes("T\u00fcrkei,2\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.write(file, bytes.toByteArray());
        InputScan head = InputScan.head(file, ReadingOptions.BY_CONTENT);
        assertThat(head.utf8Unconfirmed()).isTrue();
        assertThat(head.sha256()).isNull();
        assertThat(head.dialect().charset()).isEqualTo(StandardCharsets.UTF_8);

        try (CsvReader reader = CsvReader.open(head)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.next()).isTrue();
            assertThat(reader.sha256()).isNull();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(NotUtf8Exception.class)
                    .hasMessage("late.csv: is not valid UTF-8");
            assertThat(reader.sha256()).isEqualTo(InputScan.of(file).sha256());
        }
        InputScan again = InputScan.ofRecorded(file, ReadingOptions.BY_CONTENT, null, InputScan.WINDOWS_1252);
        assertThat(again.utf8Unconfirmed()).isFalse();
        assertThat(rows(again))
                .extracting(Row::fields)
                .containsExactly(List.of("plain", "1"), List.of("T\u00fcrkei", "2"));
    }

    @Test
    void aHeaderThatIsNotUtf8SaysWindows1252AtOnce() throws Exception {
        Path file = dir.resolve("header.csv");
        Files.write(
                file,
                "Empf\u00e4nger;Wert\nT\u00fcrkei;1\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        InputScan head = InputScan.head(file, ReadingOptions.BY_CONTENT);
        assertThat(head.utf8Unconfirmed()).isFalse();
        assertThat(head.header()).containsExactly("Empf\u00e4nger", "Wert");
        assertThat(head.notes()).containsExactly("not valid UTF-8: read as Windows-1252");
        assertThat(rows(head)).extracting(Row::fields).containsExactly(List.of("T\u00fcrkei", "1"));
    }

    @Test
    void aFileReadAsRecordedIsReadLikeAScannedOneAndRefusedWhenItChanged() throws Exception {
        Path file = dir.resolve("recorded.csv");
        // A BOM before Windows-1252 text: not UTF-8, so read as Windows-1252, the BOM's bytes skipped and hashed.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes("name;value\n\"T\u00fcrkei\";1\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.write(file, bytes.toByteArray());
        InputScan scanned = InputScan.of(file);
        InputScan recorded = InputScan.ofRecorded(
                file,
                ReadingOptions.BY_CONTENT,
                scanned.sha256(),
                scanned.dialect().charset());

        assertThat(scanned.bom()).isTrue();
        assertThat(scanned.dialect().charset().name()).isEqualTo("windows-1252");
        assertThat(recorded).isEqualTo(scanned);
        assertThat(rows(recorded)).extracting(Row::fields).containsExactly(List.of("T\u00fcrkei", "1"));

        InputScan stale = InputScan.ofRecorded(
                file,
                ReadingOptions.BY_CONTENT,
                "0".repeat(64),
                scanned.dialect().charset());
        assertThatThrownBy(() -> rows(stale))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("changed since this run began (SHA-256 was " + "0".repeat(64) + ", is "
                        + scanned.sha256() + ")");
    }

    @Test
    void aCharsetThatIsNotAsciiBasedAndADelimiterThatIsNotAsciiAreReadThroughUtf8() throws Exception {
        Path utf16 = dir.resolve("utf16.csv");
        Files.writeString(utf16, "a,b\n\"T\u00fcrkei, \uD83D\uDCA3\",2\n", StandardCharsets.UTF_16LE);
        InputScan scan16 = InputScan.of(utf16, new ReadingOptions(0, ',', StandardCharsets.UTF_16LE, false));
        assertThat(scan16.header()).containsExactly("a", "b");
        assertThat(rows(scan16)).extracting(Row::fields).containsExactly(List.of("T\u00fcrkei, \uD83D\uDCA3", "2"));

        Path section = write("section.csv", "a\u00a7b\nx\u00a7\"y\u00a7z\"\n1\u00a7\u00fc\n");
        InputScan scanSection = InputScan.of(section, new ReadingOptions(0, '\u00a7', null, null));
        assertThat(scanSection.header()).containsExactly("a", "b");
        assertThat(rows(scanSection))
                .extracting(Row::fields, Row::raw)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of("x", "y\u00a7z"), "x\u00a7\"y\u00a7z\""),
                        org.assertj.core.groups.Tuple.tuple(List.of("1", "\u00fc"), "1\u00a7\u00fc"));
    }

    @Test
    void aFileThatGrowsWhileItIsReadIsRefusedAtItsEndAndNothingOfItIsHandedOverAsComplete() throws Exception {
        StringBuilder csv = new StringBuilder("exporter,destination,period,licences,value_eur\n");
        for (int i = 0; i < 100_000; i++) csv.append("DE,KZ,2021,1,").append(i).append('\n');
        Path file = write("growing.csv", csv.toString());
        try (CsvReader reader = CsvReader.open(InputScan.of(file))) {
            assertThat(reader.next()).isTrue();
            // A copy still arriving: more rows land after the reader has begun.
            Files.writeString(file, "DE,KZ,2021,1,999999\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            InputFileException refused = org.junit.jupiter.api.Assertions.assertThrows(InputFileException.class, () -> {
                while (reader.next()) {
                    // read to the end
                }
            });
            assertThat(refused.getMessage())
                    .contains("changed while it was read")
                    .contains("growing.csv");
            assertThat(reader.sha256()).as("no checksum of a half-read file").isNotNull();
        }
    }

    @Test
    void aFileLeftAloneIsReadToItsEndWithoutComplaint() throws Exception {
        Path file = write("still.csv", "a,b\n1,2\n");
        assertThat(rows(file)).hasSize(1);
    }
}
