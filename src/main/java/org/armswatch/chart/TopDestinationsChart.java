package org.armswatch.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal bars of licence value by destination, largest at the top, each bar labelled with its value. The value axis
 * is hidden with its gridlines: every bar carries its number, and the desk's rule allows horizontal gridlines only,
 * which a horizontal bar chart's value axis cannot give.
 */
final class TopDestinationsChart {

    static final String FILE_NAME = "top-destinations.png";

    private final TopDestinations data;
    private final List<DestinationValue> ranked;

    TopDestinationsChart(TopDestinations data) {
        this.data = data;
        // The caller sorts already; sorting again (stable, so ties keep the caller's order) makes the headline safe.
        var sorted = new ArrayList<>(data.destinations());
        sorted.sort(Comparator.comparingDouble(DestinationValue::value).reversed());
        this.ranked = List.copyOf(sorted);
    }

    /** The bars' series name. */
    private String series() {
        return "Licence value (" + data.currency() + ")";
    }

    private boolean anyIllustrative() {
        return ranked.stream().anyMatch(DestinationValue::illustrative);
    }

    String title() {
        String period = data.periodLabel();
        // A ranking that an illustrative value decides is no finding: the chart then says what it shows.
        boolean decidedByIllustrative = !ranked.isEmpty()
                && (ranked.get(0).illustrative()
                        || ranked.size() > 1 && ranked.get(1).illustrative());
        if (decidedByIllustrative) {
            return FigureText.headline(
                    List.of("Top destinations by licence value in " + period, "Top destinations by licence value"));
        }
        if (ranked.isEmpty() || ranked.get(0).value() == 0) {
            return FigureText.headline(List.of(
                    "No licence value was recorded for any destination in " + period,
                    "No licence value was recorded in " + period,
                    "No licence value in " + period));
        }
        String top = ranked.get(0).country();
        if (ranked.size() > 1 && ranked.get(1).value() == ranked.get(0).value()) {
            String second = ranked.get(1).country();
            return FigureText.headline(List.of(
                    top + " and " + second + " tied as top destinations by licence value in " + period,
                    top + " and " + second + " tied as top destinations in " + period,
                    top + " and " + second + " tied in " + period,
                    "Two destinations tied for the top in " + period));
        }
        return FigureText.headline(List.of(
                top + " was the top destination by licence value in " + period,
                top + " led licence value in " + period,
                top + " led in " + period,
                top + " led"));
    }

    String subtitle() {
        String scope = switch (ranked.size()) {
            case 0 -> "";
            case 1 -> "top destination, ";
            default -> "top " + ranked.size() + " destinations, ";
        };
        return "Value of licences issued, " + data.currency() + ", " + scope + data.periodLabel()
                + (anyIllustrative() ? ". Includes illustrative figures [i], not real data" : "");
    }

    String altText() {
        String period = data.periodLabel();
        var text = new StringBuilder();
        if (ranked.isEmpty()) {
            text.append("Bar chart of the value of arms-export licences issued in ")
                    .append(period)
                    .append(" by destination. No destination had licences in this period.");
        } else {
            text.append("Bar chart of the value of arms-export licences issued in ")
                    .append(period)
                    .append(" for the ")
                    .append(ranked.size() == 1 ? "top destination" : "top " + ranked.size() + " destinations")
                    .append(", largest first. ");
            List<String> illustrative = ranked.stream()
                    .filter(DestinationValue::illustrative)
                    .map(DestinationValue::country)
                    .toList();
            if (!illustrative.isEmpty()) {
                text.append("The values of ")
                        .append(FigureText.joined(illustrative))
                        .append(" are illustrative, not real data. ");
            }
            DestinationValue top = ranked.get(0);
            text.append(top.country())
                    .append(ranked.size() == 1 ? " received " : " is highest at ")
                    .append(FigureText.money(data.currency(), top.value()));
            if (ranked.size() > 2) {
                var middle = new ArrayList<String>();
                for (DestinationValue destination : ranked.subList(1, ranked.size() - 1)) {
                    middle.add(destination.country() + " at " + FigureText.money(data.currency(), destination.value()));
                }
                text.append("; then ").append(String.join(", ", middle));
            }
            if (ranked.size() > 1) {
                DestinationValue last = ranked.get(ranked.size() - 1);
                text.append("; ")
                        .append(last.country())
                        .append(" is lowest at ")
                        .append(FigureText.money(data.currency(), last.value()));
            }
            text.append('.');
            if (ranked.size() > 1) {
                DestinationValue second = ranked.get(1);
                if (second.value() > 0 && top.value() > second.value()) {
                    text.append(' ')
                            .append(top.country())
                            .append(" received ")
                            .append(String.format(Locale.ROOT, "%.1f", top.value() / second.value()))
                            .append(" times as much as ")
                            .append(second.country())
                            .append(", the second.");
                }
                double total =
                        ranked.stream().mapToDouble(DestinationValue::value).sum();
                text.append(" Together these destinations received ")
                        .append(FigureText.money(data.currency(), total))
                        .append('.');
            }
        }
        text.append(' ').append(FigureText.sourceLine(data.source()));
        return text.toString();
    }

    JFreeChart build(ChartStyle style) {
        var dataset = new DefaultCategoryDataset();
        for (DestinationValue destination : ranked) {
            dataset.addValue(destination.value(), series(), destination.country());
        }

        var countryAxis = new CategoryAxis(null);
        var valueAxis = new NumberAxis(null);
        var renderer = new BarRenderer();
        // Horizontal orientation lists the first category at the top, so largest-first data reads top-down.
        var plot = new CategoryPlot(dataset, countryAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setNoDataMessage("No licences in " + data.periodLabel());

        var chart = new JFreeChart(title(), style.title, plot, false);
        style.decorate(chart, title(), subtitle(), data.source());

        style.plainPlot(plot);
        plot.setRangeGridlinesVisible(false);

        style.plainCategoryAxis(countryAxis);
        countryAxis.setCategoryMargin(0.3);
        countryAxis.setLowerMargin(0.02);
        countryAxis.setUpperMargin(0.02);
        countryAxis.setMaximumCategoryLabelWidthRatio(0.3f);

        style.plainValueAxis(valueAxis);
        valueAxis.setVisible(false);
        // Room right of the longest bar for its label.
        valueAxis.setUpperMargin(0.22);
        if (ranked.isEmpty() || ranked.get(0).value() == 0) {
            valueAxis.setAutoRange(false);
            valueAxis.setRange(0, 1);
            // A baseline under no bars reads as a broken chart; the no-data message says it all.
            plot.setRangeZeroBaselineVisible(false);
        }

        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, ChartStyle.BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator("{2}", FigureText.wholeNumberFormat()) {
                    @Override
                    public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                        // An illustrative value says so on its bar, not only in the subtitle.
                        return super.generateLabel(dataset, row, column)
                                + (ranked.get(column).illustrative() ? " [i]" : "");
                    }
                });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(style.valueLabel);
        renderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        return chart;
    }
}
