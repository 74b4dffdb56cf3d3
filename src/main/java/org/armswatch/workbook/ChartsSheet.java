package org.armswatch.workbook;

import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.armswatch.chart.DrawnChart;

/**
 * The Charts sheet: one row per chart with its title, alt text and files; the picture beside the row carries the alt
 * text too.
 */
final class ChartsSheet {

    /** The picture's column: right of the table and a gap, so it never covers a cell of it. */
    private static final int PICTURE_COLUMN = 5;
    /** 640 pixels: the chart's drawn width, so the picture keeps its proportions (Excel: 7 px a character + 5). */
    private static final int PICTURE_COLUMN_CHARS = 91;
    /** 450 pixels at 96 dpi: the chart's drawn height. */
    private static final float PICTURE_ROW_POINTS = 337.5f;

    private ChartsSheet() {}

    static void write(Book book, ReportContent c) throws IOException {
        TableSheet t = new TableSheet(
                        book,
                        "Charts",
                        "Charts of this run",
                        "Each chart's title, its alt text and its files (links to them, in the run's charts folder); the picture"
                                + " stands to the right of its row. The numbers behind every chart are in the Overview sheet.",
                        List.of(
                                new TableSheet.Column("Chart title", 40), new TableSheet.Column("Alt text", 70),
                                new TableSheet.Column("Picture (PNG)", 28),
                                        new TableSheet.Column("Picture for the web (SVG)", 28)))
                .cellByCell();
        XSSFDrawing drawing = null;
        for (DrawnChart chart : c.charts()) {
            // A country's workbook stands in countries/, beside the run's charts/ folder.
            String up = c.scope().oneCountry() ? "../" : "";
            t.row()
                    .text(chart.title())
                    .text(chart.altText())
                    .fileLink("charts/" + chart.fileName(), up + "charts/" + chart.fileName())
                    .fileLink("charts/" + chart.svgFileName(), up + "charts/" + chart.svgFileName());
            int rowIndex = t.sheetRow();
            t.sheet().getRow(rowIndex).setHeightInPoints(PICTURE_ROW_POINTS);
            if (drawing == null) {
                drawing = book.wb
                        .getXSSFWorkbook()
                        .getSheet(t.sheet().getSheetName())
                        .createDrawingPatriarch();
            }
            int picture = book.wb.addPictureWhenWritten(() -> c.pictures().png(chart));
            XSSFClientAnchor anchor =
                    new XSSFClientAnchor(0, 0, 0, 0, PICTURE_COLUMN, rowIndex, PICTURE_COLUMN + 1, rowIndex + 1);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            XSSFPicture pic = drawing.createPicture(anchor, picture);
            pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(chart.altText());
            pic.getCTPicture().getNvPicPr().getCNvPr().setName(chart.title());
        }
        List<TableSheet.Part> parts = t.finish();
        t.sheet().setColumnWidth(PICTURE_COLUMN, PICTURE_COLUMN_CHARS * 256);
        book.list(parts, "The charts of this run as pictures, each with its alt text.");
    }
}
