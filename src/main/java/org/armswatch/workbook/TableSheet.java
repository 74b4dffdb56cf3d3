package org.armswatch.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.armswatch.aggregate.Figure;
import org.armswatch.workbook.xml.StreamedWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;

/**
 * One table sheet as workbook.md lays it out: title in A1, one sentence in A2, then one named Excel table with a frozen
 * header row and filter buttons, nothing below it. Rows stream through SXSSF, so a sheet of a million rows costs a
 * window of rows in memory, not the sheet. A table longer than a sheet may hold goes on in numbered sheets (Licences_2,
 * ...), each a table of its own.
 */
final class TableSheet {

    /** A column: its header (units in it) and the widest it may get before its text wraps. */
    record Column(String header, int maxWidth) {}

    /** One sheet of a written table, with the table's data rows it holds (counted from 1). */
    record Part(String sheet, long firstRow, long lastRow) {}

    static final int HEADER_ROW = 2;
    /** Excel's 1,048,576 rows less the title, the description and the header above the data. */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - HEADER_ROW - 1;

    static final String NOT_AVAILABLE = "[x]";
    static final String NOT_APPLICABLE = "[z]";
    /** Excel's limit for a cell's text. */
    static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Book book;
    private final CellStyles styles;
    private final String baseName;
    private final String title;
    private final String description;
    private final List<Column> columns;
    private final int[] widths;
    private final List<Part> parts = new ArrayList<>();
    private SXSSFSheet sheet;
    private long rowsBefore;
    private int nextRow;
    private Row row;
    private int col;
    /**
     * Lines the tallest wrapped cell of the current row needs: rows are sized here, as no reader sizes them on opening.
     */
    private int rowLines;
    /**
     * Data rows go straight to the sheet's XML (see {@link StreamedWorkbook.RowWriter}) unless a sheet needs SXSSF's
     * row objects: a link, or a picture's row height. The current row's cells wait here until the next row.
     */
    private boolean cellByCell;

    private StreamedWorkbook.RowWriter rows;
    private int rowIndex = -1;
    private byte[] kinds = new byte[16];
    private short[] cellStyles = new short[16];
    private String[] texts = new String[16];
    private double[] numbers = new double[16];

    TableSheet(Book book, String sheetName, String title, String description, List<Column> columns) {
        this.book = book;
        this.styles = book.styles;
        this.baseName = sheetName;
        this.title = title;
        this.description = description;
        this.columns = columns;
        this.widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = Math.min(
                    longestWord(columns.get(i).header()) + 2, columns.get(i).maxWidth());
        }
        open(sheetName, title, description);
    }

    private void open(String sheetName, String sheetTitle, String sheetDescription) {
        sheet = book.wb.getSheet(sheetName) != null
                ? (SXSSFSheet) book.wb.getSheet(sheetName)
                : book.wb.createSheet(sheetName);
        nextRow = HEADER_ROW + 1;
        Cell a1 = sheet.createRow(0).createCell(0);
        a1.setCellValue(sheetTitle);
        a1.setCellStyle(styles.title);
        Cell a2 = sheet.createRow(1).createCell(0);
        a2.setCellValue(sheetDescription);
        a2.setCellStyle(styles.description);
        sheet.getRow(0).setHeightInPoints(TITLE_HEIGHT);
        Row header = sheet.createRow(HEADER_ROW);
        int headerLines = 1;
        for (int i = 0; i < columns.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(styles.header);
            headerLines = Math.max(headerLines, lines(columns.get(i).header(), widths[i]));
        }
        header.setHeightInPoints(Math.min(MAX_ROW_HEIGHT, headerLines * LINE_HEIGHT));
        printed(sheet);
        rows = null;
        // Printed, every page repeats the header row.
        sheet.setRepeatingRows(new org.apache.poi.ss.util.CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
    }

    /** Landscape, one page wide: a printed or PDF-exported sheet never cuts a column off. */
    static void printed(SXSSFSheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    }

    static final float LINE_HEIGHT = 15f;
    static final float TITLE_HEIGHT = 21f;
    /** Excel's tallest row. */
    static final float MAX_ROW_HEIGHT = 409f;

    /** Lines a text needs when wrapped at a column this many characters wide (greedy, word by word). */
    static int lines(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int used = 0;
            lines++;
            for (String word : paragraph.split(" ")) {
                int w = word.length();
                if (used > 0 && used + 1 + w > width) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? 1 : 0) + w;
                while (used > width) {
                    lines++;
                    used -= width;
                }
            }
        }
        return Math.max(1, lines);
    }

    TableSheet row() {
        if (nextRow - HEADER_ROW - 1 == book.maxRowsPerSheet) {
            close();
            int number = parts.size() + 1;
            String name = baseName + "_" + number;
            String previous = parts.get(parts.size() - 1).sheet();
            book.wb.createSheet(name);
            book.wb.setSheetOrder(name, book.wb.getSheetIndex(previous) + 1);
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            open(
                    name,
                    title + " (continued, part " + number + ")",
                    "Rows " + n.format(rowsBefore + 1) + " onwards of the table that begins in sheet " + baseName + ". "
                            + description);
        }
        sizeRow();
        if (cellByCell) {
            row = sheet.createRow(nextRow++);
        } else {
            if (rows == null) {
                // Title, description and header go first, through SXSSF; the data rows follow them in the same stream.
                flush();
                rows = book.wb.rows(sheet.getSheetName());
            }
            rowIndex = nextRow++;
        }
        col = 0;
        rowLines = 1;
        return this;
    }

    /** Writes every row after this one through SXSSF's row and cell objects; call it before the first row. */
    TableSheet cellByCell() {
        if (nextRow != HEADER_ROW + 1) throw new IllegalStateException("cellByCell() comes before the first row");
        cellByCell = true;
        return this;
    }

    private void sizeRow() {
        float height = rowLines > 1 ? Math.min(MAX_ROW_HEIGHT, rowLines * LINE_HEIGHT) : 0;
        if (rowIndex >= 0) {
            writing(() -> rows.row(rowIndex, height, col, kinds, cellStyles, texts, numbers));
            Arrays.fill(texts, 0, col, null);
            rowIndex = -1;
        }
        // Never lower a row a sheet writer made taller (a chart's row).
        if (row != null && height > 0) {
            row.setHeightInPoints(Math.max(row.getHeightInPoints(), height));
        }
        row = null;
    }

    private void flush() {
        writing(sheet::flushRows);
    }

    private interface SheetWrite {
        void run() throws IOException;
    }

    private void writing(SheetWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sheet " + sheet.getSheetName() + ": " + e.getMessage(), e);
        }
    }

    /** The current row's next cell, as a text or a number in a style. */
    private void cell(byte kind, CellStyle style, String text, double number) {
        if (row != null) {
            Cell c = row.createCell(col);
            if (kind == StreamedWorkbook.RowWriter.TEXT) c.setCellValue(text);
            else c.setCellValue(number);
            c.setCellStyle(style);
            return;
        }
        if (col == kinds.length) {
            int n = col * 2;
            kinds = Arrays.copyOf(kinds, n);
            cellStyles = Arrays.copyOf(cellStyles, n);
            texts = Arrays.copyOf(texts, n);
            numbers = Arrays.copyOf(numbers, n);
        }
        kinds[col] = kind;
        cellStyles[col] = style.getIndex();
        texts[col] = text;
        numbers[col] = number;
    }

    /**
     * Text from an input: always a text cell; formula-looking text is quote-prefixed; over-long text is cut, visibly.
     */
    TableSheet text(String value) {
        String v = cut(value == null ? "" : value, book.notes);
        int max = columns.get(col).maxWidth();
        boolean wraps = v.length() > max || v.indexOf('\n') >= 0;
        cell(
                StreamedWorkbook.RowWriter.TEXT,
                looksLikeFormula(v) ? styles.inert : (wraps ? styles.wrapped : styles.text),
                v,
                0);
        if (wraps) rowLines = Math.max(rowLines, lines(v, max));
        fit(v.length());
        return this;
    }

    /**
     * Text longer than a cell holds keeps its start and says in the cell that it was cut. The note explaining it is
     * numbered, but not referred to from the cell: references stand in titles and headers.
     */
    static String cut(String v, NoteList notes) {
        if (v.length() <= MAX_CELL) return v;
        notes.ref(NoteList.CUT);
        String mark = " … [cut: " + NumberFormat.getIntegerInstance(Locale.UK).format(v.length())
                + " characters in all; see the Notes sheet]";
        return v.substring(0, MAX_CELL - mark.length()) + mark;
    }

    /** A ratio with one decimal (3.5), [z] for null. */
    TableSheet ratio(Double ratio) {
        if (ratio == null) return marker(NOT_APPLICABLE);
        cell(StreamedWorkbook.RowWriter.NUMBER, styles.ratio, null, ratio);
        fit(8);
        return this;
    }

    /** A share as a percentage cell (0.125 shows 12.5%), [z] for null. */
    TableSheet percent(Double share) {
        if (share == null) return marker(NOT_APPLICABLE);
        cell(StreamedWorkbook.RowWriter.NUMBER, styles.percent, null, share);
        fit(9);
        return this;
    }

    TableSheet number(long value) {
        return figure(Figure.of(value, org.armswatch.unrest.Qualifier.EXACT));
    }

    TableSheet figure(Figure f) {
        return figure(f, false);
    }

    /**
     * A figure as a numeric cell with its qualifier's format (and [r] if revised), [x] where not available, [z] for
     * null.
     */
    TableSheet figure(Figure f, boolean revised) {
        if (f == null || !f.available()) return marker(f == null ? NOT_APPLICABLE : NOT_AVAILABLE);
        return numeric(f, styles.number(f.qualifier(), revised, f.illustrative()), 0, revised);
    }

    /** A value of licences in its currency, as {@link #figure} writes a count. */
    TableSheet money(Figure f, String currency, boolean cents, boolean revised) {
        if (f == null || !f.available()) return marker(f == null ? NOT_APPLICABLE : NOT_AVAILABLE);
        return numeric(
                f,
                styles.money(currency, cents, f.qualifier(), revised, f.illustrative()),
                (cents ? 3 : 0) + 1 + currency.length(),
                revised);
    }

    /** An available figure's cell in its style, as wide as its formatted number. */
    private TableSheet numeric(Figure f, CellStyle style, int extraWidth, boolean revised) {
        BigDecimal v = f.value();
        cell(StreamedWorkbook.RowWriter.NUMBER, style, null, v.doubleValue());
        // Width of the formatted number: digits, separators, decimals and unit, a qualifier sign, [r] and [i].
        int digits = Math.max(1, v.precision() - v.scale());
        fit(digits + (digits - 1) / 3 + extraWidth + 2 + (revised ? 4 : 0) + (f.illustrative() ? 4 : 0));
        return this;
    }

    TableSheet marker(String marker) {
        cell(StreamedWorkbook.RowWriter.TEXT, styles.missing, marker, 0);
        fit(marker.length());
        return this;
    }

    TableSheet link(String sheetName) {
        if (!cellByCell) throw new IllegalStateException("a link needs cellByCell()");
        Cell c = row.createCell(col);
        c.setCellValue(sheetName);
        var link = book.wb.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.DOCUMENT);
        link.setAddress("'" + sheetName + "'!A1");
        c.setHyperlink(link);
        c.setCellStyle(styles.link);
        fit(sheetName.length());
        return this;
    }

    /** A link to a file beside the workbook, by its path relative to the workbook's folder; the cell shows the path. */
    TableSheet fileLink(String shown, String relativePath) {
        if (!cellByCell) throw new IllegalStateException("a link needs cellByCell()");
        Cell c = row.createCell(col);
        c.setCellValue(shown);
        var link = book.wb.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.FILE);
        link.setAddress(relativePath);
        c.setHyperlink(link);
        c.setCellStyle(styles.link);
        fit(shown.length());
        return this;
    }

    /** The sheet row the current table row stands in (0-based), for pictures beside it. */
    int sheetRow() {
        return nextRow - 1;
    }

    /** Makes the last part's named table; returns every sheet the table was written to, in order. */
    List<Part> finish() {
        if (rowsBefore + nextRow - HEADER_ROW - 1 == 0) {
            // A table needs a data row; an empty one says so rather than leaving a bare header.
            row();
            text("(none)");
            for (int i = 1; i < columns.size(); i++) marker(NOT_APPLICABLE);
        }
        close();
        return List.copyOf(parts);
    }

    /** The named table over header and rows, the frozen header, the fitted column widths, A1 selected. */
    private void close() {
        sizeRow();
        int dataRows = nextRow - HEADER_ROW - 1;
        String name = sheet.getSheetName();
        XSSFSheet xs = book.wb.getXSSFWorkbook().getSheet(name);
        AreaReference area = new AreaReference(
                new CellReference(HEADER_ROW, 0),
                new CellReference(nextRow - 1, columns.size() - 1),
                SpreadsheetVersion.EXCEL2007);
        // The table's XML is built here, not through setArea: that names each column from the header cells,
        // which live in SXSSF's stream, not in the XSSF sheet, and makes a DataFormatter for every column.
        XSSFTable table = xs.createTable(null);
        String tableName = name.replaceAll("[^A-Za-z0-9_]", "_") + "_table";
        CTTable ct = table.getCTTable();
        ct.setRef(area.formatAsString());
        CTTableColumns tableColumns = ct.addNewTableColumns();
        tableColumns.setCount(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            CTTableColumn column = tableColumns.addNewTableColumn();
            column.setId(i + 1);
            column.setName(columns.get(i).header());
        }
        table.setName(tableName);
        table.setDisplayName(tableName);
        table.setStyleName("TableStyleLight9");
        ct.addNewAutoFilter().setRef(area.formatAsString());
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setActiveCell(new CellAddress(0, 0));
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, Math.min(255, widths[i] + 1) * 256);
        }
        parts.add(new Part(name, rowsBefore + 1, rowsBefore + dataRows));
        rowsBefore += dataRows;
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

    /** The sheet, for a table written cellByCell(), whose rows it can still reach. */
    SXSSFSheet sheet() {
        if (!cellByCell) throw new IllegalStateException("the sheet's rows are reachable only cellByCell()");
        return sheet;
    }
}
