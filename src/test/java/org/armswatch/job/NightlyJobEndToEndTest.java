package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on the bundled input, as cron runs it, then the workbook read back with POI: the story's figures must
 * stand where a reporter looks, and every bad row must be accounted for.
 */
class NightlyJobEndToEndTest {

    static final String RUN_DATE = "2026-11-28";

    @TempDir
    static Path dir;

    static Path output;
    static XSSFWorkbook workbook;
    static int exitCode;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        output = dir.resolve("output");
        exitCode = ArmswatchApplication.run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE);
        workbook = WrittenTable.open(output.resolve("latest").resolve("report-" + RUN_DATE + ".xlsx"));
    }

    @AfterAll
    static void close() throws Exception {
        workbook.close();
    }

    @Test
    void theRunSucceedsAndPublishesEverythingThroughLatest() throws Exception {
        assertThat(exitCode).isZero();
        Path run = output.resolve(RUN_DATE);
        assertThat(Files.readSymbolicLink(output.resolve("latest")).toString()).isEqualTo(RUN_DATE);
        assertThat(run.resolve("manifest.json")).exists();
        assertThat(run.resolve("charts/top-destinations.png")).exists();
        assertThat(run.resolve("charts/timeline-KZ.png")).exists();
        assertThat(run.resolve("charts/alt-text.md")).content().contains("Kazakhstan");
        assertThat(output.resolve(".work").resolve(RUN_DATE)).doesNotExist();
        assertThat(workbook.getSheetName(workbook.getActiveSheetIndex())).isEqualTo("Cover");
        assertThat(List.of("Cover", "Contents", "Notes", "Overview", "Licences", "Unrest", "Data_quality", "Charts"))
                .allSatisfy(name -> assertThat(workbook.getSheet(name)).as(name).isNotNull());
    }

    @Test
    void kazakhstan2021LicencesAreTheStorysFigures() {
        WrittenTable overview = WrittenTable.of(workbook, "Overview");
        Map<String, WrittenCell> row = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
        assertThat(overview.cell(row, "Country").shown()).isEqualTo("Kazakhstan");
        assertThat(overview.cell(row, "Licences issued").number()).isEqualTo(25.0);
        assertThat(overview.cell(row, "Value of licences issued").number()).isEqualTo(2_200_000.0);
        assertThat(overview.cell(row, "Value of licences issued").type()).isEqualTo(CellType.NUMERIC);
    }

    @Test
    void januaryUnrestIsQuotedAsTheStoryQuotesItNeverAsTheSumOfRunningTotals() {
        WrittenTable overview = WrittenTable.of(workbook, "Overview");
        Map<String, WrittenCell> q1 = overview.row("ISO code", "KZ", "Period (ISO)", "2022-Q1");
        // The story's "more than 4,400 / more than 40" (8 Jan) and the latest real figures, about 9,900 (11 Jan) and
        // 225 (15 Jan); never 14,300, and never the illustrative NGO's ≥ 12,000.
        assertThat(overview.cell(q1, "Detained, lowest").shown()).isEqualTo("≥ 4,400");
        assertThat(overview.cell(q1, "Detained, latest").number()).isEqualTo(9_900.0);
        assertThat(overview.cell(q1, "Detained, latest").shown()).isEqualTo("~ 9,900");
        assertThat(overview.cell(q1, "Killed, lowest").shown()).isEqualTo("≥ 40");
        assertThat(overview.cell(q1, "Killed, latest").shown()).isEqualTo("225");
        assertThat(overview.cell(q1, "Detained and killed as reported").shown())
                .isEqualTo(
                        "detained ≥ 4,400 (Interior Ministry via state television, 8 Jan 2022), latest ~ 9,900 (Interior Ministry"
                                + " / presidential administration, as reported, 11 Jan 2022); killed ≥ 40 (Authorities, incl. security"
                                + " forces, 8 Jan 2022), latest 225 (Prosecutor General's Office, 15 Jan 2022)");
        // Germany's 2021 licences (real) before the unrest of January 2022, in which the state's figures were reported.
        assertThat(overview.cell(q1, "Story lead").shown()).isEqualTo("Lead 1");
        WrittenTable leads = WrittenTable.of(workbook, "Leads");
        Map<String, WrittenCell> first = leads.row("Rank", "1");
        assertThat(leads.cell(first, "ISO code").shown()).isEqualTo("KZ");
        assertThat(leads.cell(first, "Illustrative only").shown()).isEqualTo("No");
        assertThat(leads.cell(first, "Why").shown())
                .startsWith("Licences issued in 2021 (25 licences, EUR 2,200,000);")
                .contains("detained ≥ 4,400, latest ~ 9,900 as reported; killed ≥ 40, latest 225 as reported.");

        WrittenTable unrest = WrittenTable.of(workbook, "Unrest");
        Map<String, WrittenCell> detainedRow = unrest.row(
                "ISO code",
                "KZ",
                "Period (ISO)",
                "2022-Q1",
                "Kind",
                "Reported figures",
                "Event type or metric",
                "detained");
        assertThat(unrest.cell(detainedRow, "Lowest figure").shown()).isEqualTo("≥ 4,400");
        assertThat(unrest.cell(detainedRow, "Lowest figure").number()).isEqualTo(4_400.0);
        Map<String, WrittenCell> killedRow = unrest.row(
                "ISO code",
                "KZ",
                "Period (ISO)",
                "2022-Q1",
                "Kind",
                "Reported figures",
                "Event type or metric",
                "killed");
        assertThat(unrest.cell(killedRow, "Lowest figure").shown()).isEqualTo("≥ 40");
    }

    @Test
    void acledEventsAreCountedOnceAfterTheDuplicate() {
        WrittenTable overview = WrittenTable.of(workbook, "Overview");
        Map<String, WrittenCell> q1 = overview.row("ISO code", "KZ", "Period (ISO)", "2022-Q1");
        // input/README.md: 81 events and 90 fatalities once KAZ1936's older copy (2 fatalities) is replaced by its
        // newer (5);
        // 12 of the 81 are strategic developments, neither political violence nor demonstrations: 69 unrest events.
        assertThat(overview.cell(q1, "Unrest events").number()).isEqualTo(69.0);
        assertThat(overview.cell(q1, "Fatalities in events").number()).isEqualTo(90.0);

        WrittenTable quality = WrittenTable.of(workbook, "Data_quality");
        Map<String, WrittenCell> replaced =
                quality.row("Input file", "unrest/acled_format_illustrative.csv", "What", "replaced");
        assertThat(quality.cell(replaced, "Line").number()).isEqualTo(98.0);
        assertThat(quality.cell(replaced, "Reason").shown()).contains("KAZ1936").contains("line 328");
    }

    @Test
    void everyBadRowIsListedWithItsFileLineAndReason() {
        WrittenTable quality = WrittenTable.of(workbook, "Data_quality");
        List<String> rejected = quality
                .where(r -> r.get(quality.column("What")).shown().equals("rejected"))
                .stream()
                .map(r -> r.get(quality.column("Input file")).shown() + ":"
                        + r.get(quality.column("Line")).shown() + " "
                        + r.get(quality.column("Reason")).shown())
                .toList();
        assertThat(rejected)
                .containsExactlyInAnyOrder(
                        "licences/german_excel_export.csv:29 unknown country 'Schweitz'",
                        "licences/illustrative_licences.csv:68 value_eur 'abc' is not a number",
                        "licences/illustrative_licences.csv:90 licences -3 is negative",
                        "licences/illustrative_licences.csv:102 unknown country 'Kazakstn'",
                        "unrest/acled_format_illustrative.csv:47 unknown country '999'",
                        "unrest/acled_format_illustrative.csv:105 fatalities -1 is negative",
                        "unrest/acled_format_illustrative.csv:127 fatalities 'many' is not a number",
                        "unrest/acled_format_illustrative.csv:181 event_date '2022-13-01' is not a date",
                        "unrest/desk_tally_kazakhstan.csv:31 metric 'arrested' is not one of detained, killed, injured, protesters, events");
        assertThat(quality.where(r -> r.get(quality.column("What")).shown().equals("rejected")))
                .allSatisfy(r ->
                        assertThat(r.get(quality.column("Raw text")).shown()).isNotBlank());
    }

    @Test
    void everyFileReconcilesReadWithUsedRejectedAndReplaced() {
        WrittenTable quality = WrittenTable.of(workbook, "Data_quality");
        List<Map<String, WrittenCell>> files =
                quality.where(r -> r.get(quality.column("What")).shown().equals("file"));
        assertThat(files).hasSize(5);
        for (Map<String, WrittenCell> f : files) {
            double read = quality.cell(f, "Rows read").number();
            double used = quality.cell(f, "Rows used").number();
            double rejected = quality.cell(f, "Rows rejected").number();
            double replaced = quality.cell(f, "Duplicates replaced").number();
            double skipped = quality.cell(f, "Skipped on purpose").number();
            assertThat(used + rejected + replaced + skipped)
                    .as(quality.cell(f, "Input file").shown())
                    .isEqualTo(read);
            long listed = quality.where(r -> r.get(quality.column("Input file"))
                                    .shown()
                                    .equals(quality.cell(f, "Input file").shown())
                            && !r.get(quality.column("What")).shown().equals("file"))
                    .size();
            assertThat((double) listed)
                    .as("rows listed for " + quality.cell(f, "Input file").shown())
                    .isEqualTo(rejected + replaced);
        }
        Map<String, WrittenCell> acled =
                quality.row("Input file", "unrest/acled_format_illustrative.csv", "What", "file");
        assertThat(quality.cell(acled, "Rows read").number()).isEqualTo(321.0);
        assertThat(quality.cell(acled, "Rows used").number()).isEqualTo(316.0);
    }

    @Test
    void theGermanExcelExportIsReadWithDecimalCommaAndGermanNames() {
        WrittenTable licences = WrittenTable.of(workbook, "Licences");
        Map<String, WrittenCell> kz2013 = licences.row(
                "Destination ISO code", "KZ", "Period (ISO)", "2013", "Input file", "licences/german_excel_export.csv");
        // The file has 7.976.550,00 for Kasachstan in 2013 (the okfde figure); no count column, so [x], never 0.
        assertThat(licences.cell(kz2013, "Value").number()).isEqualTo(7_976_550.0);
        assertThat(licences.cell(kz2013, "Licences").shown()).isEqualTo("[x]");
        assertThat(licences.cell(kz2013, "Licences").type()).isEqualTo(CellType.STRING);
    }

    @Test
    void everyTableSheetHasTitleDescriptionAndAFrozenHeader() {
        for (String name : List.of("Contents", "Notes", "Overview", "Licences", "Unrest", "Data_quality", "Charts")) {
            var sheet = workbook.getSheet(name);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .as(name + " A1")
                    .isNotBlank();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .as(name + " A2")
                    .isNotBlank();
            assertThat(sheet.getPaneInformation()).as(name + " frozen").isNotNull();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                    .as(name)
                    .isEqualTo((short) 3);
            assertThat(sheet.getTables().get(0).getCTTable().getAutoFilter())
                    .as(name + " filter")
                    .isNotNull();
            assertThat(sheet.getNumMergedRegions()).as(name + " merged").isZero();
        }
    }

    @Test
    void aSecondStartForTheSameDateIsANoOp() throws Exception {
        Path workbookFile = output.resolve(RUN_DATE).resolve("report-" + RUN_DATE + ".xlsx");
        var before = Files.getLastModifiedTime(workbookFile);
        int again = ArmswatchApplication.run(
                "--input=" + dir.resolve("input"), "--output=" + output, "--run-date=" + RUN_DATE);
        assertThat(again).isZero();
        assertThat(Files.getLastModifiedTime(workbookFile)).isEqualTo(before);
    }
}
