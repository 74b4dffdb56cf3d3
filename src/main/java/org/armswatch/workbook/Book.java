package org.armswatch.workbook;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.armswatch.workbook.xml.StreamedWorkbook;

/**
 * One workbook being written: its styles, its notes, Excel's row limit as configured, and the lines the Contents sheet
 * will list. Every sheet writer works on one of these.
 */
final class Book {

    /** A line of the Contents sheet. */
    record Entry(String sheet, String description) {}

    final StreamedWorkbook wb;
    final CellStyles styles;
    final NoteList notes = new NoteList();
    /** Data rows one sheet may hold before a table goes on in a numbered sheet (Licences_2, ...). */
    final int maxRowsPerSheet;

    private final List<Entry> entries = new ArrayList<>();

    Book(StreamedWorkbook wb, int maxRowsPerSheet) {
        if (maxRowsPerSheet < 1 || maxRowsPerSheet > TableSheet.MAX_DATA_ROWS) {
            throw new IllegalArgumentException(
                    "rows per sheet must be 1 to " + TableSheet.MAX_DATA_ROWS + ": " + maxRowsPerSheet);
        }
        this.wb = wb;
        this.styles = new CellStyles(wb);
        this.maxRowsPerSheet = maxRowsPerSheet;
    }

    void list(String sheet, String description) {
        entries.add(new Entry(sheet, description));
    }

    /** Lists a written table; a table split over several sheets is listed part by part, saying so. */
    void list(List<TableSheet.Part> parts, String description) {
        if (parts.size() == 1) {
            list(parts.get(0).sheet(), description);
            return;
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        for (int i = 0; i < parts.size(); i++) {
            TableSheet.Part p = parts.get(i);
            list(
                    p.sheet(),
                    description + " Part " + (i + 1) + " of " + parts.size() + " of one table that is too long"
                            + " for one sheet: its rows " + n.format(p.firstRow()) + " to " + n.format(p.lastRow())
                            + ".");
        }
    }

    /** The Contents' lines in the workbook's sheet order. */
    List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(e -> wb.getSheetIndex(e.sheet())));
        return sorted;
    }
}
