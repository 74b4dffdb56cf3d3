package org.armswatch.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBookView;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a written workbook back, sheet by sheet as a stream (a detail sheet may hold a million rows),
 * and throws {@link WorkbookRuleException} at the first rule of workbook.md it breaks: merged cells,
 * a formula, hidden rows or columns, text over a cell's limit, a table whose header row does not match its
 * columns or whose area does not cover exactly its rows, a missing title or description, no frozen header or
 * filter buttons, an unsafe sheet name, a picture without alt text, text in a numeric column other than
 * [x] or [z], a selection other than A1, or a sheet other than the Cover active.
 */
public final class WorkbookCheck {

    private static final String FORBIDDEN_IN_SHEET_NAMES = ":\\/?*[]";
    private static final int MAX_SHEET_NAME = 31;

    private WorkbookCheck() {}

    /** @throws WorkbookRuleException naming the workbook, sheet, cell and rule broken */
    public static void check(Path file) throws IOException {
        String workbook = file.getFileName().toString();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            CTWorkbook wb;
            try (InputStream in = reader.getWorkbookData()) {
                wb = WorkbookDocument.Factory.parse(in).getWorkbook();
            }
            List<String> names = new ArrayList<>();
            for (CTSheet s : wb.getSheets().getSheetArray()) names.add(s.getName());
            for (String name : names) {
                if (name.length() > MAX_SHEET_NAME) {
                    throw new WorkbookRuleException(workbook, name, "A1", "a sheet name has at most 31 characters");
                }
                for (char c : FORBIDDEN_IN_SHEET_NAMES.toCharArray()) {
                    if (name.indexOf(c) >= 0) {
                        throw new WorkbookRuleException(workbook, name, "A1", "a sheet name holds none of : \\ / ? * [ ]");
                    }
                }
            }
            CTBookView[] views = wb.getBookViews() == null ? new CTBookView[0] : wb.getBookViews().getWorkbookViewArray();
            long active = views.length == 0 || !views[0].isSetActiveTab() ? 0 : views[0].getActiveTab();
            if (names.isEmpty() || !"Cover".equals(names.get((int) active))) {
                throw new WorkbookRuleException(workbook, names.isEmpty() ? "(none)" : names.get((int) active), "A1",
                        "the Cover is the active sheet");
            }
            // The read-only table keeps plain strings; POI's default builds XML objects for every one of them.
            reader.setUseReadOnlySharedStringsTable(true);
            SharedText strings = new SharedText(reader.getSharedStringsTable());
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    PackagePart part = sheets.getSheetPart();
                    List<TableXml> tables = tables(part);
                    SheetRules rules = new SheetRules(workbook, name, tables, strings);
                    SheetXmlScanner.scan(in, rules);
                    rules.finish();
                    for (PackageRelationship rel : part.getRelationshipsByType(XSSFRelation.DRAWINGS.getRelation())) {
                        try (InputStream d = part.getRelatedPart(rel).getInputStream()) {
                            parse(d, new PictureRules(workbook, name));
                        }
                    }
                }
            }
        } catch (InvalidFormatException | XmlException e) {
            throw new IOException(workbook + " cannot be read back: " + e.getMessage(), e);
        } catch (OpenXML4JException e) {
            throw new IOException(workbook + " cannot be read back: " + e.getMessage(), e);
        }
    }

    /** What the rules need of a sheet's tables, read by the scanner: XMLBeans' object model cost more than the rest. */
    private static List<TableXml> tables(PackagePart sheet) throws InvalidFormatException, IOException {
        List<TableXml> tables = new ArrayList<>();
        for (PackageRelationship rel : sheet.getRelationshipsByType(XSSFRelation.TABLE.getRelation())) {
            try (InputStream in = sheet.getRelatedPart(rel).getInputStream()) {
                TableXml.Reader reader = new TableXml.Reader();
                SheetXmlScanner.scan(in, reader);
                tables.add(reader.table());
            }
        }
        return tables;
    }

    /** A table part: its name, its area, its columns' names in order, and whether it has filter buttons. */
    private record TableXml(String name, String ref, List<String> columns, boolean autoFilter) {

        static final class Reader extends DefaultHandler {
            private String name;
            private String ref;
            private final List<String> columns = new ArrayList<>();
            private boolean autoFilter;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                switch (localName) {
                    case "table" -> {
                        name = atts.getValue("name");
                        ref = atts.getValue("ref");
                    }
                    case "tableColumn" -> columns.add(atts.getValue("name"));
                    case "autoFilter" -> autoFilter = true;
                    default -> { }
                }
            }

            TableXml table() throws IOException {
                if (name == null || ref == null) throw new IOException("a table part without a name or an area");
                return new TableXml(name, ref, List.copyOf(columns), autoFilter);
            }
        }
    }

    private static void parse(InputStream in, DefaultHandler handler) throws IOException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        } catch (SAXException | ParserConfigurationException e) {
            if (e.getCause() instanceof WorkbookRuleException broken) throw broken;
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A workbook's shared strings, each made a String once however many cells use it. */
    private static final class SharedText {
        private final SharedStrings table;
        private final String[] texts;

        SharedText(SharedStrings table) {
            this.table = table;
            this.texts = new String[Math.max(0, table.getUniqueCount())];
        }

        String text(int index) {
            if (index < 0 || index >= texts.length) return table.getItemAt(index).getString();
            String t = texts[index];
            if (t == null) texts[index] = t = table.getItemAt(index).getString();
            return t;
        }
    }

    /** The rules of one sheet, checked while its XML streams past. */
    private static final class SheetRules extends DefaultHandler {
        private final String workbook;
        private final String sheet;
        private final TableXml table;
        private final SharedText strings;
        private final int firstRow;
        private final int lastRow;
        private final int lastCol;
        private final Map<Integer, String> header = new HashMap<>();
        private final java.util.BitSet numericColumns = new java.util.BitSet();
        private final Map<Integer, String> firstTextInColumn = new HashMap<>();
        private final Map<Integer, String> firstTextRef = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private String a1;
        private String a2;
        private int maxRow = -1;
        private boolean frozenAtHeader;
        /** The current cell's row (high half) and column, 0-based. */
        private long cellPosition;
        private String cellType;
        private boolean inValue;

        SheetRules(String workbook, String sheet, List<TableXml> tables, SharedText strings) {
            this.workbook = workbook;
            this.sheet = sheet;
            this.strings = strings;
            if (tables.size() > 1) broken("A1", "one table per sheet (found " + tables.size() + ")");
            if (tables.isEmpty() && !sheet.equals("Cover")) broken("A1", "every sheet but the Cover holds a named table");
            this.table = tables.isEmpty() ? null : tables.get(0);
            if (table != null) {
                AreaReference area = new AreaReference(table.ref(), SpreadsheetVersion.EXCEL2007);
                firstRow = area.getFirstCell().getRow();
                lastRow = area.getLastCell().getRow();
                lastCol = area.getLastCell().getCol();
            } else {
                firstRow = lastRow = lastCol = -1;
            }
        }

        private void broken(String cell, String rule) {
            throw new WorkbookRuleException(workbook, sheet, cell, rule);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "sheetView" -> {
                    if ("1".equals(atts.getValue("tabSelected")) && !sheet.equals("Cover")) {
                        broken("A1", "only the Cover is selected when the workbook opens");
                    }
                }
                case "pane" -> {
                    String ySplit = atts.getValue("ySplit");
                    frozenAtHeader = "frozen".equals(atts.getValue("state")) && ySplit != null
                            && Double.parseDouble(ySplit) == firstRow + 1;
                }
                case "selection" -> {
                    String activeCell = atts.getValue("activeCell");
                    String sqref = atts.getValue("sqref");
                    if ((activeCell != null && !activeCell.equals("A1")) || (sqref != null && !sqref.equals("A1"))) {
                        broken(activeCell != null ? activeCell : sqref, "each sheet is saved with A1 selected");
                    }
                }
                case "col" -> {
                    if ("1".equals(atts.getValue("hidden"))) broken(CellReference.convertNumToColString(
                            Integer.parseInt(atts.getValue("min")) - 1) + "1", "no hidden columns");
                }
                case "row" -> {
                    if ("1".equals(atts.getValue("hidden"))) broken("A" + atts.getValue("r"), "no hidden rows");
                }
                case "c" -> {
                    // Read straight from the scanner's bytes: a String per cell reference was most of the check's garbage.
                    cellPosition = ((SheetXmlScanner.TagAttributes) atts).cellPosition("r");
                    if (cellPosition < 0) {
                        broken(String.valueOf(atts.getValue("r")), "a cell reference is a column and a row");
                    }
                    cellType = atts.getValue("t");
                    text.setLength(0);
                }
                case "f" -> broken(cellRef(), "text from inputs is written as text, never as a formula");
                case "v", "t" -> inValue = true;
                case "mergeCell" -> broken(atts.getValue("ref"), "no merged cells");
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("v") || localName.equals("t")) inValue = false;
            if (localName.equals("c")) cell();
        }

        private void cell() {
            int r = (int) (cellPosition >> 32);
            int c = (int) cellPosition;
            if (text.length() == 0) return;
            boolean numeric = cellType == null || cellType.equals("n");
            boolean shared = cellType != null && cellType.equals("s");
            boolean data = table != null && r > firstRow && r <= lastRow && c <= lastCol;
            // Most cells are numbers or repeated texts in data rows: no rule needs a String of their own.
            if (data && numeric) {
                if (text.length() > TableSheet.MAX_CELL) broken(cellRef(), "a cell holds at most 32,767 characters");
                maxRow = Math.max(maxRow, r);
                numericColumns.set(c);
                return;
            }
            if (data && !shared) {
                maxRow = Math.max(maxRow, r);
                if (text.length() > TableSheet.MAX_CELL) broken(cellRef(), "a cell holds at most 32,767 characters");
                if (!firstTextInColumn.containsKey(c) && !text.toString().equals(TableSheet.NOT_AVAILABLE)
                        && !text.toString().equals(TableSheet.NOT_APPLICABLE)) {
                    firstTextInColumn.put(c, text.toString());
                    firstTextRef.put(c, cellRef());
                }
                return;
            }
            String value = shared ? strings.text(sharedIndex()) : text.toString();
            if (value.isEmpty()) return;
            maxRow = Math.max(maxRow, r);
            if (value.length() > TableSheet.MAX_CELL) broken(cellRef(), "a cell holds at most 32,767 characters");
            if (r == 0 && c == 0) a1 = value;
            if (r == 1 && c == 0) a2 = value;
            if (table == null) {
                if (c != 0) broken(cellRef(), "all text of the Cover is in column A");
                return;
            }
            if (r < firstRow) {
                if (c != 0 || r > 1) broken(cellRef(), "above the table only the title (A1) and a description (A2)");
                return;
            }
            if (r > lastRow || c > lastCol) broken(cellRef(), "nothing outside the table (" + table.ref() + ")");
            if (r == firstRow) {
                header.put(c, value);
            } else if (numeric) {
                numericColumns.set(c);
            } else if (!firstTextInColumn.containsKey(c) && !value.equals(TableSheet.NOT_AVAILABLE)
                    && !value.equals(TableSheet.NOT_APPLICABLE)) {
                firstTextInColumn.put(c, value);
                firstTextRef.put(c, cellRef());
            }
        }

        /** The shared text's index in the cell's value, read from its characters. */
        private int sharedIndex() {
            int from = 0;
            int to = text.length();
            while (from < to && Character.isWhitespace(text.charAt(from))) from++;
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
            if (from == to || to - from > 9) return Integer.parseInt(text.toString().trim());
            int index = 0;
            for (int i = from; i < to; i++) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) return Integer.parseInt(text.toString().trim());
                index = index * 10 + d;
            }
            return index;
        }

        /** The current cell's reference, "B7": made only for a message or the first text of a column. */
        private String cellRef() {
            return new CellReference((int) (cellPosition >> 32), (int) cellPosition).formatAsString();
        }

        void finish() {
            if (table == null) {
                if (a1 == null || a1.isBlank()) broken("A1", "A1 holds the sheet's title");
                return;
            }
            if (a1 == null || a1.isBlank()) broken("A1", "A1 holds the sheet's title");
            if (a2 == null || a2.isBlank()) broken("A2", "A2 holds one sentence on what the table holds");
            List<String> columns = table.columns();
            if (columns.size() != lastCol + 1) {
                broken(new CellReference(firstRow, 0).formatAsString(), "the table " + table.name() + " has "
                        + columns.size() + " columns in its header but its area " + table.ref() + " spans " + (lastCol + 1));
            }
            Set<String> seen = new HashSet<>();
            for (int c = 0; c <= lastCol; c++) {
                String ref = new CellReference(firstRow, c).formatAsString();
                String shown = header.get(c);
                if (shown == null || !shown.equals(columns.get(c))) {
                    broken(ref, "the table " + table.name() + "'s column '" + columns.get(c)
                            + "' does not match its header cell '" + shown + "'");
                }
                if (!seen.add(shown)) broken(ref, "the table's headers are unique ('" + shown + "' twice)");
            }
            if (lastRow != maxRow || lastRow <= firstRow) {
                broken(new CellReference(Math.max(maxRow, lastRow), 0).formatAsString(), "the table " + table.name()
                        + "'s area " + table.ref() + " covers exactly its rows (the sheet's last row is " + (maxRow + 1) + ")");
            }
            if (!table.autoFilter()) broken(ref(firstRow), "the table has filter buttons");
            if (!frozenAtHeader) broken(ref(firstRow), "the header row is frozen");
            for (int c = numericColumns.nextSetBit(0); c >= 0; c = numericColumns.nextSetBit(c + 1)) {
                if (firstTextInColumn.containsKey(c)) {
                    broken(firstTextRef.get(c), "a numeric column holds numbers, [x] or [z], not '"
                            + abbreviated(firstTextInColumn.get(c)) + "'");
                }
            }
        }

        private static String ref(int row) {
            return new CellReference(row, 0).formatAsString();
        }

        private static String abbreviated(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }
    }

    /** Every picture has alt text (its description). */
    private static final class PictureRules extends DefaultHandler {
        private final String workbook;
        private final String sheet;
        private final StringBuilder text = new StringBuilder();
        private boolean inFrom;
        private boolean inNumber;
        private int col;
        private int row;

        PictureRules(String workbook, String sheet) {
            this.workbook = workbook;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "from" -> inFrom = true;
                case "col", "row" -> {
                    inNumber = inFrom;
                    text.setLength(0);
                }
                case "cNvPr" -> {
                    if (qName.endsWith("cNvPr") && isPicture && (atts.getValue("descr") == null || atts.getValue("descr").isBlank())) {
                        throw new WorkbookRuleException(workbook, sheet, new CellReference(row, col).formatAsString(),
                                "every chart has alt text");
                    }
                }
                case "pic" -> isPicture = true;
                default -> { }
            }
        }

        private boolean isPicture;

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inNumber) text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "col" -> { if (inNumber) col = Integer.parseInt(text.toString().trim()); inNumber = false; }
                case "row" -> { if (inNumber) row = Integer.parseInt(text.toString().trim()); inNumber = false; }
                case "from" -> inFrom = false;
                case "pic" -> isPicture = false;
                default -> { }
            }
        }
    }
}
