package org.armswatch.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Two workbooks compared sheet by sheet and cell by cell, as a reporter would see them. */
public final class WorkbookComparison {

    private WorkbookComparison() {}

    /** The differences, at most 20, each naming sheet and cell; empty when the workbooks agree. */
    public static List<String> differences(Path expected, Path actual) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook a = WrittenTable.open(expected);
                XSSFWorkbook b = WrittenTable.open(actual)) {
            if (a.getNumberOfSheets() != b.getNumberOfSheets()) {
                out.add("sheets: " + a.getNumberOfSheets() + " vs " + b.getNumberOfSheets());
                return out;
            }
            for (int s = 0; s < a.getNumberOfSheets() && out.size() < 20; s++) {
                Sheet sa = a.getSheetAt(s);
                Sheet sb = b.getSheetAt(s);
                if (!sa.getSheetName().equals(sb.getSheetName()))
                    out.add("sheet " + s + ": " + sa.getSheetName() + " vs " + sb.getSheetName());
                int rows = Math.max(sa.getLastRowNum(), sb.getLastRowNum());
                for (int r = 0; r <= rows && out.size() < 20; r++) {
                    Row ra = sa.getRow(r);
                    Row rb = sb.getRow(r);
                    int cols = Math.max(ra == null ? 0 : ra.getLastCellNum(), rb == null ? 0 : rb.getLastCellNum());
                    for (int c = 0; c < cols; c++) {
                        Cell ca = ra == null ? null : ra.getCell(c);
                        Cell cb = rb == null ? null : rb.getCell(c);
                        String va = ca == null ? "" : ca.getCellType() + ":" + formatter.formatCellValue(ca);
                        String vb = cb == null ? "" : cb.getCellType() + ":" + formatter.formatCellValue(cb);
                        if (!va.equals(vb)) {
                            out.add(sa.getSheetName() + "!"
                                    + new org.apache.poi.ss.util.CellReference(r, c).formatAsString() + ": expected "
                                    + va + ", was " + vb);
                        }
                    }
                }
            }
        }
        return out;
    }
}
