package org.armswatch.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table sheet of a written workbook, read back with POI the way a reporter sees it: each row as header name → cell,
 * with the number, the displayed text and the cell type.
 */
public record WrittenTable(String sheet, List<String> headers, List<Map<String, WrittenCell>> rows) {

    /** A cell as written: its type, its number (if numeric) and its text as Excel would show it. */
    public record WrittenCell(CellType type, Double number, String shown) {}

    public static XSSFWorkbook open(Path file) throws IOException {
        // Workbooks with pictures compress well; POI's zip-bomb guard is for untrusted files.
        ZipSecureFile.setMinInflateRatio(0.001);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Reads the sheet's one named table (header row and rows as its area says). */
    public static WrittenTable of(XSSFWorkbook wb, String sheetName) {
        XSSFSheet sheet = wb.getSheet(sheetName);
        if (sheet == null) throw new AssertionError("no sheet " + sheetName);
        List<XSSFTable> tables = sheet.getTables();
        if (tables.size() != 1) throw new AssertionError(sheetName + " has " + tables.size() + " tables, not 1");
        XSSFTable table = tables.get(0);
        DataFormatter formatter = new DataFormatter();
        int first = table.getStartCellReference().getRow();
        int last = table.getEndCellReference().getRow();
        int cols = table.getEndCellReference().getCol() + 1;
        List<String> headers = new ArrayList<>();
        Row header = sheet.getRow(first);
        for (int c = 0; c < cols; c++) headers.add(header.getCell(c).getStringCellValue());
        List<Map<String, WrittenCell>> rows = new ArrayList<>();
        for (int r = first + 1; r <= last; r++) {
            Row row = sheet.getRow(r);
            Map<String, WrittenCell> cells = new LinkedHashMap<>();
            for (int c = 0; c < cols; c++) {
                Cell cell = row.getCell(c);
                if (cell == null) {
                    cells.put(headers.get(c), new WrittenCell(CellType.BLANK, null, ""));
                    continue;
                }
                Double number = cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : null;
                cells.put(headers.get(c), new WrittenCell(cell.getCellType(), number, formatter.formatCellValue(cell)));
            }
            rows.add(cells);
        }
        return new WrittenTable(sheetName, headers, rows);
    }

    /** The header that starts with this text (headers carry note references and units). */
    public String column(String start) {
        return headers.stream()
                .filter(h -> h.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError(sheet + " has no column starting '" + start + "': " + headers));
    }

    public List<Map<String, WrittenCell>> where(Predicate<Map<String, WrittenCell>> test) {
        return rows.stream().filter(test).toList();
    }

    /** The one row whose columns (by header start) show these texts. */
    public Map<String, WrittenCell> row(String... columnAndShown) {
        List<Map<String, WrittenCell>> found = where(r -> {
            for (int i = 0; i < columnAndShown.length; i += 2) {
                if (!r.get(column(columnAndShown[i])).shown().equals(columnAndShown[i + 1])) return false;
            }
            return true;
        });
        if (found.size() != 1) {
            throw new AssertionError(sheet + ": " + found.size() + " rows match " + List.of(columnAndShown));
        }
        return found.get(0);
    }

    public WrittenCell cell(Map<String, WrittenCell> row, String columnStart) {
        return row.get(column(columnStart));
    }
}
