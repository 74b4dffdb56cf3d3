package org.armswatch.workbook;

import java.io.IOException;
import org.armswatch.chart.DrawnChart;

/**
 * A chart's PNG bytes, read from the run's charts folder (the chart step has drawn them). A workbook asks for them only
 * when it writes its file: the pictures go straight into the file, never held in memory together, nor deflated into
 * SXSSF's template and inflated out of it again.
 */
@FunctionalInterface
public interface ChartPictures {

    byte[] png(DrawnChart chart) throws IOException;
}
