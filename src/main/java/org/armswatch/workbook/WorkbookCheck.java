package org.armswatch.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.armswatch.workbook.xml.SheetXmlScanner;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a written workbook back, sheet by sheet as a stream (a detail sheet may hold a million rows), and throws
 * {@link WorkbookRuleException} at the first rule of workbook.md it breaks: merged cells, a formula, hidden rows or
 * columns, text over a cell's limit, a table whose header row does not match its columns or whose area does not cover
 * exactly its rows, a missing title or description, no frozen header or filter buttons, an unsafe sheet name, a picture
 * without alt text, text in a numeric column other than [x] or [z], a selection other than A1, or a sheet other than
 * the Cover active.
 */
public final class WorkbookCheck {

    private static final String FORBIDDEN_IN_SHEET_NAMES = ":\\/?*[]";
    private static final int MAX_SHEET_NAME = 31;

    private WorkbookCheck() {}

    /** @throws WorkbookRuleException naming the workbook, sheet, cell and rule broken */
    public static void check(Path file) throws IOException {
        String workbook = file.getFileName().toString();
        // The package is read with the JDK's zip and this check's own scanner: POI's package model (content
        // types, relationships and the workbook part through DOM and XMLBeans) cost more than all but the
        // largest sheets, and the check needs only names, relationships and the parts' XML.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Package pkg = new Package(zip, workbook);
            String workbookPart = pkg.related("", "/officeDocument").stream()
                    .findFirst()
                    .orElseThrow(() -> new IOException(workbook + " cannot be read back: it names no workbook part"));
            WorkbookXml wb = new WorkbookXml();
            pkg.scan(workbookPart, wb);
            List<String> names = wb.sheetNames;
            for (String name : names) {
                if (name.length() > MAX_SHEET_NAME) {
                    throw new WorkbookRuleException(workbook, name, "A1", "a sheet name has at most 31 characters");
                }
                for (char c : FORBIDDEN_IN_SHEET_NAMES.toCharArray()) {
                    if (name.indexOf(c) >= 0) {
                        throw new WorkbookRuleException(
                                workbook, name, "A1", "a sheet name holds none of : \\ / ? * [ ]");
                    }
                }
            }
            int active = wb.activeTab;
            if (names.isEmpty() || active >= names.size() || !"Cover".equals(names.get(active))) {
                throw new WorkbookRuleException(
                        workbook,
                        names.isEmpty() || active >= names.size() ? "(none)" : names.get(active),
                        "A1",
                        "the Cover is the active sheet");
            }
            Map<String, String> parts = pkg.relationships(workbookPart);
            SharedText strings = new SharedText();
            for (String part : pkg.related(workbookPart, "/sharedStrings")) pkg.scan(part, strings);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String sheetPart = parts.get(wb.sheetIds.get(i));
                if (sheetPart == null)
                    throw new IOException(workbook + " cannot be read back: sheet " + name + " has no part");
                List<TableXml> tables = new ArrayList<>();
                for (String table : pkg.related(sheetPart, "/table")) {
                    TableXml.Reader reader = new TableXml.Reader();
                    pkg.scan(table, reader);
                    tables.add(reader.table());
                }
                SheetRules rules = new SheetRules(workbook, name, tables, strings);
                pkg.scan(sheetPart, rules);
                rules.finish();
                for (String drawing : pkg.related(sheetPart, "/drawing"))
                    pkg.scan(drawing, new PictureRules(workbook, name));
            }
        }
    }

    /** A workbook file's parts, found by the relationships that lead to them, as a reader of the format finds them. */
    private record Package(ZipFile zip, String workbook) {

        /** The targets of a part's relationships whose type ends as given, in the order listed; "" is the package. */
        List<String> related(String part, String typeEnding) throws IOException {
            List<String> targets = new ArrayList<>();
            for (Relationship r : list(part)) if (r.type().endsWith(typeEnding)) targets.add(r.target());
            return targets;
        }

        /** A part's relationships: id to the target part's name. */
        Map<String, String> relationships(String part) throws IOException {
            Map<String, String> byId = new HashMap<>();
            for (Relationship r : list(part)) byId.put(r.id(), r.target());
            return byId;
        }

        private List<Relationship> list(String part) throws IOException {
            int slash = part.lastIndexOf('/');
            String rels = part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
            List<Relationship> found = new ArrayList<>();
            if (zip.getEntry(rels) == null) return found;
            scan(rels, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if (!localName.equals("Relationship") || "External".equals(atts.getValue("TargetMode"))) return;
                    // Targets are relative to the part's folder, or absolute from the package's root.
                    String target = URI.create("/" + part)
                            .resolve(atts.getValue("Target"))
                            .getPath()
                            .substring(1);
                    found.add(new Relationship(atts.getValue("Id"), atts.getValue("Type"), target));
                }
            });
            return found;
        }

        void scan(String part, DefaultHandler handler) throws IOException {
            ZipEntry entry = zip.getEntry(part);
            if (entry == null) throw new IOException(workbook + " cannot be read back: no part " + part);
            try (InputStream in = zip.getInputStream(entry)) {
                SheetXmlScanner.scan(in, handler);
            }
        }
    }

    private record Relationship(String id, String type, String target) {}

    /** The workbook part: its sheets' names and relationship ids in order, and the tab it opens at. */
    private static final class WorkbookXml extends DefaultHandler {
        final List<String> sheetNames = new ArrayList<>();
        final List<String> sheetIds = new ArrayList<>();
        int activeTab;
        private boolean firstView = true;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "sheet" -> {
                    sheetNames.add(atts.getValue("name"));
                    sheetIds.add(atts.getValue("r:id"));
                }
                case "workbookView" -> {
                    String tab = atts.getValue("activeTab");
                    if (firstView && tab != null) activeTab = Integer.parseInt(tab.trim());
                    firstView = false;
                }
                default -> {}
            }
        }
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
                    default -> {}
                }
            }

            TableXml table() throws IOException {
                if (name == null || ref == null) throw new IOException("a table part without a name or an area");
                return new TableXml(name, ref, List.copyOf(columns), autoFilter);
            }
        }
    }

    /**
     * A workbook's shared strings, read whole: an item's text is its t elements' (the runs of rich text joined),
     * without the phonetic guides (rPh) Excel keeps beside some.
     */
    private static final class SharedText extends DefaultHandler {
        private final List<String> texts = new ArrayList<>();
        private final StringBuilder item = new StringBuilder();
        private boolean inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "si" -> item.setLength(0);
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) item.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> texts.add(item.toString());
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {}
            }
        }

        String text(int index) {
            if (index < 0 || index >= texts.size()) {
                throw new IllegalStateException("a cell names shared string " + index + " of " + texts.size());
            }
            return texts.get(index);
        }
    }

    /** The rules of one sheet, checked while its XML streams past. */
    private static final class SheetRules extends DefaultHandler implements SheetXmlScanner.CellHandler {
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
            if (tables.isEmpty() && !sheet.equals("Cover"))
                broken("A1", "every sheet but the Cover holds a named table");
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
                    frozenAtHeader = "frozen".equals(atts.getValue("state"))
                            && ySplit != null
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
                    if ("1".equals(atts.getValue("hidden")))
                        broken(
                                CellReference.convertNumToColString(Integer.parseInt(atts.getValue("min")) - 1) + "1",
                                "no hidden columns");
                }
                case "row" -> {
                    if ("1".equals(atts.getValue("hidden"))) broken("A" + atts.getValue("r"), "no hidden rows");
                }
                case "c" -> startCell((SheetXmlScanner.TagAttributes) atts);
                case "f" -> broken(cellRef(), "text from inputs is written as text, never as a formula");
                case "v", "t" -> inValue = true;
                case "mergeCell" -> broken(atts.getValue("ref"), "no merged cells");
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) text.append(ch, start, length);
        }

        @Override
        public void cell(SheetXmlScanner.TagAttributes atts, char[] value, int length) {
            startCell(atts);
            text.append(value, 0, length);
            cell();
        }

        private void startCell(SheetXmlScanner.TagAttributes atts) {
            // Read straight from the scanner's bytes: a String per cell reference was most of the check's garbage.
            cellPosition = atts.cellPosition("r");
            if (cellPosition < 0) {
                broken(String.valueOf(atts.getValue("r")), "a cell reference is a column and a row");
            }
            cellType = atts.getValue("t");
            text.setLength(0);
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
                if (!firstTextInColumn.containsKey(c)
                        && !text.toString().equals(TableSheet.NOT_AVAILABLE)
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
            } else if (!firstTextInColumn.containsKey(c)
                    && !value.equals(TableSheet.NOT_AVAILABLE)
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
            if (from == to || to - from > 9)
                return Integer.parseInt(text.toString().trim());
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
                broken(
                        new CellReference(firstRow, 0).formatAsString(),
                        "the table " + table.name() + " has " + columns.size() + " columns in its header but its area "
                                + table.ref() + " spans " + (lastCol + 1));
            }
            Set<String> seen = new HashSet<>();
            for (int c = 0; c <= lastCol; c++) {
                String ref = new CellReference(firstRow, c).formatAsString();
                String shown = header.get(c);
                if (shown == null || !shown.equals(columns.get(c))) {
                    broken(
                            ref,
                            "the table " + table.name() + "'s column '" + columns.get(c)
                                    + "' does not match its header cell '" + shown + "'");
                }
                if (!seen.add(shown)) broken(ref, "the table's headers are unique ('" + shown + "' twice)");
            }
            if (lastRow != maxRow || lastRow <= firstRow) {
                broken(
                        new CellReference(Math.max(maxRow, lastRow), 0).formatAsString(),
                        "the table " + table.name() + "'s area " + table.ref()
                                + " covers exactly its rows (the sheet's last row is " + (maxRow + 1) + ")");
            }
            if (!table.autoFilter()) broken(ref(firstRow), "the table has filter buttons");
            if (!frozenAtHeader) broken(ref(firstRow), "the header row is frozen");
            for (int c = numericColumns.nextSetBit(0); c >= 0; c = numericColumns.nextSetBit(c + 1)) {
                if (firstTextInColumn.containsKey(c)) {
                    broken(
                            firstTextRef.get(c),
                            "a numeric column holds numbers, [x] or [z], not '" + abbreviated(firstTextInColumn.get(c))
                                    + "'");
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
                    if (qName.endsWith("cNvPr")
                            && isPicture
                            && (atts.getValue("descr") == null
                                    || atts.getValue("descr").isBlank())) {
                        throw new WorkbookRuleException(
                                workbook,
                                sheet,
                                new CellReference(row, col).formatAsString(),
                                "every chart has alt text");
                    }
                }
                case "pic" -> isPicture = true;
                default -> {}
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
                case "col" -> {
                    if (inNumber) col = Integer.parseInt(text.toString().trim());
                    inNumber = false;
                }
                case "row" -> {
                    if (inNumber) row = Integer.parseInt(text.toString().trim());
                    inNumber = false;
                }
                case "from" -> inFrom = false;
                case "pic" -> isPicture = false;
                default -> {}
            }
        }
    }
}
