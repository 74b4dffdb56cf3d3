package org.armswatch.job;

import java.util.List;
import org.armswatch.chart.ChartDrawer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The run's charts, in the plan's order. Its position is saved at each commit, and a restart goes on from there. Not
 * final: the step scope hands it out as a proxy of its class.
 */
class PlannedCharts implements ItemStreamReader<ChartDrawer.ChartToDraw> {

    private static final String DRAWN = "charts.drawn";

    private final List<ChartDrawer.ChartToDraw> charts;
    /** Charts read so far. */
    private int read;

    PlannedCharts(List<ChartDrawer.ChartToDraw> charts) {
        this.charts = charts;
    }

    @Override
    public void open(ExecutionContext context) {
        read = context.getInt(DRAWN, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(DRAWN, read);
    }

    @Override
    public ChartDrawer.ChartToDraw read() {
        return read < charts.size() ? charts.get(read++) : null;
    }
}
