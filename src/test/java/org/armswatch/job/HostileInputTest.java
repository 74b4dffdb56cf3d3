package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WorkbookRules;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose inputs hold what a spreadsheet would take for formulas, a 40,000-character source, and more rows than a
 * sheet may hold (the limit set low for the test, as an operator can): the text stays inert text, the long text is cut
 * visibly with a note, and long tables go on in numbered sheets that the Contents lists.
 */
class HostileInputTest {

    static final String RUN_DATE = "2026-11-28";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final int ROW_LIMIT = 40;

    @TempDir
    static Path dir;

    static XSSFWorkbook workbook;
    static Path report;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        String longSource = "A very long source. ".repeat(2_000).trim() + ".";
        Files.writeString(
                input.resolve("licences/zz_hostile.csv"),
                String.join(
                                "\n",
                                "exporter,destination,period,licences,value_eur,status,source,notes",
                                "DE,IS,2021-Q1,1,100,issued,\"" + HYPERLINK.replace("\"", "\"\"") + "\",@SUM(A1)",
                                "DE,IS,2021-Q2,2,200,issued,+1,=1+1",
                                "DE,IS,2021-Q3,3,300,issued,@SUM(A1),",
                                "DE,IS,2021-Q4,4,400,issued," + longSource + "," + "n".repeat(40_000))
                        + "\n");
        Files.writeString(
                input.resolve("unrest/desk_tally_kazakhstan.csv"),
                "Kazakhstan,2022-01-20,-Almaty,detained,10,exact,incremental,=HYPERLINK(\"\"http://x\"\"),media,"
                        + "n".repeat(40_000) + "\n",
                StandardOpenOption.APPEND);
        Path output = dir.resolve("output");
        int exit = ArmswatchApplication.run(
                "--input=" + input,
                "--output=" + output,
                "--run-date=" + RUN_DATE,
                "--armswatch.max-rows-per-sheet=" + ROW_LIMIT);
        assertThat(exit).isZero();
        report = output.resolve(RUN_DATE).resolve("report-" + RUN_DATE + ".xlsx");
        workbook = WrittenTable.open(report);
    }

    @AfterAll
    static void close() throws Exception {
        workbook.close();
    }

    /** A table's rows over all the sheets it was split into. */
    static List<Map<String, WrittenCell>> rows(String sheet) {
        List<Map<String, WrittenCell>> rows =
                new ArrayList<>(WrittenTable.of(workbook, sheet).rows());
        for (int part = 2; workbook.getSheet(sheet + "_" + part) != null; part++) {
            rows.addAll(WrittenTable.of(workbook, sheet + "_" + part).rows());
        }
        return rows;
    }

    @Test
    void formulaLookingTextIsWrittenAsInertTextNeverAsAFormula() {
        List<String> sources = rows("Licences").stream()
                .filter(r -> r.get("Destination ISO code").shown().equals("IS"))
                .map(r -> r.get("Source").shown())
                .toList();
        assertThat(sources).contains(HYPERLINK, "+1", "@SUM(A1)");
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            for (Row row : workbook.getSheetAt(i)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType())
                            .as(workbook.getSheetName(i) + " " + cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING
                            && List.of(HYPERLINK, "+1", "@SUM(A1)", "-Almaty").contains(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed())
                                .as(cell.getAddress().toString())
                                .isTrue();
                    }
                }
            }
        }
        List<String> regions =
                rows("Unrest").stream().map(r -> r.get("Region").shown()).toList();
        assertThat(regions).contains("-Almaty");
    }

    @Test
    void textLongerThanACellIsCutWithAVisibleMarkAndANote() {
        Map<String, WrittenCell> row = rows("Licences").stream()
                .filter(r -> r.get("Period (ISO)").shown().equals("2021-Q4")
                        && r.get("Destination ISO code").shown().equals("IS"))
                .findFirst()
                .orElseThrow();
        String source = row.get("Source").shown();
        assertThat(source)
                .hasSize(32_767)
                .startsWith("A very long source. ")
                .endsWith("[cut: 40,000 characters in all; see the Notes sheet]");
        assertThat(WrittenTable.of(workbook, "Notes").rows())
                .anySatisfy(n -> assertThat(n.get("Note text").shown())
                        .startsWith("Text longer than a spreadsheet cell can hold"));
    }

    @Test
    void aTableLongerThanTheRowLimitGoesOnInNumberedSheetsEachWithItsOwnTable() throws Exception {
        List<String> names = WorkbookRulesTest.sheetNames(workbook);
        assertThat(names)
                .containsSubsequence(
                        "Overview",
                        "Overview_2",
                        "Overview_3",
                        "Overview_4",
                        "Licences",
                        "Licences_2",
                        "Licences_3",
                        "Licences_4",
                        "Licences_5",
                        "Unrest");
        int licenceRows = 0;
        for (String sheet : names.stream().filter(n -> n.startsWith("Licences")).toList()) {
            WrittenTable part = WrittenTable.of(workbook, sheet);
            assertThat(part.rows().size())
                    .as(sheet)
                    .isLessThanOrEqualTo(ROW_LIMIT)
                    .isPositive();
            assertThat(workbook.getSheet(sheet).getTables().get(0).getName()).isEqualTo(sheet + "_table");
            licenceRows += part.rows().size();
        }
        assertThat(licenceRows).isEqualTo(rows("Licences").size()).isGreaterThan(4 * ROW_LIMIT);
        assertThat(workbook.getSheet("Licences_2").getRow(0).getCell(0).getStringCellValue())
                .contains("continued, part 2");
        WrittenTable contents = WrittenTable.of(workbook, "Contents");
        Map<String, WrittenCell> second = contents.row("Sheet", "Licences_2");
        assertThat(contents.cell(second, "What it holds").shown())
                .contains("Part 2 of")
                .contains("rows 41 to 80");
        WorkbookRules.assertFollowsRules(workbook, "report");
    }
}
