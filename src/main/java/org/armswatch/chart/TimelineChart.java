package org.armswatch.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One country's licence value (bars, left axis) against unrest events (dashed, marked line, right axis),
 * period by period. A period without a figure gets no bar or no marker, and the line breaks there.
 */
final class TimelineChart {

    static final String EVENTS_SERIES = "Unrest events (line, right axis)";
    private static final String NOT_AVAILABLE = "n/a";
    private static final String NOT_AVAILABLE_NOTE = "n/a: licence value not available";
    /** More periods than this and the period labels turn 45 degrees so they do not collide. */
    private static final int LEVEL_LABEL_LIMIT = 8;

    private final CountryTimeline data;
    private final Series<Double> licence;
    private final Series<Long> events;

    TimelineChart(CountryTimeline data) {
        this.data = data;
        this.licence = new Series<>(data.points(), TimelinePoint::licenceValue);
        this.events = new Series<>(data.points(), TimelinePoint::events);
    }

    /** The bars' series name, which the legend shows. */
    String licenceSeries() {
        return "Licence value (" + data.currency() + ", bars, left axis)";
    }

    static String fileName(String countryCode) {
        return "timeline-" + countryCode + ".png";
    }

    String title() {
        String country = data.countryName();
        Optional<TimelinePoint> eventsPeak = events.peak();
        Optional<TimelinePoint> licencePeak = licence.peak();
        if (eventsPeak.isPresent()) {
            TimelinePoint peak = eventsPeak.get();
            String when = peak.periodLabel();
            var candidates = new ArrayList<String>();
            Double licenceThen = peak.licenceValue();
            if (licencePeak.isPresent() && licencePeak.get().periodLabel().equals(when)) {
                candidates.add("Licence value and unrest in " + country + " both peaked in " + when);
                candidates.add("Licences and unrest in " + country + " peaked in " + when);
                candidates.add("Licences and unrest peaked together in " + when);
            } else if (licenceThen != null && licenceThen > 0) {
                candidates.add(country + " received licences as unrest peaked in " + when);
                candidates.add("Licences were issued as unrest in " + country + " peaked");
            } else if (licenceThen != null) {
                candidates.add(country + " received no licences as unrest peaked in " + when);
                candidates.add("No licences were issued as unrest in " + country + " peaked");
            } else if (licencePeak.isPresent()) {
                candidates.add("Unrest in " + country + " peaked in " + when
                        + ", licence value in " + licencePeak.get().periodLabel());
            }
            candidates.add("Unrest in " + country + " peaked in " + when);
            candidates.add("Unrest peaked in " + when);
            return FigureText.headline(candidates);
        }
        String noUnrest = events.available().isEmpty() ? "" : " with no unrest events recorded";
        if (licencePeak.isPresent()) {
            String when = licencePeak.get().periodLabel();
            return FigureText.headline(List.of(
                    "Licence value for " + country + " peaked in " + when + noUnrest,
                    "Licence value for " + country + " peaked in " + when,
                    "Licence value peaked in " + when));
        }
        if (licence.available().isEmpty() && events.available().isEmpty()) {
            return FigureText.headline(List.of(
                    "No licence or unrest figures are available for " + country,
                    "No licence or unrest figures available"));
        }
        return FigureText.headline(List.of(
                "No licence value or unrest events recorded for " + country,
                "No licence value or unrest events recorded"));
    }

    String subtitle() {
        return "Value of licences issued (" + data.currency() + ") and unrest events (number), " + data.countryName()
                + (data.points().isEmpty() ? "" : ", " + periodRange());
    }

    String altText() {
        String country = data.countryName();
        var text = new StringBuilder("Bar and line chart of the value of arms-export licences issued for ")
                .append(country).append(" (bars, ").append(data.currency()).append(", left axis) against civil-unrest events in ").append(country)
                .append(" (dashed line, right axis), by period");
        if (data.points().isEmpty()) {
            return text.append(". No periods have figures. ").append(FigureText.sourceLine(data.source())).toString();
        }
        text.append(", ").append(periodRange()).append(". ");

        text.append(peakSentence("Licence value", licence, value -> FigureText.money(data.currency(), value))).append(' ');
        text.append(peakSentence("Unrest events", events, count -> FigureText.whole(count))).append(' ');

        TimelinePoint latest = data.points().get(data.points().size() - 1);
        text.append("Latest period, ").append(latest.periodLabel()).append(": ")
                .append(latest.licenceValue() == null ? "licence value not available"
                        : FigureText.money(data.currency(), latest.licenceValue()))
                .append(" and ")
                .append(latest.events() == null ? "unrest events not available" : FigureText.events(latest.events()))
                .append(". ");

        var changes = new ArrayList<String>();
        change("licence value", licence, value -> FigureText.money(data.currency(), value), (from, to) -> FigureText.money(data.currency(), Math.abs(to - from)))
                .ifPresent(changes::add);
        change("unrest events", events, count -> FigureText.whole(count), (from, to) -> FigureText.whole(Math.abs(to - from)))
                .ifPresent(changes::add);
        if (!changes.isEmpty()) {
            text.append("Change since the first period with figures: ").append(String.join("; ", changes)).append(". ");
        }

        var missing = new ArrayList<String>();
        if (!licence.missing().isEmpty()) {
            missing.add("licence value in " + FigureText.joined(licence.missing()));
        }
        if (!events.missing().isEmpty()) {
            missing.add("unrest events in " + FigureText.joined(events.missing()));
        }
        if (!missing.isEmpty()) {
            text.append("Not available, so not drawn: ").append(String.join("; ", missing)).append(". ");
        }
        return text.append(FigureText.sourceLine(data.source())).toString();
    }

    JFreeChart build(ChartStyle style) {
        var licenceDataset = new DefaultCategoryDataset();
        var eventsDataset = new DefaultCategoryDataset();
        for (TimelinePoint point : data.points()) {
            // A null stays null in the dataset: the renderers skip it, where 0 would draw a bar or a marker.
            licenceDataset.addValue(point.licenceValue(), licenceSeries(), point.periodLabel());
            eventsDataset.addValue(point.events(), EVENTS_SERIES, point.periodLabel());
        }

        var periodAxis = new CategoryAxis(null);
        var licenceAxis = new NumberAxis("Licence value (" + data.currency() + ")");
        var eventsAxis = new NumberAxis("Unrest events");
        var bars = new BarRenderer();
        var line = new LineAndShapeRenderer(true, true);

        var plot = new CategoryPlot(licenceDataset, periodAxis, licenceAxis, bars);
        plot.setDataset(1, eventsDataset);
        plot.setRangeAxis(1, eventsAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line);
        // The line is drawn over the bars.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No figures for " + data.countryName());

        var chart = new JFreeChart(title(), style.title, plot, false);
        boolean anyLicenceMissing = !licence.missing().isEmpty();
        style.decorate(chart, title(), subtitle(),
                anyLicenceMissing ? FigureText.sourceLine(data.source()) + ". " + NOT_AVAILABLE_NOTE : data.source());

        style.plainPlot(plot);
        // Gridlines follow the left (licence) axis only; two sets of gridlines would not line up.
        plot.setRangeGridlinesVisible(true);

        style.plainCategoryAxis(periodAxis);
        periodAxis.setCategoryMargin(0.25);
        periodAxis.setLowerMargin(0.03);
        periodAxis.setUpperMargin(0.03);
        if (data.points().size() > LEVEL_LABEL_LIMIT) {
            periodAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

        style.plainValueAxis(licenceAxis);
        style.plainValueAxis(eventsAxis);
        // Both axes get the same number of steps, so every gridline reads on the left and on the right.
        var scales = AlignedScale.aligned(licence.maximum(), 1.0, true, events.maximum(), 1.06, true);
        scales.left().applyTo(licenceAxis);
        scales.right().applyTo(eventsAxis);
        // Without a mark, a period with no figure would look exactly like a period with no licences.
        for (String period : licence.missing()) {
            var mark = new CategoryTextAnnotation(NOT_AVAILABLE, period, scales.left().top() * 0.03);
            mark.setFont(style.valueLabel);
            mark.setPaint(ChartStyle.SOURCE_TEXT);
            mark.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(mark);
        }

        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setSeriesPaint(0, ChartStyle.BAR);
        bars.setMaximumBarWidth(0.09);
        bars.setDefaultItemLabelsVisible(false);

        line.setSeriesPaint(0, ChartStyle.LINE);
        line.setSeriesStroke(0, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f));
        line.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        line.setSeriesShapesFilled(0, true);
        line.setUseFillPaint(false);
        line.setDrawOutlines(false);

        var legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(style.legend);
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setBackgroundPaint(java.awt.Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
        legend.setPadding(new RectangleInsets(0, 0, 8, 0));
        // After the subtitle, so the legend sits between the subtitle and the plot.
        chart.addSubtitle(1, legend);
        return chart;
    }

    private String periodRange() {
        List<TimelinePoint> points = data.points();
        String first = points.get(0).periodLabel();
        String last = points.get(points.size() - 1).periodLabel();
        return first.equals(last) ? first : first + " – " + last;
    }

    private static <T extends Number> String peakSentence(String what, Series<T> series, Function<T, String> format) {
        boolean plural = what.endsWith("s");
        if (series.available().isEmpty()) {
            return what + (plural ? " are" : " is") + " not available for any period.";
        }
        Optional<TimelinePoint> peak = series.peak();
        if (peak.isEmpty()) {
            return what + (plural ? " were" : " was") + " zero in every period with figures.";
        }
        T top = series.value(peak.get());
        List<String> when = series.periodsAt(top);
        String sentence = what + " peaked at " + format.apply(top) + " in " + FigureText.joined(when);
        return sentence + (series.available().size() == 1 ? ", the only period with figures." : ".");
    }

    private static <T extends Number> Optional<String> change(String what, Series<T> series, Function<T, String> format,
            DeltaFormat delta) {
        List<TimelinePoint> available = series.available();
        if (available.size() < 2) {
            return Optional.empty();
        }
        TimelinePoint firstPoint = available.get(0);
        TimelinePoint lastPoint = available.get(available.size() - 1);
        T from = series.value(firstPoint);
        T to = series.value(lastPoint);
        double fromValue = from.doubleValue();
        double toValue = to.doubleValue();
        String span = " from " + format.apply(from) + " in " + firstPoint.periodLabel()
                + " to " + format.apply(to) + " in " + lastPoint.periodLabel();
        if (fromValue == toValue) {
            return Optional.of(what + " unchanged at " + format.apply(to) + " in " + firstPoint.periodLabel()
                    + " and " + lastPoint.periodLabel());
        }
        String direction = toValue > fromValue ? " up " : " down ";
        return Optional.of(what + direction + delta.format(fromValue, toValue) + "," + span);
    }

    private interface DeltaFormat {
        String format(double from, double to);
    }

    /** One measure across the periods: which periods have it, which lack it, and where it peaks. */
    private static final class Series<T extends Number> {
        private final List<TimelinePoint> points;
        private final Function<TimelinePoint, T> measure;

        Series(List<TimelinePoint> points, Function<TimelinePoint, T> measure) {
            this.points = points;
            this.measure = measure;
        }

        T value(TimelinePoint point) {
            return measure.apply(point);
        }

        List<TimelinePoint> available() {
            return points.stream().filter(point -> measure.apply(point) != null).toList();
        }

        List<String> missing() {
            return points.stream().filter(point -> measure.apply(point) == null).map(TimelinePoint::periodLabel).toList();
        }

        /** The first period with the highest figure, if that figure is above zero: a peak of nothing is no peak. */
        Optional<TimelinePoint> peak() {
            TimelinePoint best = null;
            for (TimelinePoint point : available()) {
                if (best == null || value(point).doubleValue() > value(best).doubleValue()) {
                    best = point;
                }
            }
            return best == null || value(best).doubleValue() <= 0 ? Optional.empty() : Optional.of(best);
        }

        double maximum() {
            return available().stream().mapToDouble(point -> value(point).doubleValue()).max().orElse(0);
        }

        List<String> periodsAt(T top) {
            return available().stream()
                    .filter(point -> value(point).doubleValue() == top.doubleValue())
                    .map(TimelinePoint::periodLabel)
                    .toList();
        }
    }
}
