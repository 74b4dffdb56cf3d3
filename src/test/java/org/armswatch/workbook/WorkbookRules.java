package org.armswatch.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSelection;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetView;

/**
 * workbook.md's "Rules for every table sheet", asserted on a workbook read back with POI's user model: independent of
 * {@link WorkbookCheck}, which reads the same files as a stream.
 */
public final class WorkbookRules {

    private WorkbookRules() {}

    public static void assertFollowsRules(XSSFWorkbook wb, String name) {
        assertThat(wb.getSheetName(wb.getActiveSheetIndex()))
                .as(name + ": active sheet")
                .isEqualTo("Cover");
        var core = wb.getProperties().getCoreProperties();
        assertThat(core.getTitle()).as(name + ": title property").isNotBlank();
        assertThat(core.getSubject()).as(name + ": subject property").isNotBlank();
        assertThat(core.getCreator()).as(name + ": author property").isNotBlank();
        assertThat(core.getUnderlyingProperties().getLanguageProperty())
                .as(name + ": language")
                .hasValue("en-GB");
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            XSSFSheet sheet = wb.getSheetAt(i);
            String where = name + " " + sheet.getSheetName();
            assertThat(sheet.getSheetName())
                    .as(where + ": name")
                    .hasSizeLessThanOrEqualTo(31)
                    .doesNotContainPattern("[:\\\\/?*\\[\\]]");
            assertThat(sheet.isSelected())
                    .as(where + ": only the Cover is selected")
                    .isEqualTo(i == 0);
            assertThat(sheet.getNumMergedRegions()).as(where + ": merged cells").isZero();
            for (CTSheetView view : sheet.getCTWorksheet().getSheetViews().getSheetViewArray()) {
                for (CTSelection sel : view.getSelectionArray()) {
                    assertThat(sel.getActiveCell()).as(where + ": selection").isIn(null, "A1");
                }
            }
            for (Row row : sheet) {
                assertThat(row.getZeroHeight())
                        .as(where + ": hidden row " + (row.getRowNum() + 1))
                        .isFalse();
                for (Cell cell : row) {
                    assertThat(cell.getCellType())
                            .as(where + " " + cell.getAddress() + ": formula")
                            .isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING
                            && TableSheet.looksLikeFormula(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed())
                                .as(where + " " + cell.getAddress() + ": inert")
                                .isTrue();
                    }
                    assertThat(
                                    cell.getCellType() == CellType.STRING
                                            ? cell.getStringCellValue().length()
                                            : 0)
                            .as(where + " " + cell.getAddress())
                            .isLessThanOrEqualTo(32_767);
                }
            }
            if (i == 0) {
                assertThat(sheet.getSheetName()).isEqualTo("Cover");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                        .as(where + " A1")
                        .isNotBlank();
                for (Row row : sheet)
                    assertThat(row.getLastCellNum())
                            .as(where + ": text in column A only")
                            .isEqualTo((short) 1);
                continue;
            }
            assertTableSheet(sheet, where);
        }
    }

    private static void assertTableSheet(XSSFSheet sheet, String where) {
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                .as(where + " A1 title")
                .isNotBlank();
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                .as(where + " A2 description")
                .isNotBlank();
        assertThat(sheet.getRow(0).getLastCellNum())
                .as(where + ": row 1 holds only A1")
                .isEqualTo((short) 1);
        assertThat(sheet.getRow(1).getLastCellNum())
                .as(where + ": row 2 holds only A2")
                .isEqualTo((short) 1);
        List<XSSFTable> tables = sheet.getTables();
        assertThat(tables).as(where + ": one table").hasSize(1);
        XSSFTable table = tables.get(0);
        assertThat(table.getName()).as(where + ": table name").isNotBlank();
        assertThat(table.getStartCellReference().getRow())
                .as(where + ": header row")
                .isEqualTo(2);
        assertThat(table.getStartCellReference().getCol()).isZero();
        int last = table.getEndCellReference().getRow();
        int cols = table.getEndCellReference().getCol() + 1;
        assertThat(last)
                .as(where + ": the table covers every row, nothing below it")
                .isEqualTo(sheet.getLastRowNum());
        assertThat(last).as(where + ": at least one data row").isGreaterThan(2);
        assertThat(sheet.getPaneInformation()).as(where + ": frozen").isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                .as(where + ": frozen at the header")
                .isEqualTo((short) 3);
        assertThat(table.getCTTable().getAutoFilter())
                .as(where + ": filter buttons")
                .isNotNull();

        List<XSSFTableColumn> columns = table.getColumns();
        assertThat(columns).hasSize(cols);
        Row header = sheet.getRow(2);
        Set<String> seen = new HashSet<>();
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            assertThat(header.getCell(c)).as(where + ": header cell " + (c + 1)).isNotNull();
            String h = header.getCell(c).getStringCellValue();
            assertThat(h)
                    .as(where + ": header " + (c + 1) + " matches the table column")
                    .isEqualTo(columns.get(c).getName());
            assertThat(seen.add(h)).as(where + ": unique header " + h).isTrue();
            assertThat(sheet.isColumnHidden(c))
                    .as(where + ": hidden column " + h)
                    .isFalse();
            headers.add(h);
            if (h.equals("Period")) {
                assertThat(headers.size() < cols
                                && header.getCell(c + 1).getStringCellValue().equals("Period (ISO)"))
                        .as(where + ": an ISO period column beside Period")
                        .isTrue();
            }
        }
        DataFormatter formatter = new DataFormatter();
        for (int c = 0; c < cols; c++) {
            boolean numeric = false;
            List<String> texts = new ArrayList<>();
            double width = sheet.getColumnWidth(c) / 256.0;
            for (int r = 3; r <= last; r++) {
                Cell cell = sheet.getRow(r).getCell(c);
                assertThat(cell)
                        .as(where + ": a cell in every column of row " + (r + 1))
                        .isNotNull();
                if (cell.getCellType() == CellType.NUMERIC) {
                    numeric = true;
                    String shown = formatter.formatCellValue(cell);
                    assertThat(cell.getCellStyle().getDataFormatString())
                            .as(where + " " + cell.getAddress() + ": thousands separators")
                            .contains("#,##0");
                    assertThat((double) shown.length())
                            .as(where + " " + cell.getAddress() + ": '" + shown + "' fits its column")
                            .isLessThan(width);
                } else if (!cell.getStringCellValue().equals("[x]")
                        && !cell.getStringCellValue().equals("[z]")) {
                    texts.add(cell.getAddress() + " '" + cell.getStringCellValue() + "'");
                }
            }
            if (numeric) {
                assertThat(texts)
                        .as(where + ": numeric column " + headers.get(c) + " holds only numbers, [x] and [z]")
                        .isEmpty();
                assertThat(headers.get(c))
                        .as(where + ": unit in the header")
                        .containsPattern("\\((number|%|ratio|[A-Z]{3}|in the row's currency)\\)");
            }
            for (String word : headers.get(c).split(" ")) {
                assertThat((double) word.length())
                        .as(where + ": header word '" + word + "' fits")
                        .isLessThanOrEqualTo(width);
            }
        }
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (XSSFShape shape : drawing.getShapes()) {
                if (shape instanceof XSSFPicture pic) {
                    assertThat(pic.getCTPicture().getNvPicPr().getCNvPr().getDescr())
                            .as(where + ": alt text")
                            .isNotBlank();
                }
            }
        }
    }
}
