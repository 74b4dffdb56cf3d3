package org.armswatch.workbook.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden test of this package: rows written straight to the sheet XML by {@link StreamedWorkbook.RowWriter} read
 * back, cell by cell, as the same rows written through POI's public SXSSF API do: type, value to the last bit, style,
 * row height, and the sheet's used range.
 */
class StreamedWorkbookGoldenTest {

    @TempDir
    Path dir;

    /** One row of the table: texts where the kind is TEXT, numbers where it is NUMBER. */
    record Line(float height, byte[] kinds, short[] styles, String[] texts, double[] numbers) {}

    static final String[] TEXTS = {
        "Kazakhstan",
        "Kazakhstan",
        "Côte d'Ivoire",
        " leading space",
        "trailing space ",
        "<b>&amp; \"quoted\" 'apos'",
        "😀 𝄞 €",
        "",
        "line\nbreak",
        "tab\there",
        "Türkiye – Ürün",
        "=SUM(A1)"
    };

    static final double[] NUMBERS = {
        0, -0.0, 1, 25, 9_999_999, 10_000_000, 2_200_000.5, -4_400, 1e-7, 123_456_789.125, Double.MIN_VALUE, 1e300, 0.1
    };

    static List<Line> table(int rows, int columns) {
        Random random = new Random(20220105);
        List<Line> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            byte[] kinds = new byte[columns];
            short[] styles = new short[columns];
            String[] texts = new String[columns];
            double[] numbers = new double[columns];
            for (int c = 0; c < columns; c++) {
                boolean text = random.nextInt(3) == 0;
                kinds[c] = text ? StreamedWorkbook.RowWriter.TEXT : StreamedWorkbook.RowWriter.NUMBER;
                styles[c] = (short) random.nextInt(3);
                if (text) texts[c] = TEXTS[random.nextInt(TEXTS.length)] + (random.nextInt(4) == 0 ? r : "");
                else
                    numbers[c] = random.nextBoolean()
                            ? NUMBERS[random.nextInt(NUMBERS.length)]
                            : random.nextGaussian() * 1e6;
            }
            lines.add(new Line(r % 7 == 0 ? 20.5f : 0, kinds, styles, texts, numbers));
        }
        return lines;
    }

    /** Styles 1 and 2, created in the same order in either workbook so that their indexes agree. */
    static void styles(Workbook wb) {
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0\" EUR\""));
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    @Test
    void rowsWrittenStraightToTheXmlReadBackAsPoisOwnWriterWritesThem() throws Exception {
        List<Line> table = table(2_000, 9);
        Path ours = dir.resolve("ours.xlsx");
        try (StreamedWorkbook wb = new StreamedWorkbook();
                OutputStream out = Files.newOutputStream(ours)) {
            wb.createSheet("Data");
            styles(wb);
            StreamedWorkbook.RowWriter rows = wb.rows("Data");
            for (int r = 0; r < table.size(); r++) {
                Line l = table.get(r);
                rows.row(r, l.height(), l.kinds().length, l.kinds(), l.styles(), l.texts(), l.numbers());
            }
            wb.write(out);
        }
        Path pois = dir.resolve("pois.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(pois)) {
            SXSSFSheet sheet = wb.createSheet("Data");
            styles(wb);
            for (int r = 0; r < table.size(); r++) {
                Line l = table.get(r);
                Row row = sheet.createRow(r);
                if (l.height() > 0) row.setHeightInPoints(l.height());
                for (int c = 0; c < l.kinds().length; c++) {
                    Cell cell = row.createCell(c);
                    if (l.kinds()[c] == StreamedWorkbook.RowWriter.TEXT) cell.setCellValue(l.texts()[c]);
                    else cell.setCellValue(l.numbers()[c]);
                    cell.setCellStyle(wb.getCellStyleAt(l.styles()[c]));
                }
            }
            wb.write(out);
            wb.dispose();
        }

        try (XSSFWorkbook expected = new XSSFWorkbook(pois.toFile());
                XSSFWorkbook actual = new XSSFWorkbook(ours.toFile())) {
            XSSFSheet e = expected.getSheet("Data");
            XSSFSheet a = actual.getSheet("Data");
            assertThat(a.getLastRowNum()).isEqualTo(e.getLastRowNum()).isEqualTo(table.size() - 1);
            assertThat(a.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:I" + table.size());
            int compared = 0;
            for (int r = 0; r <= e.getLastRowNum(); r++) {
                Row er = e.getRow(r);
                Row ar = a.getRow(r);
                assertThat(ar.getHeightInPoints()).as("row %d height", r).isEqualTo(er.getHeightInPoints());
                assertThat(ar.getLastCellNum()).as("row %d cells", r).isEqualTo(er.getLastCellNum());
                for (int c = 0; c < er.getLastCellNum(); c++) {
                    Cell ec = er.getCell(c);
                    Cell ac = ar.getCell(c);
                    String where = ec.getAddress().formatAsString();
                    assertThat(ac.getCellType()).as(where).isEqualTo(ec.getCellType());
                    if (ec.getCellType() == CellType.STRING) {
                        assertThat(ac.getStringCellValue()).as(where).isEqualTo(ec.getStringCellValue());
                    } else {
                        assertThat(Double.doubleToRawLongBits(ac.getNumericCellValue()))
                                .as(where + " " + ec.getNumericCellValue())
                                .isEqualTo(Double.doubleToRawLongBits(ec.getNumericCellValue()));
                    }
                    assertThat(ac.getCellStyle().getDataFormatString())
                            .as(where)
                            .isEqualTo(ec.getCellStyle().getDataFormatString());
                    assertThat(actual.getFontAt(ac.getCellStyle().getFontIndex())
                                    .getBold())
                            .as(where)
                            .isEqualTo(expected.getFontAt(ec.getCellStyle().getFontIndex())
                                    .getBold());
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(table.size() * 9);
        }
    }
}
