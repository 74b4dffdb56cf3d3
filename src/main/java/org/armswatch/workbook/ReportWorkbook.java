package org.armswatch.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.armswatch.aggregate.Figure;
import org.armswatch.aggregate.Measure;
import org.armswatch.aggregate.OverviewRow;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.UnrestRow;
import org.armswatch.chart.DrawnChart;
import org.armswatch.period.Period;

/**
 * Writes the main workbook, sheet by sheet as workbook.md lists them. Sheets are created in their
 * final order first and filled afterwards, so that Notes can be numbered by first reference.
 */
public final class ReportWorkbook {

    static final List<String> SHEETS = List.of("Cover", "Contents", "Notes", "Overview", "Licences", "Unrest",
            "Data_quality", "Charts");

    private ReportWorkbook() {}

    public static void write(ReportContent content, Path file, Path tempDir) throws IOException {
        // POI's streaming temp files go to the run's own work folder, never to a shared /tmp.
        System.setProperty("poi.keep.tmp.files", "false");
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(
                new org.apache.poi.util.DefaultTempFileCreationStrategy(tempDir.toFile()));
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false)) {
            for (String name : SHEETS) wb.createSheet(name);
            CellStyles styles = new CellStyles(wb);
            NoteList notes = new NoteList();
            List<String[]> contents = new ArrayList<>();
            String place = "by country and " + content.period().name().toLowerCase(java.util.Locale.ROOT);

            overview(wb, styles, notes, content, place);
            contents.add(new String[] {"Overview", "One row per country and period: licences, their value, unrest events,"
                    + " fatalities, detained and killed as reported, and a flag where licences and unrest meet."});
            licences(wb, styles, notes, content);
            contents.add(new String[] {"Licences", "One row per exporter, destination, period, category, status and input file."});
            unrest(wb, styles, notes, content);
            contents.add(new String[] {"Unrest", "One row per country, period and event type (ACLED) or reported metric (tally)."});
            dataQuality(wb, styles, notes, content);
            contents.add(new String[] {"Data_quality", "Per input file: rows read, used, rejected and replaced; then every"
                    + " rejected row with its reason."});
            charts(wb, styles, notes, content);
            contents.add(new String[] {"Charts", "The charts of this run as pictures, each with its alt text."});
            contents.add(0, new String[] {"Notes", "The notes that titles and headers refer to, as [note 1] and so on."});
            notes(wb, styles, notes);
            contents(wb, styles, notes, contents);
            cover(wb, styles, content, place);

            properties(wb, content, place);
            wb.setActiveSheet(0);
            wb.getSheetAt(0).setSelected(true);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void overview(SXSSFWorkbook wb, CellStyles styles, NoteList notes, ReportContent c, String place) {
        String atLeast = notes.ref(NoteList.AT_LEAST);
        String coarser = notes.ref(NoteList.COARSER);
        TableSheet t = new TableSheet(wb, styles, notes, "Overview",
                "Arms-export licences and unrest " + place + " " + coarser,
                "One row per country and period. [x] = not available (nothing reported); ≥ = at least; ~ = about " + atLeast + ".",
                List.of(new TableSheet.Column("Country", 30), new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Period", 16), new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column("Licences issued (number) " + notes.ref(NoteList.LICENCE_SOURCES), 16),
                        new TableSheet.Column("Value of licences issued (EUR)", 18),
                        new TableSheet.Column("Licences refused (number)", 14),
                        new TableSheet.Column("Unrest events (number) " + notes.ref(NoteList.ACLED), 14),
                        new TableSheet.Column("Fatalities in events (number)", 14),
                        new TableSheet.Column("Detained, official (number) " + notes.ref(NoteList.TALLY), 16),
                        new TableSheet.Column("Detained, highest reported (number)", 16),
                        new TableSheet.Column("Killed, official (number)", 14),
                        new TableSheet.Column("Killed, highest reported (number)", 16),
                        new TableSheet.Column("Licences and unrest in the same period " + notes.ref(NoteList.FLAG), 16)));
        CellStyles.Kind money = c.licenceValuesHaveCents() ? CellStyles.Kind.MONEY_CENTS : CellStyles.Kind.MONEY;
        for (OverviewRow r : c.overview()) {
            t.row().text(r.countryName()).text(r.country()).text(r.period().label()).text(r.period().iso())
                    .figure(r.figure(Measure.LICENCES_ISSUED), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.VALUE_ISSUED), money)
                    .figure(r.figure(Measure.LICENCES_REFUSED), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.EVENTS), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.FATALITIES), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.DETAINED_OFFICIAL), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.DETAINED_HIGHEST), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.KILLED_OFFICIAL), CellStyles.Kind.COUNT)
                    .figure(r.figure(Measure.KILLED_HIGHEST), CellStyles.Kind.COUNT)
                    .text(r.flagged() ? "Yes" : "No");
        }
        t.finish();
    }

    private static void licences(SXSSFWorkbook wb, CellStyles styles, NoteList notes, ReportContent c) {
        TableSheet t = new TableSheet(wb, styles, notes, "Licences",
                "Arms-export licences by exporter, destination and period " + notes.ref(NoteList.LICENCE_SOURCES),
                "One row per exporter, destination, period, category, status and input file. [x] = not available;"
                        + " ≥ = at least " + notes.ref(NoteList.AT_LEAST) + ".",
                List.of(new TableSheet.Column("Destination", 30), new TableSheet.Column("Destination ISO code", 11),
                        new TableSheet.Column("Exporter", 24), new TableSheet.Column("Exporter ISO code", 9),
                        new TableSheet.Column("Period", 16), new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column("Category", 20), new TableSheet.Column("Status", 9),
                        new TableSheet.Column("Licences (number)", 12), new TableSheet.Column("Value (EUR)", 18),
                        new TableSheet.Column("Source", 60), new TableSheet.Column("Input file", 40)));
        CellStyles.Kind money = c.licenceValuesHaveCents() ? CellStyles.Kind.MONEY_CENTS : CellStyles.Kind.MONEY;
        c.licences().accept(r -> t.row().text(r.destinationName()).text(r.destination()).text(r.exporterName())
                .text(r.exporter()).text(r.period().label()).text(r.period().iso())
                .text(r.category().isEmpty() ? "[z]" : r.category()).text(r.status())
                .figure(r.licences(), CellStyles.Kind.COUNT).figure(r.valueEur(), money)
                .text(r.sources()).text(r.file()));
        t.finish();
    }

    private static void unrest(SXSSFWorkbook wb, CellStyles styles, NoteList notes, ReportContent c) {
        TableSheet t = new TableSheet(wb, styles, notes, "Unrest",
                "Unrest by country, period and event type or reported metric",
                "ACLED events per type, and the desk's reported figures per metric. [x] = not available; [z] = not"
                        + " applicable to the row's kind; ≥ = at least; ~ = about " + notes.ref(NoteList.AT_LEAST) + ".",
                List.of(new TableSheet.Column("Country", 30), new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Period", 16), new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column("Kind", 16), new TableSheet.Column("Event type or metric", 28),
                        new TableSheet.Column("Region", 16), new TableSheet.Column("Basis", 12),
                        new TableSheet.Column("Events (number) " + notes.ref(NoteList.ACLED), 12),
                        new TableSheet.Column("Fatalities (number)", 12),
                        new TableSheet.Column("Official figure (number) " + notes.ref(NoteList.TALLY), 14),
                        new TableSheet.Column("Highest figure (number)", 14),
                        new TableSheet.Column("Lowest figure (number)", 14),
                        new TableSheet.Column("Sources (number)", 10), new TableSheet.Column("Sources", 60)));
        for (UnrestRow r : c.unrest()) {
            t.row().text(r.countryName()).text(r.country()).text(r.period().label()).text(r.period().iso())
                    .text(r.kind().label()).text(r.typeOrMetric()).text(r.region().isEmpty() ? "[z]" : r.region())
                    .text(r.basis().isEmpty() ? "[z]" : r.basis())
                    .figure(r.events(), CellStyles.Kind.COUNT).figure(r.fatalities(), CellStyles.Kind.COUNT)
                    .figure(r.official(), CellStyles.Kind.COUNT).figure(r.highest(), CellStyles.Kind.COUNT)
                    .figure(r.lowest(), CellStyles.Kind.COUNT);
            if (r.sourceCount() == null) t.marker(TableSheet.NOT_APPLICABLE); else t.number(r.sourceCount());
            t.text(r.sources());
        }
        t.finish();
    }

    /** One table with the per-file reconciliation first, then every rejected or replaced row. */
    private static void dataQuality(SXSSFWorkbook wb, CellStyles styles, NoteList notes, ReportContent c) {
        TableSheet t = new TableSheet(wb, styles, notes, "Data_quality",
                "Data quality: rows read, used and rejected, and every rejected row with its reason",
                "First one row per input file (line [z]); then each rejected row and each duplicate that a later row"
                        + " replaced. Rows read = used + rejected + replaced + skipped for every file; skipped rows are"
                        + " passed over on purpose (HDX rows below country level).",
                List.of(new TableSheet.Column("Input file", 40), new TableSheet.Column("Line (number)", 9),
                        new TableSheet.Column("What", 12), new TableSheet.Column("Rows read (number)", 10),
                        new TableSheet.Column("Rows used (number)", 10), new TableSheet.Column("Rows rejected (number)", 10),
                        new TableSheet.Column("Duplicates replaced (number)", 11),
                        new TableSheet.Column("Skipped on purpose (number)", 11),
                        new TableSheet.Column("Reason", 60), new TableSheet.Column("Raw text", 80)));
        for (SourceFileRecord f : c.files()) {
            t.row().text(f.name()).marker(TableSheet.NOT_APPLICABLE).text("file").number(f.rowsRead()).number(f.rowsUsed())
                    .number(f.rowsRejected()).number(f.rowsReplaced()).number(f.rowsSkipped())
                    .text(f.reconciles() ? "reconciles" : "does not reconcile").text(f.notes() == null ? "" : f.notes());
        }
        c.dataQuality().accept(r -> t.row().text(r.file()).number(r.line()).text(r.kind())
                .marker(TableSheet.NOT_APPLICABLE).marker(TableSheet.NOT_APPLICABLE).marker(TableSheet.NOT_APPLICABLE)
                .marker(TableSheet.NOT_APPLICABLE).marker(TableSheet.NOT_APPLICABLE).text(r.reason()).text(r.raw()));
        t.finish();
    }

    private static void charts(SXSSFWorkbook wb, CellStyles styles, NoteList notes, ReportContent c) throws IOException {
        TableSheet t = new TableSheet(wb, styles, notes, "Charts", "Charts of this run",
                "Each chart's title, its alt text and its file; the picture stands to the right of its row. The numbers"
                        + " behind every chart are in the Overview sheet.",
                List.of(new TableSheet.Column("Chart title", 40), new TableSheet.Column("Alt text", 70),
                        new TableSheet.Column("File", 28)));
        SXSSFSheet sheet = t.sheet();
        XSSFDrawing drawing = wb.getXSSFWorkbook().getSheet("Charts").createDrawingPatriarch();
        int rowIndex = TableSheet.HEADER_ROW + 1;
        for (DrawnChart chart : c.charts()) {
            t.row().text(chart.title()).text(chart.altText()).text("charts/" + chart.fileName());
            sheet.getRow(rowIndex).setHeightInPoints(340);
            byte[] png = Files.readAllBytes(c.chartsDir().resolve(chart.fileName()));
            int picture = wb.addPicture(png, Workbook.PICTURE_TYPE_PNG);
            XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, 4, rowIndex, 12, rowIndex + 1);
            anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
            XSSFPicture pic = drawing.createPicture(anchor, picture);
            pic.getCTPicture().getNvPicPr().getCNvPr().setDescr(chart.altText());
            pic.getCTPicture().getNvPicPr().getCNvPr().setName(chart.title());
            rowIndex++;
        }
        t.finish();
    }

    private static void notes(SXSSFWorkbook wb, CellStyles styles, NoteList notes) {
        TableSheet t = new TableSheet(wb, styles, notes, "Notes", "Notes",
                "Notes that titles and headers refer to as [note 1] and so on, numbered in the order of first reference.",
                List.of(new TableSheet.Column("Note number", 8), new TableSheet.Column("Note text", 100)));
        List<String> texts = notes.texts();
        for (int i = 0; i < texts.size(); i++) {
            t.row().text("note " + (i + 1)).text(texts.get(i));
        }
        t.finish();
    }

    private static void contents(SXSSFWorkbook wb, CellStyles styles, NoteList notes, List<String[]> sheets) {
        TableSheet t = new TableSheet(wb, styles, notes, "Contents", "Contents",
                "The sheets of this workbook; each name links to its sheet.",
                List.of(new TableSheet.Column("Sheet", 16), new TableSheet.Column("What it holds", 100)));
        for (String[] s : sheets) {
            t.row().link(s[0]).text(s[1]);
        }
        t.finish();
    }

    private static void cover(SXSSFWorkbook wb, CellStyles styles, ReportContent c, String place) {
        SXSSFSheet sheet = (SXSSFSheet) wb.getSheet("Cover");
        List<String> lines = new ArrayList<>();
        lines.add("Arms-export licences and unrest " + place + ", report of " + c.runDate());
        lines.add("What this is: licences for arms exports, by destination, set against unrest in the same countries"
                + " (events from ACLED-format exports and figures reported by authorities and others), aggregated "
                + place + ".");
        lines.add("Run date: " + c.runDate() + ". Report period: " + c.period().name().toLowerCase(java.util.Locale.ROOT) + ".");
        Period current = new Period(org.armswatch.period.Granularity.DAY, c.runDate()).rollUpTo(c.period());
        lines.add("Provisional: figures for " + current.label() + " (" + current.iso() + ") are provisional, because that"
                + " period is not complete on the run date.");
        lines.add("Sources (input files, named relative to the input folder, with SHA-256 and rows read / used / rejected):");
        for (SourceFileRecord f : c.files()) {
            lines.add("  " + f.name() + ": " + f.rowsRead() + " read, " + f.rowsUsed() + " used, " + f.rowsRejected()
                    + " rejected, " + f.rowsReplaced() + " replaced as duplicates; SHA-256 " + f.sha256());
        }
        for (String note : c.runNotes()) lines.add("Note on the inputs: " + note);
        lines.add("Frozen header rows and filter buttons: in Excel, View > Freeze Panes > Unfreeze Panes, and Data > Filter;"
                + " in LibreOffice, View > Freeze Cells, and Data > AutoFilter.");
        lines.add("Made by " + c.desk() + (c.contact().isBlank() ? "." : ". Contact: " + c.contact()));
        for (int i = 0; i < lines.size(); i++) {
            Cell cell = sheet.createRow(i).createCell(0);
            cell.setCellValue(lines.get(i));
            cell.setCellStyle(i == 0 ? styles.title : styles.wrapped);
        }
        sheet.setColumnWidth(0, 120 * 256);
    }

    private static void properties(SXSSFWorkbook wb, ReportContent c, String place) {
        POIXMLProperties.CoreProperties core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle("Arms-export licences and unrest " + place + ", " + c.runDate());
        core.setSubjectProperty("Arms-export licences against unrest");
        core.setCreator(c.desk());
        // The run date, not the clock: the same inputs and date give the same workbook bytes.
        Date fixed = Date.from(c.runDate().atStartOfDay().toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.getUnderlyingProperties().setLanguageProperty("en-GB");
    }
}
