package org.armswatch.workbook;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.armswatch.aggregate.DataQualityRow;
import org.armswatch.aggregate.LicenceRow;
import org.armswatch.aggregate.OverviewRow;
import org.armswatch.aggregate.RunChanges;
import org.armswatch.aggregate.RunWarnings;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StoryLeads;
import org.armswatch.aggregate.SummaryRow;
import org.armswatch.aggregate.UnrestRow;
import org.armswatch.chart.DrawnChart;
import org.armswatch.period.Granularity;

/**
 * Everything a workbook shows, handed over as rows: the workbook knows no SQL. The two large tables arrive as streams
 * (a consumer of a row sink), so they never sit in memory whole.
 *
 * @param warnings what the job could not be sure of, for the whole run
 * @param dataQuality null in a country's workbook, which has no Data_quality sheet
 * @param charts the charts the Charts sheet shows, known before they are drawn
 * @param pictures their PNGs, asked for only when the workbook's file is written
 * @param maxRowsPerSheet data rows a sheet may hold before a table goes on in a numbered sheet
 */
public record ReportContent(
        LocalDate runDate,
        Granularity period,
        String desk,
        String contact,
        ReportScope scope,
        List<SourceFileRecord> files,
        List<String> runNotes,
        List<RunWarnings.Shown> warnings,
        List<OverviewRow> overview,
        List<SummaryRow> summary,
        List<StoryLeads.Lead> leads,
        Consumer<Consumer<LicenceRow>> licences,
        boolean licenceValuesHaveCents,
        List<UnrestRow> unrest,
        RunChanges changes,
        Consumer<Consumer<DataQualityRow>> dataQuality,
        List<DrawnChart> charts,
        ChartPictures pictures,
        int maxRowsPerSheet) {

    /**
     * The same report cut to one country: its Overview, Unrest and Changes rows, the licence rows given (where it is
     * destination or exporter), the charts given, and no Data_quality sheet.
     */
    public ReportContent forCountry(
            String code, String name, Consumer<Consumer<LicenceRow>> countryLicences, List<DrawnChart> countryCharts) {
        return new ReportContent(
                runDate,
                period,
                desk,
                contact,
                new ReportScope(code, name),
                files,
                runNotes,
                warnings,
                overview.stream().filter(r -> r.country().equals(code)).toList(),
                summary.stream().filter(r -> r.country().equals(code)).toList(),
                leads.stream().filter(l -> l.country().equals(code)).toList(),
                countryLicences,
                licenceValuesHaveCents,
                unrest.stream().filter(r -> r.country().equals(code)).toList(),
                changes.of(code),
                null,
                countryCharts,
                pictures,
                maxRowsPerSheet);
    }
}
