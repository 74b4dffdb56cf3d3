package org.armswatch.bench;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Checks a benchmark run's workbook against the generator's expected.json: events, fatalities, licences and licence
 * value per country (Overview sheet) and rows read, used, rejected and replaced per input file (Data_quality sheet).
 * Streams the sheets, so a workbook of size L needs little memory.
 *
 * <p>Not a test: run by bench/run.sh as {@code java -cp ... org.armswatch.bench.WorkbookTotalsCheck expected.json
 * report.xlsx}. Prints the differences and exits 1 when there are any.
 */
public final class WorkbookTotalsCheck {

    private static final String[] MEASURES = {
        "events", "fatalities", "licencesIssued", "valueIssuedEur", "licencesRefused"
    };
    /** Overview header prefixes, in MEASURES order. */
    private static final String[] OVERVIEW_HEADERS = {
        "Unrest events: political violence and demonstrations (number)",
        "Fatalities in events (number)",
        "Licences issued (number)",
        "Value of licences issued (EUR)",
        "Licences refused (number)"
    };

    private static final String[] FILE_COUNTS = {"read", "used", "rejected", "replaced"};
    private static final String[] FILE_HEADERS = {
        "Rows read (number)", "Rows used (number)", "Rows rejected (number)", "Duplicates replaced (number)"
    };

    private WorkbookTotalsCheck() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: WorkbookTotalsCheck expected.json report.xlsx");
            System.exit(2);
        }
        String expectedJson = Files.readString(Path.of(args[0]));
        Map<String, Map<String, BigDecimal>> expectedCountries = objects(section(expectedJson, "byCountry"));
        Map<String, Map<String, BigDecimal>> expectedFiles = objects(section(expectedJson, "files"));

        Map<String, Map<String, BigDecimal>> actualCountries = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> actualFiles = new TreeMap<>();
        try (OPCPackage pkg = OPCPackage.open(Path.of(args[1]).toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    switch (sheets.getSheetName()) {
                        case "Overview" ->
                            read(sheet, reader, strings, "Country", row -> {
                                Map<String, BigDecimal> c =
                                        actualCountries.computeIfAbsent(row.get("ISO code"), k -> zeros(MEASURES));
                                for (int i = 0; i < MEASURES.length; i++) {
                                    c.merge(MEASURES[i], number(row, OVERVIEW_HEADERS[i]), BigDecimal::add);
                                }
                            });
                        case "Data_quality" ->
                            read(sheet, reader, strings, "Input file", row -> {
                                if (!"file".equals(row.get("What"))) return;
                                Map<String, BigDecimal> f = zeros(FILE_COUNTS);
                                for (int i = 0; i < FILE_COUNTS.length; i++)
                                    f.put(FILE_COUNTS[i], number(row, FILE_HEADERS[i]));
                                actualFiles.put(row.get("Input file"), f);
                            });
                        default -> {}
                    }
                }
            }
        }
        List<String> differences = new ArrayList<>();
        compare("country", expectedCountries, actualCountries, differences);
        compare("file", expectedFiles, actualFiles, differences);
        Map<String, BigDecimal> total = zeros(MEASURES);
        actualCountries.values().forEach(c -> c.forEach((k, v) -> total.merge(k, v, BigDecimal::add)));
        System.out.println("workbook totals: " + total.get("events").toPlainString() + " events, "
                + total.get("fatalities").toPlainString() + " fatalities, "
                + total.get("licencesIssued").toPlainString()
                + " licences issued worth EUR "
                + total.get("valueIssuedEur").setScale(2, RoundingMode.HALF_UP).toPlainString()
                + ", " + total.get("licencesRefused").toPlainString() + " refused; " + actualCountries.size()
                + " countries, " + actualFiles.size() + " files");
        if (differences.isEmpty()) {
            System.out.println("totals check: PASS (" + expectedCountries.size() + " countries x " + MEASURES.length
                    + " figures, " + expectedFiles.size() + " files x " + FILE_COUNTS.length + " counts)");
            return;
        }
        differences.stream().limit(30).forEach(d -> System.out.println("  " + d));
        System.out.println("totals check: FAIL (" + differences.size() + " differences)");
        System.exit(1);
    }

    private static void compare(
            String what,
            Map<String, Map<String, BigDecimal>> expected,
            Map<String, Map<String, BigDecimal>> actual,
            List<String> differences) {
        expected.forEach((key, figures) -> {
            Map<String, BigDecimal> got = actual.get(key);
            if (got == null) {
                differences.add(what + " " + key + ": not in the workbook");
                return;
            }
            figures.forEach((name, value) -> {
                BigDecimal g = got.getOrDefault(name, BigDecimal.ZERO);
                // Cells hold doubles: a sum of EUR amounts is exact to the cent, not beyond.
                if (g.subtract(value).abs().compareTo(new BigDecimal("0.005")) > 0) {
                    differences.add(what + " " + key + " " + name + ": expected " + value.toPlainString()
                            + ", workbook " + g.toPlainString());
                }
            });
        });
        actual.keySet().stream()
                .filter(k -> !expected.containsKey(k))
                .forEach(k -> differences.add(what + " " + k + ": in the workbook but not expected"));
    }

    private static Map<String, BigDecimal> zeros(String[] names) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (String n : names) m.put(n, BigDecimal.ZERO);
        return m;
    }

    /** A numeric cell's value; a marker such as [x] (not available) counts as nothing. */
    private static BigDecimal number(Map<String, String> row, String headerPrefix) {
        String value = null;
        for (Map.Entry<String, String> e : row.entrySet()) {
            if (e.getKey().startsWith(headerPrefix)) value = e.getValue();
        }
        if (value == null || value.isEmpty() || value.startsWith("[")) return BigDecimal.ZERO;
        return new BigDecimal(value);
    }

    /**
     * Streams one sheet; every row after the one whose first cell is {@code firstHeader} goes to the sink by header
     * name.
     */
    private static void read(
            InputStream sheet,
            XSSFReader reader,
            ReadOnlySharedStringsTable strings,
            String firstHeader,
            Consumer<Map<String, String>> sink)
            throws Exception {
        XSSFSheetXMLHandler.SheetContentsHandler rows = new XSSFSheetXMLHandler.SheetContentsHandler() {
            final List<String> headers = new ArrayList<>();
            Map<String, String> row;
            boolean inHeader;

            @Override
            public void startRow(int rowNum) {
                row = new HashMap<>();
                inHeader = false;
            }

            @Override
            public void cell(String reference, String value, XSSFComment comment) {
                int column = column(reference);
                if (column == 0 && firstHeader.equals(value) && headers.isEmpty()) inHeader = true;
                if (inHeader) {
                    while (headers.size() <= column) headers.add("");
                    headers.set(column, value);
                } else if (!headers.isEmpty() && column < headers.size()) {
                    row.put(headers.get(column), value);
                }
            }

            @Override
            public void endRow(int rowNum) {
                if (!inHeader && !headers.isEmpty() && !row.isEmpty()) sink.accept(row);
            }
        };
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(
                new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows, new RawNumbers(), false));
        xml.parse(new InputSource(sheet));
    }

    private static int column(String reference) {
        int c = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            c = c * 26 + reference.charAt(i) - 'A' + 1;
        }
        return c - 1;
    }

    /** Numbers as stored, not as displayed: "≥ 4,400" must read as 4400. */
    private static final class RawNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return plain(value);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return plain(value);
        }

        private static String plain(double value) {
            BigDecimal d = BigDecimal.valueOf(value);
            return d.scale() > 0 ? d.stripTrailingZeros().toPlainString() : d.toPlainString();
        }
    }

    // ------------------------------------------------------------ expected.json, as the generator writes it

    /** The text of {@code "name": { ... }} up to its matching brace. */
    private static String section(String json, String name) {
        int start = json.indexOf('{', json.indexOf("\"" + name + "\""));
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            if (json.charAt(i) == '{') depth++;
            if (json.charAt(i) == '}' && --depth == 0) return json.substring(start + 1, i);
        }
        throw new IllegalArgumentException("expected.json: no section " + name);
    }

    private static final Pattern OBJECT = Pattern.compile("\"([^\"]+)\": \\{([^}]*)}");
    private static final Pattern NUMBER = Pattern.compile("\"([^\"]+)\": (-?[0-9.]+)");

    private static Map<String, Map<String, BigDecimal>> objects(String section) {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        Matcher m = OBJECT.matcher(section);
        while (m.find()) {
            Map<String, BigDecimal> figures = new HashMap<>();
            Matcher n = NUMBER.matcher(m.group(2));
            while (n.find()) figures.put(n.group(1), new BigDecimal(n.group(2)));
            out.put(m.group(1), figures);
        }
        return out;
    }
}
