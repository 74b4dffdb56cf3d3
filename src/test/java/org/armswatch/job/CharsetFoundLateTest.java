package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are read once, by the step that stages them, so a file whose header is plain ASCII is taken for UTF-8 until its
 * reader meets a byte that says otherwise, here in the last row. Nothing read so far may be kept: the licence file is
 * read again as Windows-1252, and all ACLED exports again into a fresh tally (they are de-duplicated together), so no
 * event is counted twice. The manifest's SHA-256 is that of the bytes on disk.
 */
class CharsetFoundLateTest {

    static final String RUN_DATE = "2026-11-28";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String LICENCES = "licences/zz_spreadsheet_export.csv";
    static final String EVENTS = "unrest/zz_acled_spreadsheet.csv";
    /** Enough that the one rejected row stays under the reject threshold. */
    static final int EVENTS_USED = 40;

    @TempDir
    static Path dir;

    static XSSFWorkbook workbook;
    static Path runFolder;
    static byte[] licenceBytes;
    static byte[] eventBytes;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        ByteArrayOutputStream licences = new ByteArrayOutputStream();
        licences.writeBytes("exporter,destination,period,licences,value_eur,status,source,notes\n"
                .getBytes(StandardCharsets.US_ASCII));
        for (int q = 1; q <= 4; q++) {
            licences.writeBytes(("DE,IS,2021-Q" + q + "," + q + "," + q * 100 + ",issued,plain source,\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        licences.writeBytes("DE,CI,2021-Q2,2,250,issued,R\u00fcstungsexportbericht 2021,C\u00f4te d'Ivoire\n"
                .getBytes(WINDOWS_1252));
        licenceBytes = licences.toByteArray();
        Files.write(input.resolve(LICENCES), licenceBytes);

        String header = Files.readAllLines(input.resolve("unrest/acled_format_illustrative.csv"))
                .get(0);
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.writeBytes((header + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i <= EVENTS_USED; i++) {
            events.writeBytes(("CIV" + (100 + i) + ",2021-05-03,2021,1,Demonstrations,Protests,Peaceful protest,"
                            + "Protesters (Ivory Coast),,6,,,,60,,384,Western Africa,Cote d'Ivoire,Abidjan,Abidjan,,Abidjan,5.3600,"
                            + "-4.0083,1,Illustrative (not ACLED data),National,\"On 3 May 2021, in Abidjan, people gathered.\",0,,"
                            + "1620086400\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        // Rejected (no event id), so that its raw text, in Windows-1252, shows in Data_quality.
        events.writeBytes(
                (",2021-05-04,2021,1,Demonstrations,Protests,Peaceful protest,Protesters (Ivory Coast),,6,,,,60,,"
                                + "384,Western Africa,C\u00f4te d'Ivoire,Abidjan,Abidjan,,Abidjan,5.3600,-4.0083,1,Illustrative (not ACLED data),"
                                + "National,\"\u00c0 Abidjan, une manifestation.\",0,,1620172800\n")
                        .getBytes(WINDOWS_1252));
        eventBytes = events.toByteArray();
        Files.write(input.resolve(EVENTS), eventBytes);

        Path output = dir.resolve("output");
        int exit = ArmswatchApplication.run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE);
        assertThat(exit).isZero();
        runFolder = output.resolve(RUN_DATE);
        workbook = WrittenTable.open(runFolder.resolve("report-" + RUN_DATE + ".xlsx"));
    }

    @AfterAll
    static void close() throws Exception {
        workbook.close();
    }

    @Test
    void theLicenceFileIsReadAgainAsWindows1252AndItsTextIsRight() {
        WrittenTable licences = WrittenTable.of(workbook, "Licences");
        Map<String, WrittenCell> ci = licences.row("Destination ISO code", "CI", "Input file", LICENCES);
        assertThat(licences.cell(ci, "Value").number()).isEqualTo(250.0);
        assertThat(licences.cell(ci, "Source").shown()).isEqualTo("R\u00fcstungsexportbericht 2021");
        // Read twice, kept once: four Iceland quarters, not eight.
        assertThat(licences.where(
                        r -> r.get(licences.column("Input file")).shown().equals(LICENCES)))
                .hasSize(5);
    }

    @Test
    void theAcledExportsAreReadAgainIntoAFreshTallySoNothingIsCountedTwice() {
        WrittenTable overview = WrittenTable.of(workbook, "Overview");
        Map<String, WrittenCell> ci = overview.row("ISO code", "CI", "Period (ISO)", "2021-Q2");
        assertThat(overview.cell(ci, "Unrest events").number()).isEqualTo((double) EVENTS_USED);
        // The bundled export's figures, as NightlyJobEndToEndTest has them: read twice, counted once.
        Map<String, WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2022-Q1");
        assertThat(overview.cell(kz, "Unrest events").number()).isEqualTo(69.0);

        WrittenTable quality = WrittenTable.of(workbook, "Data_quality");
        Map<String, WrittenCell> bundled =
                quality.row("Input file", "unrest/acled_format_illustrative.csv", "What", "file");
        assertThat(quality.cell(bundled, "Rows read").number()).isEqualTo(321.0);
        assertThat(quality.cell(bundled, "Rows used").number()).isEqualTo(316.0);
        List<Map<String, WrittenCell>> rejected =
                quality.where(r -> r.get(quality.column("Input file")).shown().equals(EVENTS)
                        && r.get(quality.column("What")).shown().equals("rejected"));
        assertThat(rejected).hasSize(1);
        assertThat(quality.cell(rejected.get(0), "Raw text").shown()).contains("C\u00f4te d'Ivoire", "\u00c0 Abidjan");
        Map<String, WrittenCell> file = quality.row("Input file", EVENTS, "What", "file");
        assertThat(quality.cell(file, "Rows read").number()).isEqualTo(EVENTS_USED + 1.0);
        assertThat(quality.cell(file, "Rows used").number()).isEqualTo((double) EVENTS_USED);
    }

    @Test
    void theRunSaysSoAndRecordsTheChecksumOfTheBytesOnDisk() throws Exception {
        var inputs = org.armswatch.publish.Manifest.read(runFolder).inputs();
        assertThat(inputs)
                .filteredOn(i -> i.name().equals(LICENCES))
                .singleElement()
                .extracting(org.armswatch.publish.Manifest.Input::sha256)
                .isEqualTo(sha256(licenceBytes));
        assertThat(inputs)
                .filteredOn(i -> i.name().equals(EVENTS))
                .singleElement()
                .extracting(org.armswatch.publish.Manifest.Input::sha256)
                .isEqualTo(sha256(eventBytes));
        StringBuilder cover = new StringBuilder();
        workbook.getSheet("Cover")
                .forEach(row -> row.forEach(cell -> cover.append(cell).append('\n')));
        assertThat(cover).contains("SHA-256 " + sha256(licenceBytes), "SHA-256 " + sha256(eventBytes));
        assertThat(allText())
                .contains(
                        LICENCES + ": not valid UTF-8: read as Windows-1252",
                        EVENTS + ": not valid UTF-8: read as Windows-1252");
    }

    private static String allText() {
        StringBuilder all = new StringBuilder();
        workbook.forEach(sheet -> sheet.forEach(
                row -> row.forEach(cell -> all.append(cell.toString()).append('\n'))));
        return all.toString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
