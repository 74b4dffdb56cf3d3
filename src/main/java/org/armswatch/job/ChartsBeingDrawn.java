package org.armswatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.armswatch.chart.DrawnChart;
import org.armswatch.workbook.ChartPictures;

/**
 * The run's charts while one thread draws them: a workbook asks for a chart's PNG only when it writes
 * its file, and waits, if it must, for that chart alone.
 */
final class ChartsBeingDrawn implements ChartPictures {

    private final Path chartsDir;
    private final Map<String, CompletableFuture<Void>> pngWritten = new LinkedHashMap<>();

    ChartsBeingDrawn(Path chartsDir, List<DrawnChart> charts) {
        this.chartsDir = chartsDir;
        charts.forEach(c -> pngWritten.put(c.fileName(), new CompletableFuture<>()));
    }

    /** The chart's PNG file is complete. */
    void written(DrawnChart chart) {
        future(chart).complete(null);
    }

    /** Drawing failed: whoever waits for a picture fails with the same cause. */
    void failed(Throwable cause) {
        pngWritten.values().forEach(f -> f.completeExceptionally(cause));
    }

    @Override
    public byte[] png(DrawnChart chart) throws IOException {
        try {
            future(chart).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the chart " + chart.fileName(), e);
        } catch (ExecutionException e) {
            throw new IOException("the chart " + chart.fileName() + " could not be drawn: " + e.getCause().getMessage(),
                    e.getCause());
        }
        return Files.readAllBytes(chartsDir.resolve(chart.fileName()));
    }

    private CompletableFuture<Void> future(DrawnChart chart) {
        CompletableFuture<Void> f = pngWritten.get(chart.fileName());
        if (f == null) throw new IllegalStateException("a chart this run does not draw: " + chart.fileName());
        return f;
    }
}
