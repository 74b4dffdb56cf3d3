package org.armswatch.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * Draws the run's charts as PNG files, drawn at 640×450 and written at twice that, 1280×900, so text stays sharp when a
 * workbook or a web page shows the picture at its drawn size; and as SVG beside them, for the web.
 */
public final class ChartDrawer {

    /** The PNG file name of the top-destinations chart. */
    public static final String TOP_DESTINATIONS_FILE_NAME = TopDestinationsChart.FILE_NAME;

    private final ChartStyle style;

    /** @throws IllegalStateException if the chart font, DejaVu Sans, is not installed */
    public ChartDrawer() {
        this.style = new ChartStyle();
    }

    public DrawnChart drawTopDestinations(TopDestinations data, Path chartsDir) throws IOException {
        return topDestinations(data).writeBoth(chartsDir);
    }

    public DrawnChart drawTimeline(CountryTimeline data, Path chartsDir) throws IOException {
        return timeline(data).writeBoth(chartsDir);
    }

    public DrawnChart drawReported(ReportedFigures data, Path chartsDir) throws IOException {
        return reported(data).writeBoth(chartsDir);
    }

    /** The top-destinations chart: its names and words now, its drawing when written. */
    public ChartToDraw topDestinations(TopDestinations data) {
        var chart = new TopDestinationsChart(data);
        return new ChartToDraw(
                () -> chart.build(style),
                TopDestinationsChart.FILE_NAME,
                chart.title(),
                chart.subtitle(),
                chart.altText());
    }

    /** A country's timeline: its names and words now, its drawing when written. */
    public ChartToDraw timeline(CountryTimeline data) {
        var chart = new TimelineChart(data);
        return new ChartToDraw(
                () -> chart.build(style),
                TimelineChart.fileName(data.countryCode()),
                chart.title(),
                chart.subtitle(),
                chart.altText());
    }

    /** Detained and killed as reported in one country and period: its names and words now, its drawing when written. */
    public ChartToDraw reported(ReportedFigures data) {
        var chart = new ReportedChart(data);
        return new ChartToDraw(
                () -> chart.build(style),
                ReportedChart.fileName(data.countryCode()),
                chart.title(),
                chart.subtitle(),
                chart.altText());
    }

    /** The PNG file name of a country's reported-figures chart. */
    public static String reportedFileName(String countryCode) {
        return ReportedChart.fileName(countryCode);
    }

    /** The PNG file name of a country's timeline, as {@link #drawTimeline} writes it. */
    public static String timelineFileName(String countryCode) {
        return TimelineChart.fileName(countryCode);
    }

    /**
     * A chart whose file names, title and alt text are known before it is drawn, so a workbook can list it while it is
     * drawn; its PNG is written first (the workbooks wait for that), its SVG whenever suits, both from the same drawing
     * calls. One thread writes it.
     */
    public static final class ChartToDraw {
        private final Supplier<JFreeChart> build;
        private final DrawnChart drawn;
        private JFreeChart chart;

        private ChartToDraw(Supplier<JFreeChart> build, String pngName, String title, String subtitle, String altText) {
            this.build = build;
            this.drawn = new DrawnChart(
                    pngName,
                    pngName.replaceFirst("\\.png$", ".svg"),
                    title,
                    subtitle,
                    altText,
                    ChartStyle.DRAWN_WIDTH * ChartStyle.SCALE,
                    ChartStyle.DRAWN_HEIGHT * ChartStyle.SCALE);
        }

        /** What the chart is, with its file names; the files exist once written. */
        public DrawnChart drawn() {
            return drawn;
        }

        public void writePng(Path chartsDir) throws IOException {
            write(png(chart()), chartsDir.resolve(drawn.fileName()));
        }

        /** Written after the PNG: the drawing is let go then, as the run keeps its plan of charts to the end. */
        public void writeSvg(Path chartsDir) throws IOException {
            write(SvgPicture.svg(chart(), drawn.title(), drawn.altText()), chartsDir.resolve(drawn.svgFileName()));
            chart = null;
        }

        private JFreeChart chart() {
            if (chart == null) chart = build.get();
            return chart;
        }

        private DrawnChart writeBoth(Path chartsDir) throws IOException {
            writePng(chartsDir);
            writeSvg(chartsDir);
            return drawn;
        }
    }

    /**
     * One canvas a drawing thread, painted over for each chart: a new 4.6 MB image per chart was a "humongous" object
     * to G1, and eighty of them in three seconds made the default collector double the heap of a plain `java -jar`.
     */
    private static final ThreadLocal<BufferedImage> CANVAS = ThreadLocal.withInitial(() -> new BufferedImage(
            ChartStyle.DRAWN_WIDTH * ChartStyle.SCALE,
            ChartStyle.DRAWN_HEIGHT * ChartStyle.SCALE,
            BufferedImage.TYPE_INT_RGB));

    /** Same chart, same bytes (no time chunk), RGB without alpha: {@link PngEncoding}. */
    static byte[] png(JFreeChart chart) throws IOException {
        BufferedImage image = CANVAS.get();
        Graphics2D g2 = image.createGraphics();
        try {
            // Black, every pixel zero, as a new image is: the chart is drawn on exactly what it was drawn on before.
            g2.setColor(java.awt.Color.BLACK);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
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
