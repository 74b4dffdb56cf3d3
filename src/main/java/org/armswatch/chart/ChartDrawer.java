package org.armswatch.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;


import org.jfree.chart.JFreeChart;

/**
 * Draws the run's charts as PNG files, drawn at 640×450 and written at twice that, 1280×900, so text stays
 * sharp when a workbook or a web page shows the picture at its drawn size; and as SVG beside them, for the web.
 */
public final class ChartDrawer {

    private final ChartStyle style;

    /** @throws IllegalStateException if the chart font, DejaVu Sans, is not installed */
    public ChartDrawer() {
        this.style = new ChartStyle();
    }

    public DrawnChart drawTopDestinations(TopDestinations data, Path chartsDir) throws IOException {
        var chart = new TopDestinationsChart(data);
        return write(chart.build(style), chartsDir, TopDestinationsChart.FILE_NAME, chart.title(), chart.subtitle(),
                chart.altText());
    }

    public DrawnChart drawTimeline(CountryTimeline data, Path chartsDir) throws IOException {
        var chart = new TimelineChart(data);
        return write(chart.build(style), chartsDir, TimelineChart.fileName(data.countryCode()), chart.title(),
                chart.subtitle(), chart.altText());
    }

    /** The PNG file name of a country's timeline, as {@link #drawTimeline} writes it. */
    public static String timelineFileName(String countryCode) {
        return TimelineChart.fileName(countryCode);
    }

    private static DrawnChart write(JFreeChart chart, Path chartsDir, String pngName, String title, String subtitle,
                                    String altText) throws IOException {
        String svgName = pngName.replaceFirst("\\.png$", ".svg");
        write(png(chart), chartsDir.resolve(pngName));
        write(SvgPicture.svg(chart, title, altText), chartsDir.resolve(svgName));
        return new DrawnChart(pngName, svgName, title, subtitle, altText,
                ChartStyle.DRAWN_WIDTH * ChartStyle.SCALE, ChartStyle.DRAWN_HEIGHT * ChartStyle.SCALE);
    }

    /** Same chart, same bytes (no time chunk), RGB without alpha: {@link PngEncoding}. */
    static byte[] png(JFreeChart chart) throws IOException {
        var image = new BufferedImage(ChartStyle.DRAWN_WIDTH * ChartStyle.SCALE,
                ChartStyle.DRAWN_HEIGHT * ChartStyle.SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(ChartStyle.SCALE, ChartStyle.SCALE);
            chart.draw(g2, new Rectangle2D.Double(0, 0, ChartStyle.DRAWN_WIDTH, ChartStyle.DRAWN_HEIGHT));
        } finally {
            g2.dispose();
        }
        return PngEncoding.png(image);
    }

    /** Written beside the target and moved into place, so a reader never finds half a picture. */
    private static void write(byte[] bytes, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve(target.getFileName() + ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
