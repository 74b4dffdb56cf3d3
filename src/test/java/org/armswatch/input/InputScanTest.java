package org.armswatch.input;

import static org.armswatch.input.CsvReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScanTest {

    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    @TempDir
    Path dir;

    @Test
    void sha256AndSizeOfAKnownContent() throws Exception {
        InputScan scan = InputScan.of(fixture("known-content-sha256.csv"));

        // sha256sum of "a,b\n1,2\n"
        assertThat(scan.sha256()).isEqualTo("492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470");
        assertThat(scan.bytes()).isEqualTo(8);
        assertThat(scan.header()).containsExactly("a", "b");
    }

    @Test
    void utf8WithBomIsUtf8AndTheBomIsStripped() throws Exception {
        InputScan scan = InputScan.of(fixture("bom-utf8.csv"));

        assertThat(scan.bom()).isTrue();
        assertThat(scan.dialect()).isEqualTo(new CsvDialect(',', StandardCharsets.UTF_8, false));
        assertThat(scan.header()).containsExactly("exporter", "destination", "period", "licences", "value_eur");
        assertThat(scan.notes()).isEmpty();
    }

    @Test
    void windows1252IsReadAsWindows1252WithANote() throws Exception {
        InputScan scan = InputScan.of(fixture("windows-1252-tuerkei.csv"));

        assertThat(scan.bom()).isFalse();
        assertThat(scan.dialect()).isEqualTo(new CsvDialect(';', WINDOWS_1252, true));
        assertThat(scan.notes()).containsExactly("not valid UTF-8: read as Windows-1252");
    }

    @Test
    void excelsSepLineNamesTheDelimiterAndIsPassedOverAsThoughAPreambleLine() throws Exception {
        // German Excel, with a BOM and CRLF; the header alone would have been taken for comma-separated.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text =
                "sep=;\r\nexporter;destination, country;period;licences;value_eur\r\nDE;KZ;2021;25;2.200.000,00\r\n";
        Path file = dir.resolve("excel-sep.csv");
        Files.write(file, concat(bom, text.getBytes(StandardCharsets.UTF_8)));

        for (InputScan scan : java.util.List.of(InputScan.of(file), InputScan.head(file, ReadingOptions.BY_CONTENT))) {
            assertThat(scan.dialect()).isEqualTo(new CsvDialect(';', StandardCharsets.UTF_8, true));
            assertThat(scan.header())
                    .containsExactly("exporter", "destination, country", "period", "licences", "value_eur");
            assertThat(scan.notes()).containsExactly("its first line, Excel's \"sep=;\", names the delimiter");
            try (CsvReader rows = CsvReader.open(scan)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.line()).isEqualTo(3);
                assertThat(rows.field(4)).isEqualTo("2.200.000,00");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void aSepLineCountsOnlyAsTheFirstLineAndOnlyWithADelimiterAfterIt() throws Exception {
        Path quoted = Files.writeString(dir.resolve("quoted.csv"), "\"SEP=,\"\na;b,c\n1;2,3\n");
        Path later = Files.writeString(dir.resolve("later.csv"), "\nsep=;\na,b\n");
        Path other = Files.writeString(dir.resolve("other.csv"), "sep=x\na,b\n");

        assertThat(InputScan.of(quoted).header()).containsExactly("a;b", "c");
        // Not the first line: taken for a header, as before (and a file without our columns fails naming it).
        assertThat(InputScan.of(later).header()).containsExactly("sep=", "");
        assertThat(InputScan.of(other).header()).containsExactly("sep=x");
        assertThat(InputScan.of(other).notes()).isEmpty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void semicolonMeansDecimalComma() throws Exception {
        assertThat(InputScan.of(fixture("semicolon-decimal-comma.csv")).dialect())
                .isEqualTo(new CsvDialect(';', StandardCharsets.UTF_8, true));
    }

    @Test
    void tabMeansDecimalPoint() throws Exception {
        InputScan scan = InputScan.of(fixture("tab-delimited.csv"));

        assertThat(scan.dialect()).isEqualTo(new CsvDialect('\t', StandardCharsets.UTF_8, false));
        assertThat(scan.header()).containsExactly("exporter", "destination", "period", "value_eur");
    }

    @Test
    void delimitersInsideQuotedHeaderNamesDoNotCount() throws Exception {
        Path file = Files.writeString(dir.resolve("quoted-header.csv"), "\"a;b;c\",\"d;e\",f\n1,2,3\n");

        InputScan scan = InputScan.of(file);

        assertThat(scan.dialect().delimiter()).isEqualTo(',');
        assertThat(scan.header()).containsExactly("a;b;c", "d;e", "f");
    }

    @Test
    void aTieGoesToTheComma() throws Exception {
        Path file = Files.writeString(dir.resolve("tie.csv"), "a,b;c\n");

        assertThat(InputScan.of(file).dialect().delimiter()).isEqualTo(',');
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkipped() throws Exception {
        Path file = Files.writeString(dir.resolve("late-header.csv"), "\n ;; \nx;y\n1;2\n");

        InputScan scan = InputScan.of(file);

        assertThat(scan.header()).containsExactly("x", "y");
        try (CsvReader reader = CsvReader.open(scan)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.line()).isEqualTo(4);
            assertThat(reader.field(1)).isEqualTo("2");
        }
    }

    @Test
    void anEmptyFileHasNoHeaderLine() {
        assertThatThrownBy(() -> InputScan.of(fixture("empty.csv")))
                .isInstanceOf(InputFileException.class)
                .hasMessage("empty.csv: no header line");
    }

    @Test
    void onlyBlankLinesIsNoHeaderLine() {
        assertThatThrownBy(() -> InputScan.of(fixture("no-header-blank-lines-only.csv")))
                .isInstanceOf(InputFileException.class)
                .hasMessage("no-header-blank-lines-only.csv: no header line")
                .satisfies(e -> assertThat(((InputFileException) e).file().getFileName())
                        .hasToString("no-header-blank-lines-only.csv"));
    }

    @Test
    void aMissingFileNamesTheFileAndTheReason() {
        assertThatThrownBy(() -> InputScan.of(dir.resolve("licences.csv")))
                .isInstanceOf(InputFileException.class)
                .hasMessage("licences.csv: cannot be read (No such file or directory)");
    }

    @Test
    void aDirectoryCannotBeRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));

        assertThatThrownBy(() -> InputScan.of(folder))
                .isInstanceOf(InputFileException.class)
                .hasMessage("folder.csv: cannot be read (Is a directory)");
    }

    @Test
    void invalidUtf8FarIntoTheFileIsFoundAndMultiByteCharactersAcrossBuffersAreNot() throws Exception {
        // 'ü' is two bytes and the header is 2 bytes: over 3 MB some sequences straddle every 1 MB buffer boundary.
        String valid = "h\n" + "ü".repeat(1_600_000) + "\n" + "€".repeat(400_000) + "\n";
        Path good = Files.writeString(dir.resolve("good.csv"), valid, StandardCharsets.UTF_8);
        assertThat(InputScan.of(good).dialect().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(InputScan.of(good).notes()).isEmpty();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(valid.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'T', (byte) 0xFC, 'r', 'k', 'e', 'i', '\n'});
        Path bad = Files.write(dir.resolve("bad.csv"), bytes.toByteArray());
        InputScan scan = InputScan.of(bad);
        assertThat(scan.dialect().charset()).isEqualTo(WINDOWS_1252);
        assertThat(scan.notes()).containsExactly("not valid UTF-8: read as Windows-1252");
        assertThat(scan.bytes()).isEqualTo(bytes.size());
    }

    @Test
    void aMultiByteSequenceCutAtTheEndOfTheFileIsNotUtf8() throws Exception {
        Path file = Files.write(dir.resolve("cut.csv"), new byte[] {'a', '\n', 'b', (byte) 0xC3});

        assertThat(InputScan.of(file).dialect().charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void aHeaderThatNeverEndsIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("one-line.csv"), "a,\"" + "x".repeat(InputScan.MAX_HEADER_BYTES));

        assertThatThrownBy(() -> InputScan.of(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage("one-line.csv: no header line in the first 1,048,576 bytes");
    }
}
