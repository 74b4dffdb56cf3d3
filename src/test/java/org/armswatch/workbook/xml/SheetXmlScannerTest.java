package org.armswatch.workbook.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.util.XMLHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** The fast scanner must report what the JDK's SAX parser reports for the same sheet XML. */
class SheetXmlScannerTest {

    /** Start and end events with the attributes the checks ask for, and text joined between events. */
    static final class Recorder extends DefaultHandler {
        final List<String> events = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            text();
            StringBuilder e = new StringBuilder("<" + localName);
            for (String a :
                    List.of("r", "t", "s", "ref", "hidden", "state", "ySplit", "activeCell", "sqref", "descr")) {
                if (atts.getValue(a) != null)
                    e.append(' ').append(a).append('=').append(atts.getValue(a));
            }
            events.add(e + ">");
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            text();
            events.add("</" + localName + ">");
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void text() {
            if (!text.isEmpty()) events.add("text:" + text);
            text.setLength(0);
        }
    }

    private static List<String> sax(byte[] xml) throws Exception {
        Recorder r = new Recorder();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(r);
        reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        r.text();
        return r.events;
    }

    private static List<String> scanned(byte[] xml) throws IOException {
        Recorder r = new Recorder();
        SheetXmlScanner.scan(new ByteArrayInputStream(xml), r);
        r.text();
        return r.events;
    }

    @Test
    void readsEntitiesUnicodeCommentsAndEmptyElementsAsSaxDoes() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x:worksheet xmlns:x=\"urn:x\"><!-- a comment -->"
                + "<sheetData><row r=\"1\" hidden='1'><c r=\"A1\" t=\"inlineStr\"><is><t>Côte d&apos;Ivoire &amp; &lt;=&gt; "
                + "&quot;q&quot; &#233;&#x1F600; 𝄞 € \n line</t></is></c><c r=\"B1\" s=\"3\"/><c r=\"C1\"><v>1.5</v></c>"
                + "</row></sheetData><mergeCell ref=\"A1:B2\" /><pane ySplit=\"3.0\" state=\"frozen\"/>"
                + "<selection activeCell=\"A1\" sqref=\"A1 &gt; B2\"/></x:worksheet>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(scanned(bytes)).isEqualTo(sax(bytes)).contains("<mergeCell ref=A1:B2>", "<row r=1 hidden=1>");
    }

    @Test
    void readsAWrittenWorkbooksSheetsAsSaxDoes(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("written.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = java.nio.file.Files.newOutputStream(file)) {
            var cover = wb.createSheet("Cover");
            cover.createRow(0).createCell(0).setCellValue("A test workbook");
            var data = wb.createSheet("Data");
            var header = data.createRow(0);
            header.createCell(0).setCellValue("Country");
            header.createCell(1).setCellValue("Value");
            data.createRow(1).createCell(0).setCellValue("Kazakhstan");
            data.getRow(1).createCell(1).setCellValue(2_200_000);
            data.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(5, 6, 0, 1));
            data.createRow(5).createCell(0).setCellValue("=SUM(1) & <b> \"quoted\" ünïcödé 😀");
            data.getRow(5).createCell(1).setCellFormula("1+2");
            data.setColumnHidden(3, true);
            wb.write(out);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int sheets = 0;
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.getName().startsWith("xl/worksheets/sheet")) continue;
                byte[] xml;
                try (InputStream in = zip.getInputStream(e)) {
                    xml = in.readAllBytes();
                }
                assertThat(scanned(xml)).as(e.getName()).isEqualTo(sax(xml));
                sheets++;
            }
            assertThat(sheets).isEqualTo(2);
        }
    }

    /** Each cell as its reference, type, formula mark and text, from the events of its elements. */
    static class Cells extends DefaultHandler {
        final List<String> seen = new ArrayList<>();
        private String open;
        private boolean formula;
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (localName.equals("c")) {
                open = atts.getValue("r") + " " + atts.getValue("t");
                formula = false;
                text.setLength(0);
            }
            if (localName.equals("f")) formula = true;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (open != null) text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!localName.equals("c")) return;
            seen.add(open + (formula ? " f" : "") + " [" + text + "]");
            open = null;
        }
    }

    /** The same, taking the cells the scanner hands over whole. */
    static final class WholeCells extends Cells implements SheetXmlScanner.CellHandler {
        int whole;

        @Override
        public void cell(SheetXmlScanner.TagAttributes atts, char[] value, int length) {
            whole++;
            seen.add(atts.getValue("r") + " " + atts.getValue("t") + " [" + new String(value, 0, length) + "]");
        }
    }

    @Test
    void cellsHandedOverWholeAreTheCellsTheEventsDescribe() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet><sheetData>");
        String[] kinds = {
            "<c r=\"A%d\" s=\"25\" t=\"n\"><v>1341526.12</v></c>",
            "<c r=\"B%d\" s=\"4\" t=\"s\"><v>177</v></c>",
            "<c r=\"C%d\" t=\"inlineStr\"><is><t>Germany</t></is></c>",
            "<c r=\"D%d\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> padded </t></is></c>",
            "<c r=\"E%d\" t=\"inlineStr\"><is><t>Rock &amp; roll</t></is></c>",
            "<c r=\"F%d\" t=\"inlineStr\"><is><t>Rüstungsexportbericht</t></is></c>",
            "<c r=\"G%d\"><f>1+2</f><v>3</v></c>",
            "<c r=\"H%d\" s=\"3\"/>",
            "<c r=\"I%d\" t=\"inlineStr\"><is><r><t>rich</t></r><r><t> text</t></r></is></c>",
            "<c r=\"J%d\"><v></v></c>",
            "<c r=\"K%d\" t=\"n\"><v>8.0</v></c>",
        };
        int rows = 2_000;
        for (int r = 1; r <= rows; r++) {
            xml.append("<row r=\"").append(r).append("\">\n");
            for (String k : kinds) xml.append(k.replace("%d", Integer.toString(r)));
            xml.append("</row>\n");
        }
        xml.append("</sheetData></worksheet>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length)
                .as("cells fall across the scanner's 64 KB buffer")
                .isGreaterThan(4 * 65_536);

        Cells bySax = new Cells();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(bySax);
        reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        Cells byEvents = new Cells();
        SheetXmlScanner.scan(new ByteArrayInputStream(bytes), byEvents);
        WholeCells whole = new WholeCells();
        SheetXmlScanner.scan(new ByteArrayInputStream(bytes), whole);

        assertThat(bySax.seen)
                .hasSize(rows * kinds.length)
                .contains(
                        "A7 n [1341526.12]",
                        "D7 inlineStr [ padded ]",
                        "E7 inlineStr [Rock & roll]",
                        "G7 null f [1+23]",
                        "H7 null []",
                        "I7 inlineStr [rich text]");
        assertThat(byEvents.seen).isEqualTo(bySax.seen);
        assertThat(whole.seen).isEqualTo(bySax.seen);
        // Plain cells go whole (all but those at a buffer's end); entities, non-ASCII, formulas, empty and rich cells
        // do not.
        assertThat(whole.whole).isBetween(rows * 6 - 40, rows * 6);
    }

    @Test
    void refusesWhatItDoesNotRead() {
        byte[] doctype = "<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scanned(doctype))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unexpected markup");
        byte[] unknown = "<x>&nbsp;</x>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scanned(unknown))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown entity");
        byte[] cut = "<x><c r=\"A1".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scanned(cut))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ends inside a tag");
    }

    @Test
    void aCellsPositionIsReadFromItsReferenceAndABadOneIsToldApart() throws IOException {
        String xml = "<sheetData><c r=\"A1\"/><c r=\"AB12\"/><c t=\"s\" r='XFD1048576'/><c r=\"b3\"/><c/>"
                + "<c r=\"A0\"/><c r=\"12\"/><c r=\"A\"/><c r=\"\"/><c r=\"A1B\"/><c r=\"ABCD1\"/></sheetData>";
        List<Long> positions = new ArrayList<>();
        SheetXmlScanner.scan(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                if (localName.equals("c")) positions.add(((SheetXmlScanner.TagAttributes) atts).cellPosition("r"));
            }
        });
        assertThat(positions)
                .containsExactly(
                        0L, 11L << 32 | 27, 1_048_575L << 32 | 16_383, 2L << 32 | 1, -1L, -2L, -2L, -2L, -2L, -2L, -2L);
    }

    @Test
    void attributeValuesAreDecodedAsTheJdkDecodesThem() throws Exception {
        String xml = "<t><tableColumn name=\"Value &amp; count&#10;(EUR &#x20AC;) &lt;&quot;&apos;&gt;\"/>"
                + "<tableColumn name='plain'/><tableColumn name=\"caf\u00e9 &#233;\"/></t>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        List<String> ours = new ArrayList<>();
        List<String> jdk = new ArrayList<>();
        SheetXmlScanner.scan(new ByteArrayInputStream(bytes), names(ours));
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(names(jdk));
        reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        assertThat(ours)
                .isEqualTo(jdk)
                .containsExactly("Value & count\n(EUR \u20ac) <\"'>", "plain", "caf\u00e9 \u00e9");
    }

    private static DefaultHandler names(List<String> into) {
        return new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                if (localName.equals("tableColumn")) into.add(atts.getValue("name"));
            }
        };
    }
}
