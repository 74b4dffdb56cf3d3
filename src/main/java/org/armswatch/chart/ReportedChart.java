package org.armswatch.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Detained and killed as reported, side by side in two panels with axes of their own (thousands detained would flatten
 * dozens killed): the lowest figure reported in the period and the latest, each labelled with its qualifier and date,
 * "≥ 4,400, 8 Jan 2022", so the chart can be quoted as the story quotes it.
 */
final class ReportedChart {

    private final ReportedFigures data;

    ReportedChart(ReportedFigures data) {
        this.data = data;
    }

    static String fileName(String countryCode) {
        return "reported-" + countryCode + ".png";
    }

    private boolean anyIllustrative() {
        return data.figures().stream().anyMatch(ReportedFigures.Quoted::illustrative);
    }

    private List<String> metrics() {
        Set<String> metrics = new LinkedHashSet<>();
        data.figures().forEach(f -> metrics.add(f.metric()));
        return List.copyOf(metrics);
    }

    String title() {
        String what = String.join(
                " and ", metrics().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList());
        String whatCap =
                what.isEmpty() ? "Reported figures" : Character.toUpperCase(what.charAt(0)) + what.substring(1);
        return FigureText.headline(List.of(
                whatCap + " in " + data.countryName() + " as reported, " + data.periodLabel(),
                whatCap + " as reported, " + data.periodLabel(),
                whatCap + " as reported"));
    }

    String subtitle() {
        return "Lowest and latest figures reported, " + data.countryName() + ", " + data.periodLabel()
                + " (number; ≥ at least, ~ about, ≤ up to)"
                + (anyIllustrative() ? ". Includes illustrative figures [i], not real data" : "");
    }

    String altText() {
        var text = new StringBuilder("Bar chart in ")
                .append(metrics().size() == 1 ? "one panel" : metrics().size() + " panels")
                .append(" of ")
                .append(String.join(
                        " and ",
                        metrics().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList()))
                .append(" in ")
                .append(data.countryName())
                .append(" in ")
                .append(data.periodLabel())
                .append(" as reported: the lowest figure reported in the period and the latest. ");
        for (String metric : metrics()) {
            List<String> parts = new ArrayList<>();
            for (ReportedFigures.Quoted q : data.figures()) {
                if (!q.metric().equals(metric)) continue;
                parts.add(q.which().toLowerCase(Locale.ROOT) + " " + words(q) + " (" + q.reportedOn() + ", "
                        + q.source() + ")" + (q.illustrative() ? ", illustrative, not real data" : ""));
            }
            text.append(metric).append(": ").append(String.join("; ", parts)).append(". ");
        }
        return text.append(FigureText.sourceLine(data.source())).toString();
    }

    /** "at least 4,400", "about 9,900": the qualifier in words, as alt text reads aloud. */
    private static String words(ReportedFigures.Quoted q) {
        String n = FigureText.whole(q.value());
        return switch (q.mark().strip()) {
            case "≥" -> "at least " + n;
            case "~" -> "about " + n;
            case "≤" -> "up to " + n;
            default -> n;
        };
    }

    JFreeChart build(ChartStyle style) {
        var categories = new CategoryAxis(null);
        var plot = new CombinedDomainCategoryPlot(categories);
        List<BarRenderer> renderers = new ArrayList<>();
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(48);
        for (String metric : metrics()) {
            var dataset = new DefaultCategoryDataset();
            List<ReportedFigures.Quoted> quoted = data.figures().stream()
                    .filter(f -> f.metric().equals(metric))
                    .toList();
            for (ReportedFigures.Quoted q : quoted) dataset.addValue(q.value(), metric, q.which());
            var axis = new NumberAxis(metric + " (number)");
            style.plainValueAxis(axis);
            // Room right of the longest bar for its label, "~ 9,900, 11 Jan 2022".
            axis.setUpperMargin(1.1);
            var renderer = new BarRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDrawBarOutline(false);
            renderers.add(renderer);
            renderer.setMaximumBarWidth(0.25);
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
                @Override
                public String generateLabel(CategoryDataset d, int row, int column) {
                    ReportedFigures.Quoted q = quoted.get(column);
                    return q.mark() + FigureText.whole(q.value()) + (q.illustrative() ? " [i]" : "") + ", "
                            + q.reportedOn();
                }
            });
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(style.valueLabel);
            renderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            renderer.setItemLabelAnchorOffset(4);
            var sub = new CategoryPlot(dataset, null, axis, renderer);
            style.plainPlot(sub);
            sub.setRangeGridlinesVisible(false);
            sub.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
            plot.add(sub, 1);
        }
        style.plainCategoryAxis(categories);
        categories.setCategoryMargin(0.3);
        var chart = new JFreeChart(title(), style.title, plot, false);
        style.decorate(chart, title(), subtitle(), data.source());
        // After the theme, which would give each panel a colour of its own palette: the desk's blue, and red for
        // deaths.
        for (int i = 0; i < renderers.size(); i++) {
            renderers.get(i).setSeriesPaint(0, metrics().get(i).equals("Killed") ? ChartStyle.LINE : ChartStyle.BAR);
            renderers.get(i).setDefaultItemLabelPaint(ChartStyle.TEXT);
            renderers.get(i).setDefaultItemLabelFont(style.valueLabel);
        }
        return chart;
    }
}
