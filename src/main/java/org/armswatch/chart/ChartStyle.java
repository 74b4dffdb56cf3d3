package org.armswatch.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * The desk's chart look, after the BBC's bbplot: DejaVu Sans throughout, dark grey text on white, light grey gridlines,
 * no borders, no shadows, no gradients.
 */
final class ChartStyle {

    /** fonts-dejavu-core puts this family on every Debian server; naming it keeps headless and desktop output alike. */
    static final String FONT_FAMILY = "DejaVu Sans";

    /** Drawn at this size in points, then written at {@link #SCALE} times for sharp text. */
    static final int DRAWN_WIDTH = 640;

    static final int DRAWN_HEIGHT = 450;
    static final int SCALE = 2;

    /** bbplot's blue: 4.5:1 against white. */
    static final Color BAR = new Color(0x13, 0x80, 0xA1);
    /** bbplot's dark red: 8.9:1 against white. */
    static final Color LINE = new Color(0x99, 0x00, 0x00);

    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color SOURCE_TEXT = new Color(0x55, 0x55, 0x55);
    static final Color GRIDLINE = new Color(0xCB, 0xCB, 0xCB);
    static final Color BASELINE = new Color(0x33, 0x33, 0x33);

    static final Stroke GRIDLINE_STROKE = new BasicStroke(0.8f);
    static final Stroke BASELINE_STROKE = new BasicStroke(1.4f);

    final Font title = new Font(FONT_FAMILY, Font.BOLD, 18);
    final Font subtitle = new Font(FONT_FAMILY, Font.PLAIN, 13);
    final Font axisLabel = new Font(FONT_FAMILY, Font.PLAIN, 11);
    final Font tickLabel = new Font(FONT_FAMILY, Font.PLAIN, 11);
    final Font valueLabel = new Font(FONT_FAMILY, Font.PLAIN, 11);
    final Font legend = new Font(FONT_FAMILY, Font.PLAIN, 12);
    final Font source = new Font(FONT_FAMILY, Font.PLAIN, 10);

    static {
        // JFreeChart draws rotated and tick-label text through TextLayout by default, a workaround for a
        // Java 1.4 bug; TextLayout hands glyph outlines to the Graphics2D, so the SVG got every axis label
        // as paths (400 KB a chart, text no reader finds) and drawing it took longer than the PNG.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    ChartStyle() {
        // Java silently swaps a missing family for "Dialog"; the chart would then differ by machine.
        if (!FONT_FAMILY.equals(title.getFamily(Locale.ROOT))) {
            throw new IllegalStateException("Font '" + FONT_FAMILY + "' is not installed (found '"
                    + title.getFamily(Locale.ROOT) + "'); install fonts-dejavu-core");
        }
    }

    /** The theme reaches text elements this class does not set one by one. */
    StandardChartTheme theme() {
        var theme = new StandardChartTheme("armswatch");
        theme.setExtraLargeFont(title);
        theme.setLargeFont(subtitle);
        theme.setRegularFont(legend);
        theme.setSmallFont(tickLabel);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRIDLINE);
        theme.setRangeGridlinePaint(GRIDLINE);
        theme.setBaselinePaint(BASELINE);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    /** Title, subtitle and source line in the newsroom layout: all left-aligned, source at the foot. */
    void decorate(JFreeChart chart, String headline, String subtitleText, String sourceText) {
        theme().apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(12, 14, 10, 18));

        TextTitle headlineTitle = chart.getTitle();
        headlineTitle.setText(headline);
        headlineTitle.setFont(title);
        headlineTitle.setPaint(TEXT);
        leftAligned(headlineTitle);
        headlineTitle.setPadding(new RectangleInsets(0, 0, 4, 0));

        var subtitleTitle = new TextTitle(
                subtitleText,
                subtitle,
                TEXT,
                RectangleEdge.TOP,
                HorizontalAlignment.LEFT,
                VerticalAlignment.CENTER,
                RectangleInsets.ZERO_INSETS);
        leftAligned(subtitleTitle);
        subtitleTitle.setPadding(new RectangleInsets(0, 0, 10, 0));
        chart.addSubtitle(0, subtitleTitle);

        var sourceTitle = new TextTitle(
                FigureText.sourceLine(sourceText),
                source,
                SOURCE_TEXT,
                RectangleEdge.BOTTOM,
                HorizontalAlignment.LEFT,
                VerticalAlignment.CENTER,
                RectangleInsets.ZERO_INSETS);
        leftAligned(sourceTitle);
        sourceTitle.setPadding(new RectangleInsets(10, 0, 0, 0));
        chart.addSubtitle(sourceTitle);
    }

    // CategoryPlot and XYPlot share no interface for gridlines and baselines: each sets its own, the rest is Plot's.
    void plainPlot(CategoryPlot plot) {
        plainFrame(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRIDLINE);
        plot.setRangeGridlineStroke(GRIDLINE_STROKE);
        // The zero line is the bars' baseline; it stays visible even where gridlines are off.
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(BASELINE);
        plot.setRangeZeroBaselineStroke(BASELINE_STROKE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    void plainPlot(XYPlot plot) {
        plainFrame(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setDomainMinorGridlinesVisible(false);
        plot.setRangeMinorGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRIDLINE);
        plot.setRangeGridlineStroke(GRIDLINE_STROKE);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(BASELINE);
        plot.setRangeZeroBaselineStroke(BASELINE_STROKE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private void plainFrame(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 0, 4, 0));
        plot.setNoDataMessageFont(subtitle);
        plot.setNoDataMessagePaint(SOURCE_TEXT);
    }

    /** A time axis: ticks at whole years, quarters or months as room allows, so labels never collide. */
    void plainDateAxis(DateAxis axis) {
        plainAxis(axis);
        axis.setTickMarksVisible(true);
        axis.setTickMarkPaint(GRIDLINE);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
    }

    /** What every axis shares: the desk's fonts and colour, no axis line, no ticks. */
    private void plainAxis(Axis axis) {
        axis.setTickLabelFont(tickLabel);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelFont(axisLabel);
        axis.setLabelPaint(TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setMinorTickMarksVisible(false);
    }

    void plainCategoryAxis(CategoryAxis axis) {
        plainAxis(axis);
        axis.setMaximumCategoryLabelLines(2);
    }

    void plainValueAxis(NumberAxis axis) {
        plainAxis(axis);
        axis.setNumberFormatOverride(FigureText.wholeNumberFormat());
        axis.setAutoRangeIncludesZero(true);
        axis.setAutoRangeStickyZero(true);
    }

    private static void leftAligned(TextTitle textTitle) {
        textTitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
        textTitle.setTextAlignment(HorizontalAlignment.LEFT);
        textTitle.setExpandToFitSpace(true);
    }
}
