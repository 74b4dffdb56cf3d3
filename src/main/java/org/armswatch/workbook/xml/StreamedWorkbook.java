package org.armswatch.workbook.xml;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * SXSSF as a large run needs it; the sheet XML's size drives most of the report's time (writing it, deflating it, and
 * the self-check inflating and reading it again), so:
 *
 * <ul>
 *   <li>short texts that repeat (names, codes, periods, sources, file names) go to the workbook's shared strings, a few
 *       bytes a cell instead of the text each time. POI's own shared-strings mode builds an XML object for every cell;
 *       here a map finds the index and the table is filled once, before the workbook is written. A text seen once stays
 *       inline, and the map is capped, so memory does not grow with the rows;
 *   <li>rows stream to plain temp files (gzip there compressed every byte twice) through a writer that takes no lock
 *       per character, and the workbook is deflated at the fastest level.
 * </ul>
 */
public final class StreamedWorkbook extends SXSSFWorkbook {

    /** Longer texts rarely repeat (reasons, raw rows, notes) and stay inline. */
    static final int MAX_SHARED_LENGTH = 80;
    /** Distinct short texts remembered; beyond this, new ones stay inline. */
    static final int MAX_REMEMBERED = 50_000;

    /** Texts seen once: the second sighting makes them shared. */
    private final Map<String, Boolean> seen = new HashMap<>();

    private final Map<String, Integer> shared = new HashMap<>();
    private final List<String> sharedInOrder = new ArrayList<>();
    private final Map<String, RowWriter> writers = new HashMap<>();
    /** Pictures whose bytes come only when the workbook is written, by their zip entry's name. */
    private final Map<String, PictureBytes> picturesWhenWritten = new HashMap<>();

    private RowWriter created;

    public StreamedWorkbook() {
        super(null, 200, false, false);
        // The dimension is ours (see write): SXSSF's own, from the cells it saw, would overwrite it with less.
        setShouldCalculateSheetDimensions(false);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        return new MediaStored(super.createArchiveOutputStream(out), picturesWhenWritten);
    }

    static final String STYLES_PART = "xl/styles.xml";

    /**
     * The styles part with the named style "Normal" over the default format, as Excel writes it: POI writes none, and
     * readers such as openpyxl then warn that the workbook has no default style. The schema puts cellStyles right after
     * cellXfs; POI's slim schema classes have none for it, so it goes in as text.
     */
    static byte[] withNormalStyle(byte[] xml) {
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        if (text.contains("<cellStyles")) return xml;
        int at = text.indexOf("</cellXfs>");
        if (at < 0) return xml;
        at += "</cellXfs>".length();
        String normal = "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";
        return (text.substring(0, at) + normal + text.substring(at)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A picture's bytes, asked for once, when the workbook is written. */
    @FunctionalInterface
    public interface PictureBytes {
        byte[] get() throws IOException;
    }

    /**
     * A PNG picture whose bytes are asked for only when the workbook is written. SXSSF writes the package once as a
     * template and copies it into the file; the template holds an empty part, and the picture goes straight into the
     * file, stored: until then nobody waits for it, and its bytes are neither deflated into the template nor inflated
     * out of it.
     *
     * @return the picture's index, as {@link #addPicture} gives it
     */
    public int addPictureWhenWritten(PictureBytes png) {
        int index = addPicture(new byte[0], PICTURE_TYPE_PNG);
        String part = getXSSFWorkbook()
                .getAllPictures()
                .get(index)
                .getPackagePart()
                .getPartName()
                .getName();
        picturesWhenWritten.put(part.substring(1), png);
        return index;
    }

    /**
     * POI's zip stream, deflating XML at the fastest level and pictures not at all: a PNG is deflated already, and
     * deflating the charts' pictures again took longer than drawing them, for nothing.
     */
    private static final class MediaStored extends ZipArchiveOutputStream {
        private final ZipArchiveOutputStream zip;
        private final Map<String, PictureBytes> picturesWhenWritten;
        /** Whether the entry open is a picture written from its source: the template's empty part is dropped. */
        private boolean substituted;
        /** The styles part while it is written, to add what POI leaves out before it goes into the file. */
        private java.io.ByteArrayOutputStream styles;

        MediaStored(ZipArchiveOutputStream zip, Map<String, PictureBytes> picturesWhenWritten) {
            super(OutputStream.nullOutputStream());
            this.zip = zip;
            this.picturesWhenWritten = picturesWhenWritten;
        }

        @Override
        public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
            zip.setLevel(entry.getName().endsWith(".png") ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
            PictureBytes picture = picturesWhenWritten.get(entry.getName());
            if (entry.getName().equals(STYLES_PART)) {
                styles = new java.io.ByteArrayOutputStream();
                substituted = true;
                zip.putArchiveEntry(entry);
                return;
            }
            if (picture == null) {
                substituted = false;
                zip.putArchiveEntry(entry);
                return;
            }
            byte[] bytes = picture.get();
            entry.setSize(bytes.length);
            zip.putArchiveEntry(entry);
            zip.write(bytes, 0, bytes.length);
            substituted = true;
        }

        @Override
        public void closeArchiveEntry() throws IOException {
            if (styles != null) {
                byte[] patched = withNormalStyle(styles.toByteArray());
                zip.write(patched, 0, patched.length);
                styles = null;
            }
            zip.closeArchiveEntry();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (styles != null) styles.write(b, off, len);
            else if (!substituted) zip.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            if (styles != null) styles.write(b);
            else if (!substituted) zip.write(b);
        }

        @Override
        public void flush() throws IOException {
            zip.flush();
        }

        @Override
        public void finish() throws IOException {
            zip.finish();
        }

        @Override
        public void close() throws IOException {
            try {
                zip.close();
            } finally {
                // This stream's own deflater, never used, holds native memory until it is ended.
                finished = true;
                def.end();
            }
        }
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        created = new RowWriter();
        return created;
    }

    @Override
    public SXSSFSheet createSheet(String sheetname) {
        SXSSFSheet sheet = super.createSheet(sheetname);
        writers.put(sheetname, created);
        return sheet;
    }

    /** The writer of a sheet's rows, for rows that bypass SXSSF's cells. */
    public RowWriter rows(String sheetName) {
        RowWriter w = writers.get(sheetName);
        if (w == null) throw new IllegalArgumentException("no sheet " + sheetName);
        return w;
    }

    /**
     * Writes rows as SXSSF would, and also straight from a table's values (see {@link TableSheet}): a row object and a
     * cell object for each of millions of cells, kept in a TreeMap and formatted through CellReference, cost more than
     * writing the XML itself.
     */
    public final class RowWriter extends SheetDataWriter {
        public static final byte TEXT = 1;
        public static final byte NUMBER = 2;
        private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);
        private String[] columns = new String[0];
        /** The used range, for the sheet's dimension: readers that stream a sheet size it from there. */
        private int lastRow = -1;

        private int lastColumn = -1;

        RowWriter() throws IOException {
            super();
        }

        @Override
        public void writeRow(int rowNum, org.apache.poi.xssf.streaming.SXSSFRow row) throws IOException {
            lastRow = Math.max(lastRow, rowNum);
            if (row.getLastCellNum() > 0) lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
            super.writeRow(rowNum, row);
        }

        /** "A1:N512", or "A1" for a sheet without rows. */
        public String dimension() {
            if (lastRow < 0) return "A1";
            return "A1:" + CellReference.convertNumToColString(Math.max(0, lastColumn)) + (lastRow + 1);
        }

        @Override
        public Writer createWriter(File fd) throws IOException {
            return new SheetXmlWriter(new FileOutputStream(fd));
        }

        @Override
        public void writeCell(int column, Cell cell) throws IOException {
            Integer index = cell.getCellType() == CellType.STRING ? sharedIndex(cell.getStringCellValue()) : null;
            if (index == null) {
                super.writeCell(column, cell);
                return;
            }
            _out.write("<c r=\"");
            _out.write(new CellReference(cell.getRowIndex(), column).formatAsString());
            int style = cell.getCellStyle().getIndex() & 0xFFFF;
            if (style != 0) {
                _out.write("\" s=\"");
                _out.write(Integer.toString(style));
            }
            _out.write("\" t=\"s\"><v>");
            _out.write(Integer.toString(index));
            _out.write("</v></c>");
        }

        /**
         * One row, byte for byte as SXSSF writes it: cell i is a text (texts[i]) or a number (numbers[i]) in style
         * styles[i]; a height of 0 leaves the row at the sheet's default.
         */
        public void row(
                int rowIndex, float height, int cells, byte[] kinds, short[] styles, String[] texts, double[] numbers)
                throws IOException {
            SheetXmlWriter out = (SheetXmlWriter) _out;
            int r = rowIndex + 1;
            lastRow = Math.max(lastRow, rowIndex);
            lastColumn = Math.max(lastColumn, cells - 1);
            out.write("<row r=\"");
            out.writeDigits(r);
            if (height > 0) {
                out.write("\" customHeight=\"1\" ht=\"");
                out.write(Float.toString(height));
            }
            out.write("\">\n");
            for (int i = 0; i < cells; i++) {
                out.write("<c r=\"");
                out.write(column(i));
                out.writeDigits(r);
                int style = styles[i] & 0xFFFF;
                if (style != 0) {
                    out.write("\" s=\"");
                    out.writeDigits(style);
                }
                if (kinds[i] == NUMBER) {
                    out.write("\" t=\"n\"><v>");
                    double v = numbers[i];
                    if (wholeBelowTenMillion(v)) {
                        // What Double.toString gives for it ("25.0"), no String made.
                        out.writeDigits((int) v);
                        out.write(".0");
                    } else {
                        out.write(Double.toString(v));
                    }
                    out.write("</v></c>");
                    continue;
                }
                String text = texts[i];
                Integer index = sharedIndex(text);
                if (index != null) {
                    out.write("\" t=\"s\"><v>");
                    out.writeDigits(index);
                    out.write("</v></c>");
                    continue;
                }
                out.write("\" t=\"inlineStr\"><is><t");
                if (!text.isEmpty()
                        && (Character.isWhitespace(text.charAt(0))
                                || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                    out.write(" xml:space=\"preserve\"");
                }
                out.write(">");
                outputEscapedString(text);
                out.write("</t></is></c>");
            }
            out.write("</row>\n");
        }

        /** Whether Double.toString writes the number as its digits and ".0" (from ten million on, it writes 1.0E7). */
        static boolean wholeBelowTenMillion(double v) {
            return v >= 0 && v < 1e7 && v == (int) v && Double.doubleToRawLongBits(v) != NEGATIVE_ZERO;
        }

        private String column(int i) {
            if (i >= columns.length) {
                String[] more = Arrays.copyOf(columns, i + 1);
                for (int c = columns.length; c <= i; c++) more[c] = CellReference.convertNumToColString(c);
                columns = more;
            }
            return columns[i];
        }
    }

    /** The shared-string index of a text met before, or null to write it inline. */
    private Integer sharedIndex(String text) {
        Integer index = shared.get(text);
        if (index != null) return index;
        if (text.isEmpty() || text.length() > MAX_SHARED_LENGTH || !plain(text)) return null;
        if (seen.remove(text) == null) {
            if (seen.size() + shared.size() < MAX_REMEMBERED) seen.put(text, Boolean.TRUE);
            return null;
        }
        index = sharedInOrder.size();
        shared.put(text, index);
        sharedInOrder.add(text);
        return index;
    }

    /** Only text that needs no escaping beyond XML's own goes shared: no control characters, no surrogates. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c) || c >= 0xFFFE) return false;
        }
        return !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(text.length() - 1));
    }

    /**
     * SXSSF's close, without its last step: XSSF's close saves a package it created once more, into a byte array nobody
     * reads (a fifth of the time POI took for a country's workbook). Reverting closes it without saving.
     */
    @Override
    public void close() throws IOException {
        try {
            for (RowWriter w : writers.values()) w.close();
            dispose();
        } finally {
            getXSSFWorkbook().getPackage().revert();
        }
    }

    @Override
    public void write(OutputStream stream) throws IOException {
        // Rows still in memory are flushed first: they may be the first to use a shared text.
        for (int i = 0; i < getNumberOfSheets(); i++) ((SXSSFSheet) getSheetAt(i)).flushRows();
        SharedStringsTable table = getXSSFWorkbook().getSharedStringSource();
        if (table.getUniqueCount() != 0) throw new IllegalStateException("the shared strings were filled elsewhere");
        for (int i = 0; i < sharedInOrder.size(); i++) {
            int at = table.addSharedStringItem(new XSSFRichTextString(sharedInOrder.get(i)));
            if (at != i) throw new IllegalStateException("shared string " + i + " landed at " + at);
        }
        // Rows written past SXSSF's cells leave XSSF's template at "A1": streaming readers (openpyxl's read-only
        // mode, Julia's, Qt's) take the sheet for one cell then.
        writers.forEach((name, w) -> {
            var ct = getXSSFWorkbook().getSheet(name).getCTWorksheet();
            (ct.isSetDimension() ? ct.getDimension() : ct.addNewDimension()).setRef(w.dimension());
        });
        super.write(stream);
    }
}
