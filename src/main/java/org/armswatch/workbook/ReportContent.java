package org.armswatch.workbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.armswatch.aggregate.DataQualityRow;
import org.armswatch.aggregate.LicenceRow;
import org.armswatch.aggregate.OverviewRow;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.UnrestRow;
import org.armswatch.chart.DrawnChart;
import org.armswatch.period.Granularity;

/**
 * Everything a workbook shows, handed over as rows: the workbook knows no SQL. The two large
 * tables arrive as streams (a consumer of a row sink), so they never sit in memory whole.
 */
public record ReportContent(
        LocalDate runDate,
        Granularity period,
        String desk,
        String contact,
        List<SourceFileRecord> files,
        List<String> runNotes,
        List<OverviewRow> overview,
        Consumer<Consumer<LicenceRow>> licences,
        boolean licenceValuesHaveCents,
        List<UnrestRow> unrest,
        Consumer<Consumer<DataQualityRow>> dataQuality,
        List<DrawnChart> charts,
        Path chartsDir) {}
