package org.armswatch.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;

/** The Cover: what the workbook is, its provenance and how to use it, all in column A. */
final class CoverSheet {

    /** Column A's width in characters: the Cover's text wraps within it. */
    private static final int WIDTH = 100;
    /** Warnings listed on the Cover; all of them stand in Data_quality. */
    private static final int MAX_WARNINGS = 20;

    private CoverSheet() {}

    static void write(Book book, ReportContent c, String period) {
        SXSSFSheet sheet = (SXSSFSheet) book.wb.getSheet("Cover");
        List<String> lines = new ArrayList<>();
        lines.add(title(c, period));
        if (c.scope().oneCountry()) {
            lines.add("What this is: the figures of " + c.scope().countryName() + " ("
                    + c.scope().countryCode()
                    + ") from the report of " + c.runDate() + ": licences for arms exports to or from it, set against"
                    + " unrest there, aggregated by " + period + ". The main workbook report-" + c.runDate()
                    + ".xlsx holds every country and the data quality of the inputs.");
        } else {
            lines.add(
                    "What this is: licences for arms exports, by destination, set against unrest in the same countries"
                            + " (events from ACLED-format exports and figures reported by authorities and others), aggregated"
                            + " by country and " + period + ".");
        }
        lines.add("Run date: " + c.runDate() + ". Report period: " + period + ".");
        Period current = new Period(Granularity.DAY, c.runDate()).rollUpTo(c.period());
        lines.add("Provisional: figures for " + current.label() + " (" + current.iso()
                + ") are provisional, because that" + " period is not complete on the run date.");
        lines.add(
                c.changes().comparable()
                        ? "Changes since the run of " + c.changes().previousRunDate() + ": "
                                + c.changes().counts() + " (figures of the Overview); see the Changes sheet."
                        : "Changes: none to show, as no earlier run with the same report period has completed.");
        if (!c.warnings().isEmpty()) {
            if (c.scope().oneCountry()) {
                lines.add(
                        "Warnings: " + c.warnings().size() + " for the whole run, where the job could not be sure of a"
                                + " figure; see Data_quality in report-" + c.runDate() + ".xlsx.");
            } else {
                lines.add("Warnings (" + c.warnings().size() + "): the job could not be sure of these; each is also"
                        + " listed in Data_quality.");
                int shown = Math.min(c.warnings().size(), MAX_WARNINGS);
                for (int i = 0; i < shown; i++)
                    lines.add("  Warning: " + c.warnings().get(i).line());
                if (shown < c.warnings().size()) {
                    lines.add("  and " + (c.warnings().size() - shown) + " more in Data_quality.");
                }
            }
        }
        lines.add(
                "Sources (input files, named relative to the input folder, with SHA-256 and rows read / used / rejected):");
        for (SourceFileRecord f : c.files()) {
            lines.add("  " + f.name() + ": " + f.rowsRead() + " read, " + f.rowsUsed() + " used, " + f.rowsRejected()
                    + " rejected, " + f.rowsReplaced() + " replaced as duplicates"
                    + (f.rowsSkipped() > 0 ? ", " + f.rowsSkipped() + " skipped on purpose" : "") + "; SHA-256 "
                    + f.sha256());
        }
        for (String note : c.runNotes()) lines.add("Note on the inputs: " + note);
        lines.add(
                "Frozen header rows and filter buttons: in Excel, View > Freeze Panes > Unfreeze Panes, and Data > Filter;"
                        + " in LibreOffice, View > Freeze Cells, and Data > AutoFilter.");
        lines.add("Made by " + c.desk() + (c.contact().isBlank() ? "." : ". Contact: " + c.contact()));
        for (int i = 0; i < lines.size(); i++) {
            var row = sheet.createRow(i);
            Cell cell = row.createCell(0);
            String text = TableSheet.cut(lines.get(i), book.notes);
            cell.setCellValue(text);
            cell.setCellStyle(i == 0 ? book.styles.title : book.styles.wrapped);
            row.setHeightInPoints(
                    i == 0
                            ? TableSheet.TITLE_HEIGHT * TableSheet.lines(text, WIDTH * 3 / 4)
                            : Math.min(
                                    TableSheet.MAX_ROW_HEIGHT, TableSheet.LINE_HEIGHT * TableSheet.lines(text, WIDTH)));
        }
        sheet.setColumnWidth(0, (WIDTH + 1) * 256);
        TableSheet.printed(sheet);
        sheet.setActiveCell(new CellAddress(0, 0));
    }

    static String title(ReportContent c, String period) {
        return "Arms-export licences and unrest " + c.scope().place() + " and " + period + ", report of " + c.runDate();
    }

    static String period(ReportContent c) {
        return c.period().name().toLowerCase(Locale.ROOT);
    }
}
