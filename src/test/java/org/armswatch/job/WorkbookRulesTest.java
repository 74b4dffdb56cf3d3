package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WorkbookRules;
import org.armswatch.workbook.WrittenTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workbook of a run on the bundled input, the main one and each country's, read back with POI and held to
 * workbook.md: the rules for every table sheet, the sheets in their order, notes numbered by first reference, the
 * Changes sheet of a first run, and the per-country workbooks.
 */
class WorkbookRulesTest {

    static final String RUN_DATE = "2026-11-28";

    @TempDir
    static Path dir;

    static Path run;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        // Germany has no unrest figures: only configuration gives it a workbook of its own.
        int exit = ArmswatchApplication.run(
                "--input=" + input,
                "--output=" + output,
                "--run-date=" + RUN_DATE,
                "--armswatch.countries=Deutschland");
        assertThat(exit).isZero();
        run = output.resolve(RUN_DATE);
    }

    static List<Path> workbooks() throws Exception {
        try (Stream<Path> walk = Files.walk(run)) {
            return walk.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
    }

    @Test
    void everyWorkbookFollowsEveryRuleForTableSheets() throws Exception {
        assertThat(workbooks()).hasSizeGreaterThan(2);
        for (Path file : workbooks()) {
            try (XSSFWorkbook wb = WrittenTable.open(file)) {
                WorkbookRules.assertFollowsRules(wb, run.relativize(file).toString());
            }
        }
    }

    @Test
    void theMainWorkbookHasTheSheetsOfWorkbookMdInOrder() throws Exception {
        try (XSSFWorkbook wb = WrittenTable.open(run.resolve("report-" + RUN_DATE + ".xlsx"))) {
            assertThat(sheetNames(wb))
                    .containsExactly(
                            "Cover",
                            "Contents",
                            "Notes",
                            "Overview",
                            "Leads",
                            "Summary",
                            "Licences",
                            "Unrest",
                            "Changes",
                            "Data_quality",
                            "Charts");
            WrittenTable contents = WrittenTable.of(wb, "Contents");
            assertThat(contents.rows())
                    .extracting(r -> r.get("Sheet").shown())
                    .containsExactly(
                            "Notes",
                            "Overview",
                            "Leads",
                            "Summary",
                            "Licences",
                            "Unrest",
                            "Changes",
                            "Data_quality",
                            "Charts");
            for (Row row : wb.getSheet("Contents")) {
                if (row.getRowNum() < 3) continue;
                assertThat(row.getCell(0).getHyperlink().getAddress())
                        .isEqualTo("'" + row.getCell(0).getStringCellValue() + "'!A1");
            }
        }
    }

    @Test
    void theFirstRunSaysInChangesThatThereIsNothingToCompare() throws Exception {
        try (XSSFWorkbook wb = WrittenTable.open(run.resolve("report-" + RUN_DATE + ".xlsx"))) {
            assertThat(wb.getSheet("Changes").getRow(1).getCell(0).getStringCellValue())
                    .startsWith("There is nothing to compare");
            WrittenTable changes = WrittenTable.of(wb, "Changes");
            assertThat(changes.rows()).hasSize(1);
            assertThat(changes.rows().get(0).get("Change").shown()).isEqualTo("(none)");
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            assertThat(overview.rows())
                    .allSatisfy(
                            r -> assertThat(r.values()).noneMatch(c -> c.shown().contains("[r]")));
        }
    }

    @Test
    void notesKeepTheirNumbersInEveryWorkbookAndEveryReferenceFindsItsNote() throws Exception {
        List<String> catalogue = null;
        for (Path file : workbooks()) {
            try (XSSFWorkbook wb = WrittenTable.open(file)) {
                WrittenTable notes = WrittenTable.of(wb, "Notes");
                List<String> texts = notes.rows().stream()
                        .map(r -> notes.cell(r, "Note text").shown())
                        .toList();
                for (int i = 0; i < notes.rows().size(); i++) {
                    assertThat(notes.cell(notes.rows().get(i), "Note number").shown())
                            .isEqualTo("note " + (i + 1));
                }
                // The same notes under the same numbers in the main and every country workbook.
                if (catalogue == null) catalogue = texts;
                assertThat(texts).as(file.getFileName().toString()).isEqualTo(catalogue);
                Pattern ref = Pattern.compile("\\[note (\\d+)]");
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    if (sheet.getSheetName().equals("Cover")) continue;
                    // Titles, descriptions and headers; never data cells.
                    for (int r = 0; r <= 2; r++) {
                        for (Cell cell : sheet.getRow(r)) {
                            Matcher m = ref.matcher(cell.getStringCellValue());
                            while (m.find()) {
                                assertThat(Integer.parseInt(m.group(1)))
                                        .as(file.getFileName() + " " + sheet.getSheetName())
                                        .isBetween(1, texts.size());
                            }
                        }
                    }
                }
                for (Row row : wb.getSheet("Overview")) {
                    if (row.getRowNum() < 3) continue;
                    for (Cell cell : row) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            assertThat(cell.getStringCellValue()).doesNotContain("[note");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theChartsSheetHasEveryChartWithItsAltTextAndBothFiles() throws Exception {
        try (XSSFWorkbook wb = WrittenTable.open(run.resolve("report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable charts = WrittenTable.of(wb, "Charts");
            // Top destinations, the trend over all destinations, Kazakhstan's reported figures and eight timelines.
            assertThat(charts.rows()).hasSize(11);
            assertThat(charts.rows())
                    .extracting(r -> r.get("Picture (PNG)").shown())
                    .contains("charts/trend.png", "charts/reported-KZ.png", "charts/top-destinations.png");
            for (var row : charts.rows()) {
                assertThat(row.get("Alt text").shown()).isNotBlank();
                assertThat(run.resolve(row.get("Picture (PNG)").shown())).exists();
                assertThat(run.resolve(row.get("Picture for the web (SVG)").shown()))
                        .exists();
                assertThat(run.resolve("charts/alt-text.md"))
                        .content()
                        .contains(row.get("Chart title").shown());
            }
            assertThat(wb.getSheet("Charts").getDrawingPatriarch().getShapes()).hasSize(11);
        }
    }

    @Test
    void eachCountryWithLicencesAndUnrestAndEachConfiguredOneHasItsOwnWorkbook() throws Exception {
        try (Stream<Path> list = Files.list(run.resolve("countries"))) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .contains("KZ-Kazakhstan.xlsx", "TR-Turkey.xlsx", "DE-Germany.xlsx")
                    .doesNotContain("IN-India.xlsx");
        }
        try (XSSFWorkbook wb = WrittenTable.open(run.resolve("countries/KZ-Kazakhstan.xlsx"))) {
            assertThat(sheetNames(wb))
                    .containsExactly(
                            "Cover",
                            "Contents",
                            "Notes",
                            "Overview",
                            "Leads",
                            "Summary",
                            "Licences",
                            "Unrest",
                            "Changes",
                            "Charts");
            assertThat(wb.getSheet("Cover").getRow(0).getCell(0).getStringCellValue())
                    .contains("Kazakhstan (KZ)");
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            assertThat(overview.rows())
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("ISO code").shown()).isEqualTo("KZ"));
            assertThat(overview.cell(overview.row("Period (ISO)", "2021"), "Licences issued")
                            .number())
                    .isEqualTo(25.0);
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            assertThat(licences.rows())
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("Destination ISO code").shown()
                                    + r.get("Exporter ISO code").shown())
                            .contains("KZ"));
            WrittenTable unrest = WrittenTable.of(wb, "Unrest");
            assertThat(unrest.rows())
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("ISO code").shown()).isEqualTo("KZ"));
            WrittenTable charts = WrittenTable.of(wb, "Charts");
            assertThat(charts.rows())
                    .extracting(r -> r.get("Picture (PNG)").shown())
                    .containsExactly("charts/reported-KZ.png", "charts/timeline-KZ.png");
        }
        try (XSSFWorkbook wb = WrittenTable.open(run.resolve("countries/DE-Germany.xlsx"))) {
            // Germany as exporter: its licences are there; it has no unrest rows and no timeline.
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            assertThat(licences.rows())
                    .hasSizeGreaterThan(10)
                    .allSatisfy(
                            r -> assertThat(r.get("Exporter ISO code").shown()).isEqualTo("DE"));
            assertThat(WrittenTable.of(wb, "Charts")
                            .rows()
                            .get(0)
                            .get("Chart title")
                            .shown())
                    .isEqualTo("(none)");
        }
    }

    @Test
    void anUnknownConfiguredCountryIsABadConfiguration() {
        int exit = ArmswatchApplication.run(
                "--input=" + dir.resolve("input"),
                "--output=" + dir.resolve("other"),
                "--run-date=" + RUN_DATE,
                "--armswatch.countries=Atlantis");
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("other").resolve(RUN_DATE)).doesNotExist();
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) names.add(wb.getSheetName(i));
        return names;
    }
}
