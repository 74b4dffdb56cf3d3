package org.armswatch.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.armswatch.workbook.xml.StreamedWorkbook;

/**
 * Writes a workbook, sheet by sheet as workbook.md lists them: the main report, or one country's (the same sheet
 * writers over that country's rows, without Data_quality). Sheets are created in their final order first and filled
 * afterwards, so that Notes can be numbered by first reference. Every workbook is checked against the rules right after
 * it is written ({@link WorkbookCheck}).
 */
public final class ReportWorkbook {

    static final List<String> SHEETS = List.of(
            "Cover",
            "Contents",
            "Notes",
            "Overview",
            "Leads",
            "Summary",
            "Licences",
            "Unrest",
            "Changes",
            "Data_quality",
            "Charts");
    static final List<String> COUNTRY_SHEETS = List.of(
            "Cover", "Contents", "Notes", "Overview", "Leads", "Summary", "Licences", "Unrest", "Changes", "Charts");

    private ReportWorkbook() {}

    /** @throws WorkbookRuleException if the written workbook breaks a rule of workbook.md */
    public static void write(ReportContent content, Path file, Path tempDir) throws IOException {
        // POI's streaming temp files go to the run's own work folder, never to a shared /tmp.
        System.setProperty("poi.keep.tmp.files", "false");
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(
                new org.apache.poi.util.DefaultTempFileCreationStrategy(tempDir.toFile()));
        boolean country = content.scope().oneCountry();
        try (StreamedWorkbook wb = new StreamedWorkbook()) {
            for (String name : country ? COUNTRY_SHEETS : SHEETS) wb.createSheet(name);
            Book book = new Book(wb, content.maxRowsPerSheet());
            String period = CoverSheet.period(content);

            OverviewSheet.write(book, content, period);
            LeadsSheet.write(book, content);
            SummarySheet.write(book, content);
            LicencesSheet.write(book, content);
            UnrestSheet.write(book, content);
            ChangesSheet.write(book, content);
            if (!country) DataQualitySheet.write(book, content);
            ChartsSheet.write(book, content);
            CoverSheet.write(book, content, period);
            NotesSheet.write(book);
            ContentsSheet.write(book);

            properties(wb, content, period);
            wb.setActiveSheet(0);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) wb.getSheetAt(i).setSelected(i == 0);
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Written beside its name and moved into place: a killed write never leaves half a workbook by that name.
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    wb.write(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        WorkbookCheck.check(file);
    }

    private static void properties(SXSSFWorkbook wb, ReportContent c, String period) {
        POIXMLProperties.CoreProperties core =
                wb.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle(CoverSheet.title(c, period));
        core.setSubjectProperty("Arms-export licences against unrest");
        core.setCreator(c.desk());
        // The run date, not the clock: the same inputs and date give the same workbook bytes.
        Date fixed = Date.from(c.runDate().atStartOfDay().toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.getUnderlyingProperties().setLanguageProperty("en-GB");
    }
}
