package org.armswatch.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-check on workbooks built with POI to break one rule each: it must name the workbook, the sheet, the cell and
 * the rule. The same broken workbooks fail {@link WorkbookRules} too, so the assertions the end-to-end tests rely on
 * are shown to catch what they claim to.
 */
class WorkbookCheckTest {

    @TempDir
    Path dir;

    /** Cover and one table sheet "Data" that follow every rule. */
    static XSSFWorkbook valid() {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet cover = wb.createSheet("Cover");
        cover.createRow(0).createCell(0).setCellValue("A test workbook");
        XSSFSheet data = wb.createSheet("Data");
        data.createRow(0).createCell(0).setCellValue("Events by country");
        data.createRow(1).createCell(0).setCellValue("One row per country. [x] = not available.");
        Row header = data.createRow(2);
        header.createCell(0).setCellValue("Country");
        header.createCell(1).setCellValue("Events (number)");
        Row kz = data.createRow(3);
        kz.createCell(0).setCellValue("Kazakhstan");
        kz.createCell(1).setCellValue(81);
        var count = wb.createCellStyle();
        count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        kz.getCell(1).setCellStyle(count);
        Row tr = data.createRow(4);
        tr.createCell(0).setCellValue("Turkey");
        tr.createCell(1).setCellValue("[x]");
        XSSFTable table = data.createTable(new AreaReference("A3:B5", SpreadsheetVersion.EXCEL2007));
        table.setName("Data_table");
        table.setDisplayName("Data_table");
        table.getColumns().get(0).setName("Country");
        table.getColumns().get(1).setName("Events (number)");
        table.getCTTable().addNewAutoFilter().setRef("A3:B5");
        data.createFreezePane(0, 3);
        data.setColumnWidth(0, 20 * 256);
        data.setColumnWidth(1, 20 * 256);
        var core = wb.getProperties().getCoreProperties();
        core.setTitle("A test workbook");
        core.setSubjectProperty("Tests");
        core.setCreator("The data desk");
        core.getUnderlyingProperties().setLanguageProperty("en-GB");
        wb.setActiveSheet(0);
        cover.setSelected(true);
        data.setSelected(false);
        return wb;
    }

    Path write(Consumer<XSSFWorkbook> breakIt) throws IOException {
        Path file = dir.resolve("test.xlsx");
        try (XSSFWorkbook wb = valid();
                OutputStream out = Files.newOutputStream(file)) {
            breakIt.accept(wb);
            wb.write(out);
        }
        return file;
    }

    void assertBroken(Consumer<XSSFWorkbook> breakIt, String sheet, String cell, String rule) throws IOException {
        Path file = write(breakIt);
        assertThatThrownBy(() -> WorkbookCheck.check(file)).isInstanceOfSatisfying(WorkbookRuleException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("test.xlsx, sheet " + sheet + ", cell " + cell + ": " + e.rule());
            assertThat(e.sheet()).isEqualTo(sheet);
            assertThat(e.cell()).isEqualTo(cell);
            assertThat(e.rule()).contains(rule);
        });
        try (XSSFWorkbook wb = WrittenTable.open(file)) {
            assertThatThrownBy(() -> WorkbookRules.assertFollowsRules(wb, "test"))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aWorkbookThatFollowsTheRulesPasses() throws IOException {
        Path file = write(wb -> {});
        assertThatCode(() -> WorkbookCheck.check(file)).doesNotThrowAnyException();
        try (XSSFWorkbook wb = WrittenTable.open(file)) {
            WorkbookRules.assertFollowsRules(wb, "test");
        }
    }

    @Test
    void mergedCells() throws IOException {
        assertBroken(
                wb -> wb.getSheet("Data").addMergedRegion(CellRangeAddress.valueOf("A4:A5")),
                "Data",
                "A4:A5",
                "no merged cells");
    }

    @Test
    void aFormulaCell() throws IOException {
        assertBroken(
                wb -> wb.getSheet("Data").getRow(3).getCell(1).setCellFormula("80+1"),
                "Data",
                "B4",
                "never as a formula");
    }

    @Test
    void aTableWhoseHeaderDoesNotMatchItsColumns() throws IOException {
        // POI names a table's columns after the header cells when it saves; without the cell the name stays.
        assertBroken(
                wb -> wb.getSheet("Data")
                        .getRow(2)
                        .removeCell(wb.getSheet("Data").getRow(2).getCell(1)),
                "Data",
                "B3",
                "column 'Events (number)' does not match its header cell 'null'");
    }

    @Test
    void aTableWithoutFilterButtonsOrAFrozenHeader() throws IOException {
        assertBroken(
                wb -> wb.getSheet("Data").getTables().get(0).getCTTable().unsetAutoFilter(),
                "Data",
                "A3",
                "the table has filter buttons");
        assertBroken(wb -> wb.getSheet("Data").createFreezePane(0, 0), "Data", "A3", "the header row is frozen");
    }

    @Test
    void aTableWhoseAreaDoesNotCoverItsRows() throws IOException {
        assertBroken(
                wb -> {
                    Row extra = wb.getSheet("Data").createRow(5);
                    extra.createCell(0).setCellValue("Egypt");
                },
                "Data",
                "A6",
                "nothing outside the table");
    }

    @Test
    void aSheetNameOver31CharactersOrWithAForbiddenCharacter() throws IOException {
        assertBroken(
                wb -> wb.getCTWorkbook().getSheets().getSheetArray(1).setName("Events by country and by quarter 2022"),
                "Events by country and by quarter 2022",
                "A1",
                "at most 31 characters");
        assertBroken(
                wb -> wb.getCTWorkbook().getSheets().getSheetArray(1).setName("Events?"),
                "Events?",
                "A1",
                "none of : \\ / ? * [ ]");
    }

    @Test
    void aChartWithoutAltText() throws IOException {
        assertBroken(
                wb -> {
                    byte[] png = java.util.Base64.getDecoder()
                            .decode(
                                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");
                    int picture = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
                    var pic = wb.getSheet("Data")
                            .createDrawingPatriarch()
                            .createPicture(new XSSFClientAnchor(0, 0, 0, 0, 3, 3, 4, 4), picture);
                    pic.getCTPicture().getNvPicPr().getCNvPr().unsetDescr();
                },
                "Data",
                "D4",
                "every chart has alt text");
    }

    @Test
    void textInANumericColumn() throws IOException {
        assertBroken(
                wb -> wb.getSheet("Data").getRow(4).getCell(1).setCellValue("many"),
                "Data",
                "B5",
                "holds numbers, [x] or [z], not 'many'");
    }

    @Test
    void aSelectionOtherThanA1() throws IOException {
        assertBroken(wb -> wb.getSheet("Data").setActiveCell(new CellAddress("B4")), "Data", "B4", "A1 selected");
    }

    @Test
    void anotherSheetThanTheCoverActive() throws IOException {
        assertBroken(
                wb -> {
                    wb.getSheet("Cover").setSelected(false);
                    wb.setActiveSheet(1);
                },
                "Data",
                "A1",
                "the Cover is the active sheet");
    }

    @Test
    void theWorkbookNamesItselfInTheMessage() throws IOException {
        Path file = write(wb -> wb.getSheet("Data").getRow(3).getCell(1).setCellFormula("80+1"));
        Path named = Files.move(file, dir.resolve("report-2026-11-28.xlsx"));
        assertThatThrownBy(() -> WorkbookCheck.check(named))
                .hasMessageStartingWith("report-2026-11-28.xlsx, sheet Data, cell B4:");
        assertThat(Optional.of(named)).isPresent();
    }
}
