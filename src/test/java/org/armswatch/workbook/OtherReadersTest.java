package org.armswatch.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.CsvGrid;
import org.armswatch.job.InProcessRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workbook as readers other than POI read it: streaming readers (openpyxl's read-only mode and others) size a
 * sheet by its dimension and want a default style; strict readers want the worksheet's parts in the schema's order;
 * LibreOffice and Gnumeric, headless, must open the whole workbook and read the same figures POI reads.
 */
class OtherReadersTest {

    static final String RUN_DATE = "2026-12-03";
    /** A worksheet's children in the order of the schema (ECMA-376, CT_Worksheet). */
    static final List<String> WORKSHEET_ORDER = List.of(
            "sheetPr",
            "dimension",
            "sheetViews",
            "sheetFormatPr",
            "cols",
            "sheetData",
            "sheetCalcPr",
            "sheetProtection",
            "protectedRanges",
            "scenarios",
            "autoFilter",
            "sortState",
            "dataConsolidate",
            "customSheetViews",
            "mergeCells",
            "phoneticPr",
            "conditionalFormatting",
            "dataValidations",
            "hyperlinks",
            "printOptions",
            "pageMargins",
            "pageSetup",
            "headerFooter",
            "rowBreaks",
            "colBreaks",
            "customProperties",
            "cellWatches",
            "ignoredErrors",
            "smartTags",
            "drawing",
            "legacyDrawing",
            "legacyDrawingHF",
            "drawingHF",
            "picture",
            "oleObjects",
            "controls",
            "webPublishItems",
            "tableParts",
            "extLst");

    @TempDir
    static Path dir;

    static Path run;
    static List<Path> workbooks;

    @BeforeAll
    static void runTheJob() throws Exception {
        run = InProcessRuns.bundled(dir, RUN_DATE).resolve("latest").toRealPath();
        try (Stream<Path> walk = Files.walk(run)) {
            workbooks =
                    walk.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(workbooks).hasSizeGreaterThan(1);
    }

    @Test
    void everySheetsDimensionIsItsUsedRangeAndTheWorkbookHasADefaultStyle() throws Exception {
        for (Path file : workbooks) {
            try (XSSFWorkbook wb = WrittenTable.open(file);
                    ZipFile zip = new ZipFile(file.toFile())) {
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = wb.getSheetAt(i);
                    int lastColumn = 0;
                    for (Row row : sheet) lastColumn = Math.max(lastColumn, row.getLastCellNum() - 1);
                    String used = "A1:" + org.apache.poi.ss.util.CellReference.convertNumToColString(lastColumn)
                            + (sheet.getLastRowNum() + 1);
                    assertThat(sheet.getCTWorksheet().getDimension().getRef())
                            .as(file.getFileName() + " " + sheet.getSheetName())
                            .isEqualTo(used);
                }
                String styles = new String(
                        zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(styles)
                        .as(file.getFileName().toString())
                        .contains(
                                "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
            }
        }
    }

    @Test
    void everyWorksheetKeepsItsPartsInTheSchemasOrder() throws Exception {
        Pattern child = Pattern.compile("<(\\w+)[ >/]");
        for (Path file : workbooks) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    if (!entry.getName().matches("xl/worksheets/sheet\\d+\\.xml")) continue;
                    String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    // The worksheet's own children: the text outside sheetData and outside every child's content.
                    String outer = xml.replaceAll("(?s)<sheetData>.*</sheetData>", "<sheetData/>")
                            .replaceAll(
                                    "(?s)<(sheetPr|sheetViews|cols|hyperlinks|tableParts)( [^>]*)?>.*?</\\1>", "<$1/>")
                            .replaceAll("(?s)^.*?<worksheet[^>]*>", "")
                            .replaceAll("</worksheet>\\s*$", "");
                    List<String> names = new ArrayList<>();
                    Matcher m = child.matcher(outer);
                    while (m.find()) names.add(m.group(1));
                    List<Integer> positions =
                            names.stream().map(WORKSHEET_ORDER::indexOf).toList();
                    assertThat(positions)
                            .as(file.getFileName() + " " + entry.getName() + " " + names)
                            .doesNotContain(-1)
                            .isSorted();
                }
            }
        }
    }

    @Test
    void libreOfficeOpensTheWholeWorkbookAndReadsTheFiguresPoiReads() throws Exception {
        Path main = run.resolve("report-" + RUN_DATE + ".xlsx");
        Path out = dir.resolve("libreoffice");
        Files.createDirectories(out);
        // Every sheet to a CSV of its own (the last token, -1), UTF-8 (76), as the cells hold them.
        String log = runTool(List.of(
                "soffice",
                "--headless",
                "--norestore",
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir",
                out.toString(),
                main.toString()));
        assertThat(log).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("repair");
        try (XSSFWorkbook wb = WrittenTable.open(main)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(out.resolve("report-" + RUN_DATE + "-" + wb.getSheetName(i) + ".csv"))
                        .exists();
            }
            assertSameFigures(wb, CsvGrid.read(out.resolve("report-" + RUN_DATE + "-Overview.csv"), ','));
        }
    }

    @Test
    void gnumericReadsEveryCellThoughItKnowsNoExcelTables() throws Exception {
        Path main = run.resolve("report-" + RUN_DATE + ".xlsx");
        Path out = dir.resolve("gnumeric");
        Files.createDirectories(out);
        String log = runTool(List.of(
                "ssconvert", "-S", main.toString(), out.resolve("sheet-%s.csv").toString()));
        // Gnumeric 1.12 has no Excel tables: it says so for each table and reads the cells; nothing else may be said.
        List<String> other = log.lines()
                .filter(l -> !l.isBlank())
                .filter(l -> !l.equals("Unexpected element 'tableParts' in state : ")
                        && !l.strip().equals("worksheet"))
                .toList();
        assertThat(other).isEmpty();
        try (XSSFWorkbook wb = WrittenTable.open(main)) {
            assertSameFigures(wb, CsvGrid.read(out.resolve("sheet-Overview.csv"), ','));
        }
    }

    /** Every number of the Overview, as POI reads it, is the number the other reader wrote in the same cell. */
    private static void assertSameFigures(XSSFWorkbook wb, List<List<String>> other) {
        XSSFSheet overview = wb.getSheet("Overview");
        DataFormatter formatter = new DataFormatter();
        int numbers = 0;
        for (Row row : overview) {
            for (var cell : row) {
                String theirs = other.get(row.getRowNum()).get(cell.getColumnIndex());
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    assertThat(Double.parseDouble(theirs))
                            .as(cell.getAddress().toString())
                            .isEqualTo(cell.getNumericCellValue());
                    numbers++;
                } else {
                    assertThat(theirs).as(cell.getAddress().toString()).isEqualTo(formatter.formatCellValue(cell));
                }
            }
        }
        assertThat(numbers).isGreaterThan(100);
    }

    private static String runTool(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "tool", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in 180 s");
        }
        String text = Files.readString(log);
        assertThat(p.exitValue()).as(command.get(0) + ":\n" + text).isZero();
        return text.lines()
                .filter(l -> !l.startsWith("convert ") && !l.startsWith("Writing sheet "))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
