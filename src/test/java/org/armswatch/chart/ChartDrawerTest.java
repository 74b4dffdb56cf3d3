package org.armswatch.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.armswatch.period.Period;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartDrawerTest {

    private static final String FONT = "DejaVu Sans";

    @TempDir
    Path charts;

    private final ChartDrawer drawer = new ChartDrawer();

    @Test
    void eachChartIsAlsoAnSvgThatParsesAsXmlWithItsTitleAsTextAndItsAltText() throws Exception {
        for (DrawnChart drawn :
                List.of(drawer.drawTopDestinations(topFive(), charts), drawer.drawTimeline(kazakhstan(), charts))) {
            assertThat(drawn.svgFileName()).isEqualTo(drawn.fileName().replace(".png", ".svg"));
            Path svg = charts.resolve(drawn.svgFileName());
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(svg.toFile());
            var root = doc.getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("svg");
            assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 450");
            assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                    .isEqualTo(drawn.title());
            assertThat(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                    .isEqualTo(drawn.altText());
            // The chart's words are SVG text, not outlines: the headline's first word and the source line are there.
            var texts = doc.getElementsByTagNameNS("*", "text");
            StringBuilder drawnText = new StringBuilder();
            for (int i = 0; i < texts.getLength(); i++)
                drawnText.append(texts.item(i).getTextContent()).append(' ');
            assertThat(drawnText.toString())
                    .contains(drawn.title().split(" ")[0])
                    .contains("Source:");
            // Axis labels too, rotated ones included: JFreeChart's TextLayout workaround made them glyph outlines.
            List<String> labels = drawn.fileName().startsWith("timeline")
                    ? List.of("2021", "2022", "Licence value (EUR)", "Unrest events")
                    : topFive().destinations().stream()
                            .map(DestinationValue::country)
                            .toList();
            // A label wrapped over two lines is two text elements.
            assertThat(drawnText.toString().replaceAll("\\s+", " ")).contains(labels);
            assertThat(Files.size(svg)).as("text, not outlines").isLessThan(60_000);
            assertThat(Files.readString(svg))
                    .contains("DejaVu Sans")
                    .doesNotContain("<!DOCTYPE")
                    .doesNotContain("Dialog");
        }
    }

    @Test
    void rotatedAxisLabelsAreSvgTextNotOutlines() throws Exception {
        List<TimelinePoint> points = new java.util.ArrayList<>();
        for (int year = 2019; year <= 2023; year++) {
            for (int q = 1; q <= 4; q++) {
                points.add(p(year + "-Q" + q, 100_000d * (points.size() + 1), (long) points.size()));
            }
        }
        DrawnChart drawn =
                drawer.drawTimeline(new CountryTimeline("KZ", "Kazakhstan", "EUR", points, "Register; ACLED"), charts);
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var texts = factory.newDocumentBuilder()
                .parse(charts.resolve(drawn.svgFileName()).toFile())
                .getElementsByTagNameNS("*", "text");
        StringBuilder drawnText = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++)
            drawnText.append(texts.item(i).getTextContent()).append(' ');
        // The axis labels are drawn rotated; the time axis names its years.
        assertThat(drawnText.toString().replaceAll("\\s+", " "))
                .contains("Licence value (EUR)", "Unrest events", "2019", "2021", "2023");
        // JFreeChart's TextLayout workaround gave the Graphics2D glyph outlines: 400 KB of paths a chart.
        assertThat(Files.size(charts.resolve(drawn.svgFileName()))).isLessThan(60_000);
    }

    @Test
    void theSameChartDrawnTwiceGivesTheSameSvgBytes() throws IOException {
        Path other = charts.resolve("again");
        DrawnChart first = drawer.drawTimeline(kazakhstan(), charts);
        drawer.drawTimeline(kazakhstan(), other);
        assertThat(Files.readAllBytes(other.resolve(first.svgFileName())))
                .isEqualTo(Files.readAllBytes(charts.resolve(first.svgFileName())));
    }

    @Test
    void topDestinationsIsA1280By900PngWithTitleOnWhite() throws IOException {
        DrawnChart drawn = drawer.drawTopDestinations(topFive(), charts);

        assertThat(drawn.fileName()).isEqualTo("top-destinations.png");
        assertThat(drawn.widthPx()).isEqualTo(1280);
        assertThat(drawn.heightPx()).isEqualTo(900);
        BufferedImage image = ImageIO.read(charts.resolve(drawn.fileName()).toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(darkPixels(image, 0, 110))
                .as("headline drawn in the top rows")
                .isGreaterThan(500);
        assertThat(isWhite(image.getRGB(0, 0))).isTrue();
        assertThat(isWhite(image.getRGB(1279, 0))).isTrue();
        assertThat(isWhite(image.getRGB(1279, 899))).isTrue();
        // Right of the shortest bar, inside the plot: no plot background.
        assertThat(isWhite(image.getRGB(1200, 780))).isTrue();
        assertThat(countColour(image, ChartStyle.BAR)).as("bars in bbplot blue").isGreaterThan(10_000);
        assertThat(darkPixels(image, 840, 900))
                .as("source line drawn at the foot")
                .isGreaterThan(50);
    }

    @Test
    void timelineIsA1280By900PngWithTitleBarsAndLineOnWhite() throws IOException {
        DrawnChart drawn = drawer.drawTimeline(kazakhstan(), charts);

        assertThat(drawn.fileName()).isEqualTo("timeline-KZ.png");
        BufferedImage image = ImageIO.read(charts.resolve("timeline-KZ.png").toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(darkPixels(image, 0, 110)).isGreaterThan(500);
        assertThat(isWhite(image.getRGB(0, 0))).isTrue();
        assertThat(isWhite(image.getRGB(1279, 899))).isTrue();
        assertThat(countColour(image, ChartStyle.BAR)).isGreaterThan(10_000);
        assertThat(countColour(image, ChartStyle.LINE)).isGreaterThan(500);
    }

    @Test
    void sameDataGivesSameBytesWithoutTimeOrTextChunks() throws IOException {
        drawer.drawTopDestinations(topFive(), charts.resolve("first"));
        drawer.drawTopDestinations(topFive(), charts.resolve("second"));
        drawer.drawTimeline(kazakhstan(), charts.resolve("first"));
        new ChartDrawer().drawTimeline(kazakhstan(), charts.resolve("second"));

        for (String name : List.of("top-destinations.png", "timeline-KZ.png")) {
            byte[] first = Files.readAllBytes(charts.resolve("first").resolve(name));
            byte[] second = Files.readAllBytes(charts.resolve("second").resolve(name));
            assertThat(first).isEqualTo(second);
            assertThat(pngChunkTypes(first))
                    .startsWith("IHDR")
                    .endsWith("IEND")
                    .doesNotContain("tIME", "tEXt", "iTXt", "zTXt");
        }
    }

    @Test
    void createsTheChartsFolderAndLeavesNoPartialFile() throws IOException {
        Path nested = charts.resolve("run/2024-05-01/charts");

        drawer.drawTimeline(kazakhstan(), nested);

        try (var files = Files.list(nested)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("timeline-KZ.png", "timeline-KZ.svg");
        }
    }

    @Test
    void topDestinationsWordsComeFromTheNumbers() throws IOException {
        DrawnChart drawn = drawer.drawTopDestinations(topFive(), charts);

        assertThat(drawn.title()).isEqualTo("Kazakhstan was the top destination by licence value in 2021");
        assertThat(drawn.subtitle()).isEqualTo("Value of licences issued, EUR, top 5 destinations, 2021");
        assertThat(drawn.altText())
                .startsWith("Bar chart of the value of arms-export licences issued in 2021 for the top 5 destinations")
                .contains("Kazakhstan is highest at EUR 2,200,000")
                .contains("Chad is lowest at EUR 12,500")
                .contains("Kazakhstan received 2.0 times as much as Saudi Arabia")
                .contains("Together these destinations received EUR 4,012,500")
                .endsWith("Source: Export licence register");
    }

    @Test
    void topDestinationsAreRankedEvenIfGivenOutOfOrder() throws IOException {
        var shuffled = new TopDestinations(
                "2021",
                "EUR",
                List.of(new DestinationValue("Chad", 12_500), new DestinationValue("Kazakhstan", 2_200_000)),
                "Register");

        DrawnChart drawn = drawer.drawTopDestinations(shuffled, charts);

        assertThat(drawn.title()).startsWith("Kazakhstan ");
        var plot = (CategoryPlot)
                new TopDestinationsChart(shuffled).build(new ChartStyle()).getPlot();
        assertThat(plot.getCategories()).containsExactly("Kazakhstan", "Chad");
    }

    @Test
    void tiedTopDestinationsAreNamedTogether() throws IOException {
        var tied = new TopDestinations(
                "2022",
                "EUR",
                List.of(
                        new DestinationValue("Chad", 500_000),
                        new DestinationValue("Mali", 500_000),
                        new DestinationValue("Niger", 1_000)),
                "Register");

        assertThat(drawer.drawTopDestinations(tied, charts).title())
                .isEqualTo("Chad and Mali tied as top destinations by licence value in 2022");
    }

    @Test
    void noDestinationsStillDrawsAChartThatSaysSo() throws IOException {
        DrawnChart drawn = drawer.drawTopDestinations(
                new TopDestinations("Jan to Mar 2022", "EUR", List.of(), "Register"), charts);

        assertThat(drawn.title()).isEqualTo("No licence value was recorded in Jan to Mar 2022");
        assertThat(drawn.altText()).contains("No destination had licences in this period");
        assertThat(charts.resolve("top-destinations.png")).isRegularFile();
    }

    @Test
    void aTimelineWithoutPeriodsStillDrawsAndSaysSo() throws IOException {
        DrawnChart drawn = drawer.drawTimeline(new CountryTimeline("ML", "Mali", "EUR", List.of(), "Register"), charts);

        assertThat(drawn.title()).isEqualTo("No licence or unrest figures are available for Mali");
        assertThat(drawn.altText()).contains("No periods have figures.");
        assertThat(ImageIO.read(charts.resolve("timeline-ML.png").toFile()).getWidth())
                .isEqualTo(1280);
    }

    @Test
    void timelineAltTextNamesPeaksLatestAndChange() throws IOException {
        DrawnChart drawn = drawer.drawTimeline(kazakhstan(), charts);

        assertThat(drawn.title()).isEqualTo("Kazakhstan received licences as unrest peaked in Jan to Mar 2022");
        assertThat(drawn.subtitle())
                .isEqualTo("Value of licences issued (EUR) and unrest events (number), "
                        + "Kazakhstan, Jan to Mar 2021 – Jul to Sep 2022");
        assertThat(drawn.altText())
                .startsWith(
                        "Bar and line chart on a time axis of the value of arms-export licences issued for Kazakhstan")
                .contains("Licence value peaked at EUR 1,450,000, in Oct to Dec 2021.")
                .contains("Unrest events peaked at 41, in Jan to Mar 2022.")
                .contains("Latest licence figure, Jul to Sep 2022: EUR 0.")
                .contains("Latest unrest figure, Jul to Sep 2022: 7 events.")
                .contains(
                        "licence value down EUR 300,000, from EUR 300,000 in Jan to Mar 2021 to EUR 0 in Jul to Sep 2022")
                .contains("unrest events up 3, from 4 in Jan to Mar 2021 to 7 in Jul to Sep 2022")
                .contains("No unrest figures for Apr to Jun 2022: the line breaks there.")
                .endsWith("Source: Export licence register; ACLED");
    }

    @Test
    void periodsStandOnARealTimeAxisAndAGapBreaksTheLine() throws IOException {
        JFreeChart chart = new TimelineChart(kazakhstan()).build(new ChartStyle());
        var plot = (XYPlot) chart.getPlot();
        assertThat(plot.getDomainAxis()).isInstanceOf(DateAxis.class);
        // The quarter without unrest figures is a gap in the line, not a point joined over.
        var line = plot.getDataset(1);
        long gaps = java.util.stream.IntStream.range(0, line.getItemCount(0))
                .filter(i -> Double.isNaN(line.getYValue(0, i)))
                .count();
        assertThat(gaps).isEqualTo(1);
        // The quarter without a licence figure has no bar; the quarter with 0 has one, of no height.
        var bars = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset(0);
        assertThat(bars.getItemCount(0)).isEqualTo(6);
        assertThat(sourceLine(chart)).isEqualTo("Source: Export licence register; ACLED");
    }

    @Test
    void aYearsFigureIsABarAsWideAsItsYearBesideQuarterlyBars() {
        var data = new CountryTimeline(
                "KZ",
                "Kazakhstan",
                "EUR",
                List.of(p("2021", 2_200_000d, null), p("2022-Q1", 957_000d, 69L), p("2022-Q2", 100_000d, 3L)),
                "Register");
        var plot = (XYPlot) new TimelineChart(data).build(new ChartStyle()).getPlot();
        var bars = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset(0);
        // Series 0: shorter periods, series 1: whole years, drawn hollow.
        assertThat(bars.getItemCount(1)).isEqualTo(1);
        double year = bars.getEndXValue(1, 0) - bars.getStartXValue(1, 0);
        double quarter = bars.getEndXValue(0, 0) - bars.getStartXValue(0, 0);
        assertThat(year / quarter).isBetween(4.0, 4.1);
        var renderer = (org.jfree.chart.renderer.xy.XYBarRenderer) plot.getRenderer(0);
        assertThat(renderer.getSeriesPaint(1)).isEqualTo(Color.WHITE);
        assertThat(renderer.getSeriesOutlinePaint(1)).isEqualTo(ChartStyle.BAR);
        assertThat(renderer.getLegendItem(0, 1).getLabel())
                .isEqualTo("Licence value, whole years (EUR, hollow bars, left axis)");
        assertThat(renderer.getLegendItem(0, 0).getLabel()).isEqualTo("Licence value by quarter (EUR, left axis)");
    }

    @Test
    void aMissingCountDrawsDifferentlyFromAZeroCount() throws IOException {
        drawer.drawTimeline(timelineWithLastEvents(null), charts.resolve("missing"));
        drawer.drawTimeline(timelineWithLastEvents(0L), charts.resolve("zero"));

        BufferedImage missing =
                ImageIO.read(charts.resolve("missing/timeline-ML.png").toFile());
        BufferedImage zero = ImageIO.read(charts.resolve("zero/timeline-ML.png").toFile());
        // A zero gets a marker on the baseline; a missing count gets nothing, so less red.
        assertThat(countColour(missing, ChartStyle.LINE)).isLessThan(countColour(zero, ChartStyle.LINE));
    }

    @Test
    void headlinesStayWithinTwelveWordsForLongNamesAndPeriods() throws IOException {
        String longName = "Democratic Republic of the Congo";
        String longPeriod = "Jan to Mar 2022";
        var titles = new ArrayList<String>();
        titles.add(drawer.drawTopDestinations(
                        new TopDestinations(
                                longPeriod,
                                "EUR",
                                List.of(new DestinationValue(longName, 5), new DestinationValue("Chad", 1)),
                                "Register"),
                        charts)
                .title());
        titles.add(drawer.drawTopDestinations(
                        new TopDestinations(
                                longPeriod,
                                "EUR",
                                List.of(
                                        new DestinationValue(longName, 5),
                                        new DestinationValue("Saint Vincent and the Grenadines", 5)),
                                "Register"),
                        charts)
                .title());
        for (Double licenceAtPeak : new Double[] {null, 0.0, 10.0, 99.0}) {
            var points = List.of(p("2021-Q4", 50.0, 2L), p("2022-Q1", licenceAtPeak, 9L));
            titles.add(drawer.drawTimeline(new CountryTimeline("CD", longName, "EUR", points, "Register"), charts)
                    .title());
        }
        titles.add(drawer.drawTimeline(
                        new CountryTimeline("CD", longName, "EUR", List.of(p("2022-Q1", 10.0, 0L)), "Register"), charts)
                .title());
        titles.add(drawer.drawTimeline(
                        new CountryTimeline("CD", longName, "EUR", List.of(p("2022-Q1", null, null)), "Register"),
                        charts)
                .title());

        assertThat(titles)
                .hasSize(8)
                .allSatisfy(title ->
                        assertThat(FigureText.wordCount(title)).as(title).isBetween(3, FigureText.HEADLINE_MAX_WORDS));
        assertThat(titles.get(2)).isEqualTo("Unrest peaked in " + longPeriod);
        assertThat(titles.get(5)).isEqualTo("Licences and unrest peaked together in " + longPeriod);
    }

    @Test
    void timelineTitlesStateWhatTheNumbersShow() throws IOException {
        assertThat(timelineTitle(p("2021", 100.0, 2L), p("2022", 900.0, 30L)))
                .isEqualTo("Licence value and unrest in Mali both peaked in 2022");
        assertThat(timelineTitle(p("2021", 900.0, 2L), p("2022", 0.0, 30L)))
                .isEqualTo("Mali received no licences as unrest peaked in 2022");
        assertThat(timelineTitle(p("2021", 900.0, 2L), p("2022", null, 30L)))
                .isEqualTo("Unrest in Mali peaked in 2022");
        // A year of unrest against its quarters of licences: one quarter without licences is not "no licences".
        assertThat(timelineTitle(
                        p("2021", null, 2L),
                        p("2022", null, 30L),
                        p("2021-Q3", 500.0, null),
                        p("2022-Q1", 0.0, null),
                        p("2022-Q2", 50.0, null)))
                .isEqualTo("Mali received licences as unrest peaked in 2022");
        assertThat(timelineTitle(
                        p("2021", null, 2L),
                        p("2022", null, 30L),
                        p("2021-Q3", 500.0, null),
                        p("2022-Q1", 0.0, null),
                        p("2022-Q2", 0.0, null)))
                .isEqualTo("Mali received no licences as unrest peaked in 2022");
        assertThat(timelineTitle(p("2021", 900.0, 0L), p("2022", 100.0, 0L)))
                .isEqualTo("Licence value for Mali peaked in 2021");
        assertThat(timelineTitle(p("2021", null, null), p("2022", null, null)))
                .isEqualTo("Licence value and unrest events in Mali, 2021 – 2022");
    }

    @Test
    void aTieIsNoPeakAndIllustrativeFiguresMakeNoHeadline() throws IOException {
        // Two years with the same unrest: no "peaked"; the licences' own peak is what the numbers show.
        assertThat(timelineTitle(p("2021", 900.0, 30L), p("2022", 100.0, 30L)))
                .isEqualTo("Licence value for Mali peaked in 2021");
        // The same figures, illustrative: the chart says what it shows, and that they are not real.
        var made = new CountryTimeline(
                "ML",
                "Mali",
                "EUR",
                List.of(
                        new TimelinePoint(Period.ofIso("2021"), 100.0, 2L, true, true),
                        new TimelinePoint(Period.ofIso("2022"), 900.0, 30L, true, true)),
                "Register");
        DrawnChart drawn = drawer.drawTimeline(made, charts);
        assertThat(drawn.title()).isEqualTo("Licence value and unrest events in Mali, 2021 – 2022");
        assertThat(drawn.subtitle()).endsWith(". Includes illustrative figures [i], not real data");
        assertThat(drawn.altText())
                .contains("Some figures are illustrative, not real data: licence values and unrest events.");
        // A real peak beside a taller illustrative bar is no peak; nor is a year's total beside quarters.
        assertThat(timelineTitle(
                        p("2020", 500.0, null),
                        new TimelinePoint(Period.ofIso("2021"), 900.0, null, true, false),
                        p("2022", 100.0, null)))
                .isEqualTo("Licence value and unrest events in Mali, 2020 – 2022");
        assertThat(timelineTitle(p("2020", 900.0, null), p("2021-Q1", 100.0, null), p("2021-Q2", 200.0, null)))
                .isEqualTo("Licences and unrest in Mali, 2020 – Apr to Jun 2021");
        var top = new TopDestinations(
                "2021",
                "EUR",
                List.of(new DestinationValue("Turkey", 900, true), new DestinationValue("Egypt", 100)),
                "Register");
        DrawnChart topDrawn = drawer.drawTopDestinations(top, charts);
        assertThat(topDrawn.title()).isEqualTo("Top destinations by licence value in 2021");
        assertThat(topDrawn.altText()).contains("The values of Turkey are illustrative, not real data.");
    }

    @Test
    void theTrendOverAllDestinationsIsItsOwnFile() throws IOException {
        var trend = new CountryTimeline(
                CountryTimeline.ALL,
                "all destinations",
                "EUR",
                List.of(p("2021-Q1", 10.0, 5L), p("2021-Q2", 20.0, 50L)),
                "Register");
        DrawnChart drawn = drawer.drawTimeline(trend, charts);
        assertThat(drawn.fileName()).isEqualTo("trend.png");
        assertThat(drawn.title()).isEqualTo("Licence value and unrest both peaked in Apr to Jun 2021");
        assertThat(drawn.altText())
                .startsWith("Bar and line chart on a time axis of the value of arms-export licences"
                        + " issued for all destinations");
    }

    @Test
    void detainedAndKilledAreQuotedWithQualifierAndDate() throws IOException {
        var reported = new ReportedFigures(
                "KZ",
                "Kazakhstan",
                "Jan to Mar 2022",
                List.of(
                        new ReportedFigures.Quoted(
                                "Detained", "Lowest reported", 4_400, "≥ ", "8 Jan 2022", "Interior Ministry", false),
                        new ReportedFigures.Quoted(
                                "Detained", "Latest reported", 9_900, "~ ", "11 Jan 2022", "Interior Ministry", false),
                        new ReportedFigures.Quoted(
                                "Killed", "Lowest reported", 40, "≥ ", "8 Jan 2022", "Authorities", false),
                        new ReportedFigures.Quoted(
                                "Killed", "Latest reported", 225, "", "15 Jan 2022", "Prosecutor General", false)),
                "Source: the desk's tally");
        DrawnChart drawn = drawer.drawReported(reported, charts);
        assertThat(drawn.fileName()).isEqualTo("reported-KZ.png");
        assertThat(drawn.title()).isEqualTo("Detained and killed in Kazakhstan as reported, Jan to Mar 2022");
        assertThat(drawn.altText())
                .contains("Detained: lowest reported at least 4,400 (8 Jan 2022, Interior Ministry);"
                        + " latest reported about 9,900 (11 Jan 2022, Interior Ministry).")
                .contains(
                        "Killed: lowest reported at least 40 (8 Jan 2022, Authorities); latest reported 225 (15 Jan 2022,"
                                + " Prosecutor General).");
        String svg = Files.readString(charts.resolve(drawn.svgFileName()));
        assertThat(svg)
                .contains("≥ 4,400, 8 Jan 2022")
                .contains("~ 9,900, 11 Jan 2022")
                .contains("225, 15 Jan 2022");
        BufferedImage image = ImageIO.read(charts.resolve(drawn.fileName()).toFile());
        assertThat(countColour(image, ChartStyle.BAR))
                .as("detained in the desk's blue")
                .isGreaterThan(5_000);
        assertThat(countColour(image, ChartStyle.LINE))
                .as("killed in its dark red")
                .isGreaterThan(5_000);
    }

    @Test
    void everyTextElementUsesDejaVuSans() {
        var style = new ChartStyle();
        for (JFreeChart chart : List.of(
                new TopDestinationsChart(topFive()).build(style), new TimelineChart(kazakhstan()).build(style))) {
            var fonts = new ArrayList<Font>();
            fonts.add(chart.getTitle().getFont());
            for (Object subtitle : chart.getSubtitles()) {
                if (subtitle instanceof TextTitle text) {
                    fonts.add(text.getFont());
                } else if (subtitle instanceof LegendTitle legend) {
                    fonts.add(legend.getItemFont());
                }
            }
            List<Axis> axes = new ArrayList<>();
            if (chart.getPlot() instanceof CategoryPlot plot) {
                axes.add(plot.getDomainAxis());
                for (int i = 0; i < plot.getRangeAxisCount(); i++) axes.add(plot.getRangeAxis(i));
                fonts.add(plot.getRenderer().getDefaultItemLabelFont());
                fonts.add(plot.getNoDataMessageFont());
            } else {
                var plot = (XYPlot) chart.getPlot();
                axes.add(plot.getDomainAxis());
                for (int i = 0; i < plot.getRangeAxisCount(); i++) axes.add(plot.getRangeAxis(i));
                fonts.add(plot.getNoDataMessageFont());
            }
            for (Axis axis : axes) {
                fonts.add(axis.getLabelFont());
                fonts.add(axis.getTickLabelFont());
            }
            assertThat(fonts).allSatisfy(font -> assertThat(font.getFamily()).isEqualTo(FONT));
        }
    }

    @Test
    void theLineIsDashedAndMarkedSoColourIsNotTheOnlySignal() {
        var plot =
                (XYPlot) new TimelineChart(kazakhstan()).build(new ChartStyle()).getPlot();
        var line = (XYLineAndShapeRenderer) plot.getRenderer(1);

        assertThat(((BasicStroke) line.getSeriesStroke(0)).getDashArray()).isNotEmpty();
        assertThat(line.getItemShapeVisible(0, 0)).isTrue();
        assertThat(line.getItemLineVisible(0, 0)).isTrue();
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(1)))
                .as("events on the right axis")
                .isEqualTo(1);
    }

    @Test
    void theTimelineHasOneLegendAtTheTop() {
        JFreeChart chart = new TimelineChart(kazakhstan()).build(new ChartStyle());

        List<Title> legends = new ArrayList<>();
        for (Object subtitle : chart.getSubtitles()) {
            if (subtitle instanceof LegendTitle legend) {
                legends.add(legend);
            }
        }
        assertThat(legends).hasSize(1);
        assertThat(legends.get(0).getPosition()).isEqualTo(org.jfree.chart.ui.RectangleEdge.TOP);
    }

    @Test
    void coloursPassContrastAgainstWhite() {
        assertThat(contrastWithWhite(ChartStyle.BAR)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrastWithWhite(ChartStyle.LINE)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrastWithWhite(ChartStyle.TEXT)).isGreaterThanOrEqualTo(4.5);
        assertThat(contrastWithWhite(ChartStyle.SOURCE_TEXT)).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void bothTimelineAxesShareTheirStepsSoGridlinesReadOnEachSide() {
        AlignedScale.Pair scales = AlignedScale.aligned(1_450_000, 1.0, true, 41, 1.06, true);

        assertThat(scales.left().steps()).isEqualTo(scales.right().steps()).isBetween(3, 6);
        assertThat(scales.left().top()).isGreaterThanOrEqualTo(1_450_000);
        assertThat(scales.right().top()).isGreaterThanOrEqualTo(41 * 1.06);
        assertThat(scales.right().step() % 1).isZero();
        assertThat(AlignedScale.roundStepAtLeast(0.3, true)).isEqualTo(1);
        assertThat(AlignedScale.roundStepAtLeast(2.1, true)).isEqualTo(5);
        assertThat(AlignedScale.roundStepAtLeast(2.1, false)).isEqualTo(2.5);
        assertThat(AlignedScale.roundStepAtLeast(241_667, true)).isEqualTo(250_000);
    }

    @Test
    void aCountryCodeCannotLeadOutOfTheChartsFolder() {
        assertThatThrownBy(() -> new CountryTimeline("../KZ", "Kazakhstan", "EUR", List.of(), "Register"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopDestinations(
                        "2021",
                        "EUR",
                        List.of(new DestinationValue("Chad", 1), new DestinationValue("Chad", 2)),
                        "Register"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p("2021", Double.NaN, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    private String timelineTitle(TimelinePoint... points) throws IOException {
        return drawer.drawTimeline(new CountryTimeline("ML", "Mali", "EUR", List.of(points), "Register"), charts)
                .title();
    }

    private static TopDestinations topFive() {
        return new TopDestinations(
                "2021",
                "EUR",
                List.of(
                        new DestinationValue("Kazakhstan", 2_200_000),
                        new DestinationValue("Saudi Arabia", 1_100_000),
                        new DestinationValue("United Arab Emirates", 450_000),
                        new DestinationValue("India", 250_000),
                        new DestinationValue("Chad", 12_500)),
                "Export licence register");
    }

    private static TimelinePoint p(String iso, Double licenceValue, Long events) {
        return new TimelinePoint(Period.ofIso(iso), licenceValue, events);
    }

    private static CountryTimeline kazakhstan() {
        return new CountryTimeline(
                "KZ",
                "Kazakhstan",
                "EUR",
                List.of(
                        p("2021-Q1", 300_000d, 4L),
                        p("2021-Q2", 450_000d, 6L),
                        p("2021-Q3", null, 3L),
                        p("2021-Q4", 1_450_000d, 9L),
                        p("2022-Q1", 800_000d, 41L),
                        p("2022-Q2", 200_000d, null),
                        p("2022-Q3", 0d, 7L)),
                "Export licence register; ACLED");
    }

    private static CountryTimeline timelineWithLastEvents(Long lastEvents) {
        return new CountryTimeline(
                "ML",
                "Mali",
                "EUR",
                List.of(p("2021", 100d, 5L), p("2022", 200d, 8L), p("2023", 300d, lastEvents)),
                "Register");
    }

    private static String sourceLine(JFreeChart chart) {
        for (Object subtitle : chart.getSubtitles()) {
            if (subtitle instanceof TextTitle text && text.getText().startsWith("Source:")) {
                return text.getText();
            }
        }
        throw new AssertionError("no source line");
    }

    private static boolean isWhite(int rgb) {
        return (rgb & 0xFFFFFF) == 0xFFFFFF;
    }

    private static int darkPixels(BufferedImage image, int fromRow, int toRow) {
        int dark = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                var colour = new Color(image.getRGB(x, y));
                if (colour.getRed() + colour.getGreen() + colour.getBlue() < 3 * 110) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static int countColour(BufferedImage image, Color wanted) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (wanted.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Chunk types in file order: the PNG signature is 8 bytes, then length, type, data, CRC per chunk. */
    private static List<String> pngChunkTypes(byte[] png) throws IOException {
        var types = new ArrayList<String>();
        try (var in = new java.io.DataInputStream(new ByteArrayInputStream(png))) {
            in.skipNBytes(8);
            while (in.available() > 0) {
                int length = in.readInt();
                types.add(new String(in.readNBytes(4), StandardCharsets.US_ASCII));
                in.skipNBytes(length + 4L);
            }
        }
        return types;
    }

    private static double contrastWithWhite(Color colour) {
        return 1.05 / (luminance(colour) + 0.05);
    }

    private static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed())
                + 0.7152 * linear(colour.getGreen())
                + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
