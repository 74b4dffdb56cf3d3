package org.armswatch.workbook;

import java.io.IOException;
import org.armswatch.chart.DrawnChart;

/**
 * A chart's PNG bytes. A workbook asks for them only when it writes its file, after its sheets are filled, so the
 * charts are drawn while the sheets are written, and nothing waits for a picture before it must.
 */
@FunctionalInterface
public interface ChartPictures {

    byte[] png(DrawnChart chart) throws IOException;
}
