package org.armswatch.workbook;

import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.armswatch.aggregate.Figure;

/**
 * One table sheet as workbook.md lays it out: title in A1, one sentence in A2, then one named
 * Excel table with a frozen header row and filter buttons, nothing below it. Rows stream through
 * SXSSF, so a sheet of a million rows costs a window of rows in memory, not the sheet.
 */
final class TableSheet {

    /** A column: its header (units in it) and the widest it may get before its text wraps. */
    record Column(String header, int maxWidth) {}

    static final int HEADER_ROW = 2;
    static final String NOT_AVAILABLE = "[x]";
    static final String NOT_APPLICABLE = "[z]";
    /** Excel's limit for a cell's text. */
    static final int MAX_CELL = 32_767;

    private final SXSSFWorkbook wb;
    private final CellStyles styles;
    private final SXSSFSheet sheet;
    private final String tableName;
    private final List<Column> columns;
    private final int[] widths;
    private final NoteList notes;
    private int nextRow = HEADER_ROW + 1;
    private Row row;
    private int col;

    TableSheet(SXSSFWorkbook wb, CellStyles styles, NoteList notes, String sheetName, String title,
               String description, List<Column> columns) {
        this.wb = wb;
        this.styles = styles;
        this.notes = notes;
        this.sheet = wb.getSheet(sheetName) != null ? wb.getSheet(sheetName) : wb.createSheet(sheetName);
        this.tableName = sheetName.replaceAll("[^A-Za-z0-9_]", "_") + "_table";
        this.columns = columns;
        this.widths = new int[columns.size()];
        Cell a1 = sheet.createRow(0).createCell(0);
        a1.setCellValue(title);
        a1.setCellStyle(styles.title);
        Cell a2 = sheet.createRow(1).createCell(0);
        a2.setCellValue(description);
        a2.setCellStyle(styles.description);
        Row header = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(styles.header);
            widths[i] = Math.min(longestWord(columns.get(i).header()) + 2, columns.get(i).maxWidth());
        }
    }

    TableSheet row() {
        row = sheet.createRow(nextRow++);
        col = 0;
        return this;
    }

    /** Text from an input: always a text cell; formula-looking text is quote-prefixed. */
    TableSheet text(String value) {
        String v = value == null ? "" : value;
        if (v.length() > MAX_CELL) {
            String mark = " [cut: " + v.length() + " characters in all, " + notes.ref(NoteList.CUT) + "]";
            v = v.substring(0, MAX_CELL - mark.length()) + mark;
        }
        Cell c = row.createCell(col);
        c.setCellValue(v);
        c.setCellStyle(looksLikeFormula(v) ? styles.inert : (v.length() > columns.get(col).maxWidth() ? styles.wrapped : styles.text));
        fit(v.length());
        return this;
    }

    TableSheet number(long value) {
        return figure(Figure.of(value, org.armswatch.unrest.Qualifier.EXACT), CellStyles.Kind.COUNT);
    }

    /** A figure as a numeric cell with its qualifier's format, or [x] where it is not available. */
    TableSheet figure(Figure f, CellStyles.Kind kind) {
        if (f == null) {
            return marker(NOT_APPLICABLE);
        }
        if (!f.available()) {
            return marker(NOT_AVAILABLE);
        }
        Cell c = row.createCell(col);
        BigDecimal v = f.value();
        c.setCellValue(v.doubleValue());
        c.setCellStyle(styles.number(kind, f.qualifier()));
        // Width of the formatted number: digits, separators, decimals and a qualifier sign.
        int digits = v.abs().toBigInteger().toString().length();
        fit(digits + (digits - 1) / 3 + (kind == CellStyles.Kind.MONEY_CENTS ? 3 : 0) + 2);
        return this;
    }

    TableSheet marker(String marker) {
        Cell c = row.createCell(col);
        c.setCellValue(marker);
        c.setCellStyle(styles.missing);
        fit(marker.length());
        return this;
    }

    TableSheet link(String sheetName) {
        Cell c = row.createCell(col);
        c.setCellValue(sheetName);
        var link = wb.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheetName + "'!A1");
        c.setHyperlink(link);
        c.setCellStyle(styles.link);
        fit(sheetName.length());
        return this;
    }

    int dataRows() {
        return nextRow - HEADER_ROW - 1;
    }

    /** Makes the named table over header and rows, freezes the header, fits the column widths. */
    void finish() {
        if (dataRows() == 0) {
            // A table needs a data row; an empty one says so rather than leaving a bare header.
            row();
            text("(none)");
            for (int i = 1; i < columns.size(); i++) marker(NOT_APPLICABLE);
        }
        XSSFSheet xs = wb.getXSSFWorkbook().getSheet(sheet.getSheetName());
        AreaReference area = new AreaReference(new CellReference(HEADER_ROW, 0),
                new CellReference(nextRow - 1, columns.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = xs.createTable(area);
        table.setName(tableName);
        table.setDisplayName(tableName);
        table.setStyleName("TableStyleLight9");
        table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
        // The header cells live in SXSSF's stream, not in the XSSF sheet, so name the columns here.
        List<XSSFTableColumn> tableColumns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            tableColumns.get(i).setName(columns.get(i).header());
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, Math.min(255, widths[i] + 1) * 256);
        }
    }

    private void fit(int chars) {
        int max = columns.get(col).maxWidth();
        widths[col] = Math.max(widths[col], Math.min(chars + 1, max));
        col++;
    }

    private static int longestWord(String header) {
        int longest = 0;
        for (String w : header.split(" ")) longest = Math.max(longest, w.length());
        return Math.max(longest, Math.min(header.length(), 14));
    }

    static boolean looksLikeFormula(String v) {
        if (v.isEmpty()) return false;
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    SXSSFSheet sheet() {
        return sheet;
    }

    CellStyle wrapped() {
        return styles.wrapped;
    }
}
