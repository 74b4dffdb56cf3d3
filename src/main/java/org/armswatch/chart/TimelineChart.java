package org.armswatch.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.function.Predicate;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.SimpleTimePeriod;
import org.jfree.data.time.TimePeriodValues;
import org.jfree.data.time.TimePeriodValuesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Licence value (bars, left axis) against unrest events (dashed, marked line, right axis) on a real time axis: a year's
 * licences are a bar as wide as the year, a quarter's as wide as the quarter, and a period without unrest figures
 * breaks the line, so no gap is hidden and no year is squeezed beside quarters. Bars of figures reported for a whole
 * year are hollow, so that their height (a year's worth) is not read against a quarter's.
 *
 * <p>A headline states a finding only from real figures and only where it is unique: a peak shared by two periods is no
 * peak, a peak among bars of different lengths is no peak, and a peak that is illustrative (not real data) is not
 * named; the subtitle then says such figures are there.
 */
final class TimelineChart {

    static final String EVENTS_SERIES = "Unrest events (line, right axis)";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final CountryTimeline data;
    private final List<TimelinePoint> licences;
    private final List<TimelinePoint> events;

    TimelineChart(CountryTimeline data) {
        this.data = data;
        this.licences =
                data.points().stream().filter(p -> p.licenceValue() != null).toList();
        this.events = data.points().stream().filter(p -> p.events() != null).toList();
    }

    static String fileName(String countryCode) {
        return CountryTimeline.ALL.equals(countryCode) ? "trend.png" : "timeline-" + countryCode + ".png";
    }

    /** The bars' series names, which the legend shows: figures for whole years apart from shorter ones. */
    String licenceSeries(boolean yearly) {
        if (yearly) return "Licence value, whole years (" + data.currency() + ", hollow bars, left axis)";
        String by = licences.stream()
                .map(p -> p.period().granularity())
                .filter(g -> g != Granularity.YEAR)
                .min(Comparator.naturalOrder())
                .map(g -> g.name().toLowerCase(Locale.ROOT))
                .orElse("period");
        return "Licence value by " + by + " (" + data.currency() + ", left axis)";
    }

    private boolean anyIllustrative() {
        return licences.stream().anyMatch(TimelinePoint::licenceIllustrative)
                || events.stream().anyMatch(TimelinePoint::eventsIllustrative);
    }

    String title() {
        String place = data.countryName();
        String in = data.trend() ? "" : " in " + place;
        Optional<TimelinePoint> eventsPeak =
                headlinePeak(events, p -> p.events().doubleValue(), TimelinePoint::eventsIllustrative);
        Optional<TimelinePoint> licencePeak =
                headlinePeak(licences, TimelinePoint::licenceValue, TimelinePoint::licenceIllustrative);
        var candidates = new ArrayList<String>();
        if (eventsPeak.isPresent()) {
            Period peak = eventsPeak.get().period();
            String when = peak.label();
            // Every licence figure of the peak's time counts (a year of unrest spans four quarters of licences):
            // "received no licences" only where all of them are real and zero.
            List<TimelinePoint> licencesThen =
                    licences.stream().filter(p -> overlaps(p.period(), peak)).toList();
            boolean realLicencesThen =
                    licencesThen.stream().anyMatch(p -> !p.licenceIllustrative() && p.licenceValue() > 0);
            boolean noLicencesThen = !licencesThen.isEmpty()
                    && licencesThen.stream().allMatch(p -> !p.licenceIllustrative() && p.licenceValue() == 0);
            if (licencePeak.isPresent() && overlaps(licencePeak.get().period(), peak)) {
                candidates.add("Licence value and unrest" + in + " both peaked in " + when);
                candidates.add("Licences and unrest peaked together in " + when);
            } else if (realLicencesThen) {
                candidates.add((data.trend() ? "Licences were issued" : place + " received licences")
                        + " as unrest peaked in " + when);
            } else if (noLicencesThen) {
                candidates.add((data.trend() ? "No licences were issued" : place + " received no licences")
                        + " as unrest peaked in " + when);
            }
            candidates.add("Unrest" + in + " peaked in " + when);
            candidates.add("Unrest peaked in " + when);
            return FigureText.headline(candidates);
        }
        if (licencePeak.isPresent()) {
            String when = licencePeak.get().period().label();
            return FigureText.headline(List.of(
                    "Licence value" + (data.trend() ? "" : " for " + place) + " peaked in " + when,
                    "Licence value peaked in " + when));
        }
        if (data.points().isEmpty()) {
            return FigureText.headline(List.of(
                    "No licence or unrest figures are available for " + place,
                    "No licence or unrest figures available"));
        }
        // Nothing real and unique to state: the chart says what it shows, not what it finds.
        return FigureText.headline(List.of(
                "Licence value and unrest events" + in + ", " + span(),
                "Licences and unrest" + in + ", " + span(),
                "Licences and unrest, " + span()));
    }

    String subtitle() {
        return "Value of licences issued (" + data.currency() + ") and unrest events (number), " + data.countryName()
                + (data.points().isEmpty() ? "" : ", " + span())
                + (anyIllustrative() ? ". Includes illustrative figures [i], not real data" : "");
    }

    String altText() {
        String place = data.countryName();
        var text = new StringBuilder("Bar and line chart on a time axis of the value of arms-export licences issued")
                .append(data.trend() ? " for all destinations" : " for " + place)
                .append(" (bars, ")
                .append(data.currency())
                .append(", left axis) against civil-unrest events")
                .append(data.trend() ? "" : " in " + place)
                .append(" (dashed line, right axis)");
        if (data.points().isEmpty()) {
            return text.append(". No periods have figures. ")
                    .append(FigureText.sourceLine(data.source()))
                    .toString();
        }
        text.append(", ").append(span()).append(". ");
        if (anyIllustrative()) {
            text.append("Some figures are illustrative, not real data: ")
                    .append(licences.stream().anyMatch(TimelinePoint::licenceIllustrative) ? "licence values" : "")
                    .append(
                            licences.stream().anyMatch(TimelinePoint::licenceIllustrative)
                                            && events.stream().anyMatch(TimelinePoint::eventsIllustrative)
                                    ? " and "
                                    : "")
                    .append(events.stream().anyMatch(TimelinePoint::eventsIllustrative) ? "unrest events" : "")
                    .append(". ");
        }
        text.append(peakSentence(
                        "Licence value",
                        licences,
                        TimelinePoint::licenceValue,
                        v -> FigureText.money(data.currency(), v)))
                .append(' ');
        text.append(peakSentence("Unrest events", events, p -> p.events().doubleValue(), v -> FigureText.whole(v)))
                .append(' ');
        if (!licences.isEmpty()) {
            TimelinePoint last = licences.get(licences.size() - 1);
            text.append("Latest licence figure, ")
                    .append(last.periodLabel())
                    .append(": ")
                    .append(FigureText.money(data.currency(), last.licenceValue()))
                    .append(". ");
        }
        if (!events.isEmpty()) {
            TimelinePoint last = events.get(events.size() - 1);
            text.append("Latest unrest figure, ")
                    .append(last.periodLabel())
                    .append(": ")
                    .append(FigureText.events(last.events()))
                    .append(". ");
        }
        var changes = new ArrayList<String>();
        change("licence value", licences, TimelinePoint::licenceValue, v -> FigureText.money(data.currency(), v))
                .ifPresent(changes::add);
        change("unrest events", events, p -> p.events().doubleValue(), v -> FigureText.whole(v))
                .ifPresent(changes::add);
        if (!changes.isEmpty()) {
            text.append("Change from the first to the latest figure: ")
                    .append(String.join("; ", changes))
                    .append(". ");
        }
        List<String> gaps = gaps().stream().map(Period::label).toList();
        if (!gaps.isEmpty()) {
            text.append("No unrest figures for ")
                    .append(FigureText.joined(gaps))
                    .append(": the line breaks there. ");
        }
        return text.append(FigureText.sourceLine(data.source())).toString();
    }

    JFreeChart build(ChartStyle style) {
        var wholeYears = new TimePeriodValues(licenceSeries(true));
        var shorter = new TimePeriodValues(licenceSeries(false));
        for (TimelinePoint p : licences) {
            (p.period().granularity() == Granularity.YEAR ? wholeYears : shorter)
                    .add(timePeriod(p.period()), p.licenceValue());
        }
        var bars = new TimePeriodValuesCollection();
        bars.addSeries(shorter);
        bars.addSeries(wholeYears);
        // The line: a point at the middle of each period, and a gap (NaN) where a period between has no figure.
        var line = new XYSeries(EVENTS_SERIES, true, false);
        List<Period> gaps = gaps();
        for (TimelinePoint p : events) line.add(middle(p.period()), p.events().doubleValue());
        for (Period gap : gaps) line.add(middle(gap), Double.NaN);
        var lines = new XYSeriesCollection(line);

        var timeAxis = new DateAxis(null);
        timeAxis.setTimeZone(UTC);
        timeAxis.setLocale(Locale.UK);
        timeAxis.setStandardTickUnits(DateAxis.createStandardDateTickUnits(UTC, Locale.UK));
        var licenceAxis = new NumberAxis("Licence value (" + data.currency() + ")");
        var eventsAxis = new NumberAxis("Unrest events");
        var barRenderer = new XYBarRenderer(0.08);
        var lineRenderer = new XYLineAndShapeRenderer(true, true);

        var plot = new XYPlot(bars, timeAxis, licenceAxis, barRenderer);
        plot.setDataset(1, lines);
        plot.setRangeAxis(1, eventsAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No figures for " + data.countryName());

        var chart = new JFreeChart(title(), style.title, plot, false);
        style.decorate(chart, title(), subtitle(), data.source());
        style.plainPlot(plot);
        plot.setRangeGridlinesVisible(true);
        style.plainDateAxis(timeAxis);
        if (!data.points().isEmpty()) {
            LocalDate first = data.points().stream()
                    .map(p -> p.period().start())
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            LocalDate last = data.points().stream()
                    .map(p -> p.period().end())
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            // A little room either side, so the first and last bars are not cut by the plot's edge.
            long days = Math.max(30, last.toEpochDay() - first.toEpochDay());
            timeAxis.setRange(date(first.minusDays(days / 40)), date(last.plusDays(days / 40 + 1)));
        }
        style.plainValueAxis(licenceAxis);
        style.plainValueAxis(eventsAxis);
        double licenceMax =
                licences.stream().mapToDouble(TimelinePoint::licenceValue).max().orElse(0);
        double eventsMax =
                events.stream().mapToDouble(p -> p.events().doubleValue()).max().orElse(0);
        var scales = AlignedScale.aligned(licenceMax, 1.0, true, eventsMax, 1.06, true);
        scales.left().applyTo(licenceAxis);
        scales.right().applyTo(eventsAxis);

        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, ChartStyle.BAR);
        barRenderer.setDrawBarOutline(true);
        barRenderer.setSeriesOutlinePaint(0, ChartStyle.BAR);
        // A whole year's bar: hollow, in the same blue, so shape and not colour alone tells it apart.
        barRenderer.setSeriesPaint(1, Color.WHITE);
        barRenderer.setSeriesOutlinePaint(1, ChartStyle.BAR);
        barRenderer.setSeriesOutlineStroke(1, new BasicStroke(2f));
        barRenderer.setSeriesVisibleInLegend(1, !wholeYears.isEmpty());
        barRenderer.setSeriesVisibleInLegend(0, !shorter.isEmpty());

        lineRenderer.setSeriesPaint(0, ChartStyle.LINE);
        lineRenderer.setSeriesStroke(
                0, new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        lineRenderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        lineRenderer.setSeriesShapesFilled(0, true);
        lineRenderer.setDrawOutlines(false);
        lineRenderer.setDrawSeriesLineAsPath(false);

        var legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(style.legend);
        legend.setItemPaint(ChartStyle.TEXT);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
        legend.setPadding(new RectangleInsets(0, 0, 8, 0));
        chart.addSubtitle(1, legend);
        return chart;
    }

    /** The periods between the first and the last unrest figure, at the figures' own length, that have none. */
    List<Period> gaps() {
        List<Period> gaps = new ArrayList<>();
        if (events.size() < 2) return gaps;
        Granularity g = events.get(0).period().granularity();
        if (events.stream().anyMatch(p -> p.period().granularity() != g)) return gaps;
        List<String> have = events.stream().map(p -> p.period().iso()).toList();
        Period p = events.get(0).period();
        Period last = events.get(events.size() - 1).period();
        while (p.compareTo(last) < 0) {
            p = next(p);
            if (!have.contains(p.iso())) gaps.add(p);
        }
        return gaps;
    }

    private static Period next(Period p) {
        LocalDate start = switch (p.granularity()) {
            case DAY -> p.start().plusDays(1);
            case MONTH -> p.start().plusMonths(1);
            case QUARTER -> p.start().plusMonths(3);
            case YEAR -> p.start().plusYears(1);
        };
        return new Period(p.granularity(), start);
    }

    /** "2012 – Oct to Dec 2023": from the first figure's period to the last one's. */
    private String span() {
        Period first = data.points().stream()
                .map(TimelinePoint::period)
                .min(Comparator.comparing(Period::start))
                .orElseThrow();
        Period last = data.points().stream()
                .map(TimelinePoint::period)
                .max(Comparator.comparing(Period::end))
                .orElseThrow();
        return first.equals(last) ? first.label() : first.label() + " – " + last.label();
    }

    private static boolean overlaps(Period a, Period b) {
        return !a.end().isBefore(b.start()) && !b.end().isBefore(a.start());
    }

    private static SimpleTimePeriod timePeriod(Period p) {
        return new SimpleTimePeriod(
                date(p.start()), new Date(date(p.end().plusDays(1)).getTime() - 1));
    }

    private static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static double middle(Period p) {
        return (date(p.start()).getTime() + date(p.end().plusDays(1)).getTime()) / 2.0;
    }

    /** The point with the highest figure, if above zero and reached by that point alone: a shared top is no peak. */
    /**
     * The peak a headline may name: the highest point of all drawn, alone at the top, resting on real figures, and
     * compared only with points of its own length (a year's total always outgrows a quarter's). Taking the highest of
     * the real points instead would headline a peak that a taller illustrative bar beside it contradicts.
     */
    static Optional<TimelinePoint> headlinePeak(
            List<TimelinePoint> points, Function<TimelinePoint, Double> value, Predicate<TimelinePoint> illustrative) {
        if (points.stream().map(p -> p.period().granularity()).distinct().count() > 1) return Optional.empty();
        return uniquePeak(points, value).filter(illustrative.negate());
    }

    static Optional<TimelinePoint> uniquePeak(List<TimelinePoint> points, Function<TimelinePoint, Double> value) {
        TimelinePoint best = null;
        boolean tied = false;
        for (TimelinePoint p : points) {
            double v = value.apply(p);
            if (best == null || v > value.apply(best)) {
                best = p;
                tied = false;
            } else if (v == value.apply(best)) {
                tied = true;
            }
        }
        return best == null || tied || value.apply(best) <= 0 ? Optional.empty() : Optional.of(best);
    }

    private static String peakSentence(
            String what,
            List<TimelinePoint> points,
            Function<TimelinePoint, Double> value,
            Function<Double, String> format) {
        boolean plural = what.endsWith("s");
        if (points.isEmpty()) return what + (plural ? " are" : " is") + " not available for any period.";
        double top = points.stream().mapToDouble(value::apply).max().orElse(0);
        if (top <= 0) return what + (plural ? " were" : " was") + " zero in every period with figures.";
        List<String> when = points.stream()
                .filter(p -> value.apply(p) == top)
                .map(TimelinePoint::periodLabel)
                .toList();
        return what + (when.size() == 1 ? " peaked at " : " was highest, at ") + format.apply(top) + ", in "
                + FigureText.joined(when) + (points.size() == 1 ? ", the only period with figures." : ".");
    }

    private static Optional<String> change(
            String what,
            List<TimelinePoint> points,
            Function<TimelinePoint, Double> value,
            Function<Double, String> format) {
        if (points.size() < 2) return Optional.empty();
        TimelinePoint first = points.get(0);
        TimelinePoint last = points.get(points.size() - 1);
        double from = value.apply(first);
        double to = value.apply(last);
        String span = " from " + format.apply(from) + " in " + first.periodLabel() + " to " + format.apply(to) + " in "
                + last.periodLabel();
        if (from == to) {
            return Optional.of(what + " unchanged at " + format.apply(to) + " in " + first.periodLabel() + " and "
                    + last.periodLabel());
        }
        return Optional.of(what + (to > from ? " up " : " down ") + format.apply(Math.abs(to - from)) + "," + span);
    }
}
