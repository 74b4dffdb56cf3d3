package org.armswatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.armswatch.aggregate.Measure;
import org.armswatch.aggregate.OverviewRow;
import org.armswatch.aggregate.ReportData;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.aggregate.StoryLeads;
import org.armswatch.chart.ChartDrawer;
import org.armswatch.chart.CountryTimeline;
import org.armswatch.chart.DestinationValue;
import org.armswatch.chart.DrawnChart;
import org.armswatch.chart.ReportedFigures;
import org.armswatch.chart.TimelinePoint;
import org.armswatch.chart.TopDestinations;
import org.armswatch.input.InputShape;
import org.armswatch.page.ReportPage;
import org.armswatch.period.Period;
import org.armswatch.publish.RunFolder;
import org.armswatch.workbook.ChartPictures;
import org.armswatch.workbook.ReportContent;
import org.armswatch.workbook.ReportScope;
import org.armswatch.workbook.ReportWorkbook;

/**
 * What the report steps write for one run, worked out once from the aggregated tables: the charts (from the Overview's
 * own numbers, so picture and table cannot differ), the main workbook's content and the countries that get a workbook
 * of their own. The chart, workbook and page steps each take their part of it.
 */
final class ReportPlan {

    static final int TOP_DESTINATIONS = 10;
    /** The main workbook's key among the workbooks; a country's is its ISO code. */
    static final String MAIN = "main";

    final RunParameters run;
    /** The run's work folder, and in it the charts and countries folders. */
    final Path work;

    final Path charts;
    final Path countries;
    /** POI's streaming temp files, in the run's own work area, never a shared /tmp. */
    final Path temp;

    final ReportContent content;
    final List<ChartDrawer.ChartToDraw> toDraw;
    /** The countries with a workbook of their own, in the Overview's order. */
    final List<String> countryCodes;

    private final ReportData data;

    private ReportPlan(RunParameters run, RunOptions options, ReportData data, StagingStore store) {
        this.run = run;
        this.data = data;
        work = new RunFolder(options.output(), run.runDate()).work();
        charts = work.resolve("charts");
        countries = work.resolve("countries");
        temp = options.output().resolve(".work").resolve(run.runDate() + ".tmp");
        List<OverviewRow> overview = data.overview(run.runId());
        List<SourceFileRecord> files = store.sourceFiles(run.runId());
        String licenceFiles = names(files, InputShape.LICENCES);
        String bothSources = "Source: armswatch, from " + licenceFiles + "; "
                + names(files, InputShape.ACLED_EVENTS, InputShape.HDX_COUNTS);
        ChartDrawer drawer = new ChartDrawer();
        List<ChartDrawer.ChartToDraw> planned = new ArrayList<>();
        topDestinations(overview, run, "Source: armswatch, from " + licenceFiles)
                .ifPresent(t -> planned.add(drawer.topDestinations(t)));
        trend(overview, bothSources).ifPresent(t -> planned.add(drawer.timeline(t)));
        reported(data.quotes(run.runId())).forEach(r -> planned.add(drawer.reported(r)));
        timelines(overview, bothSources).forEach(t -> planned.add(drawer.timeline(t)));
        toDraw = List.copyOf(planned);
        List<String> notes = new ArrayList<>();
        for (SourceFileRecord f : files) {
            if (f.notes() != null && !f.notes().isBlank())
                notes.addAll(List.of(f.notes().split("\n")));
        }
        // The chart step has drawn every PNG before a workbook step starts.
        ChartPictures pictures = chart -> Files.readAllBytes(charts.resolve(chart.fileName()));
        content = new ReportContent(
                run.runDate(),
                run.period(),
                options.desk(),
                options.contact(),
                ReportScope.ALL_COUNTRIES,
                files,
                notes,
                data.warnings(run.runId()),
                overview,
                data.summary(run.runId()),
                StoryLeads.find(overview),
                sink -> data.forEachLicenceRow(run.runId(), sink),
                store.licenceValuesHaveCents(run.runId()),
                data.unrest(run.runId()),
                data.changes(run.runId()),
                sink -> data.forEachDataQualityRow(run.runId(), sink),
                toDraw.stream().map(ChartDrawer.ChartToDraw::drawn).toList(),
                pictures,
                options.maxRowsPerSheet());
        countryCodes = countryWorkbooks(overview, options.countries());
    }

    /** The plan of a run, made once however many steps and partitions ask for it. */
    static final class Plans {
        private final RunOptions options;
        private final ReportData data;
        private final StagingStore store;
        private ReportPlan last;

        Plans(RunOptions options, ReportData data, StagingStore store) {
            this.options = options;
            this.data = data;
            this.store = store;
        }

        synchronized ReportPlan of(RunParameters run) {
            if (last == null || !last.run.equals(run)) last = new ReportPlan(run, options, data, store);
            return last;
        }
    }

    /** The workbooks of the run: the main one first (it is the largest), then one per country. */
    List<String> workbooks() {
        List<String> all = new ArrayList<>();
        all.add(MAIN);
        all.addAll(countryCodes);
        return all;
    }

    /** Writes one workbook of the plan, checked against workbook.md's rules as soon as it is written. */
    void writeWorkbook(String key) throws IOException {
        Files.createDirectories(temp);
        if (MAIN.equals(key)) {
            ReportWorkbook.write(content, work.resolve("report-" + run.runDate() + ".xlsx"), temp);
            return;
        }
        String name = data.countryName(key);
        ReportContent country = content.forCountry(
                key,
                name,
                sink -> data.forEachLicenceRow(run.runId(), key, sink),
                content.charts().stream()
                        .filter(c -> c.fileName().equals(ChartDrawer.timelineFileName(key))
                                || c.fileName().equals(ChartDrawer.reportedFileName(key)))
                        .toList());
        ReportWorkbook.write(country, countries.resolve(countryFileName(key, name)), temp);
    }

    /** The page, which shows the charts by relative path, and the charts' alt text, beside them. */
    void writePage() throws IOException {
        writeAltText(content.charts(), charts);
        ReportPage.write(content, work.resolve("index.html"));
    }

    /**
     * The currency a chart of these rows draws licence values in: euros where there are any, else the currency with the
     * most figures (ties go to the code first in the alphabet). A chart never adds two currencies; the others stand in
     * the workbook, each in its own column.
     */
    static Optional<String> chartCurrency(List<OverviewRow> rows) {
        Map<String, Integer> figures = new TreeMap<>();
        for (OverviewRow r : rows) {
            r.figures().forEach((indicator, figure) -> {
                if (indicator.measure() == Measure.VALUE_ISSUED && figure.positive()) {
                    figures.merge(indicator.currency(), 1, Integer::sum);
                }
            });
        }
        if (figures.containsKey("EUR")) return Optional.of("EUR");
        return figures.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }

    /**
     * The latest complete period with licence values: the one that ended last before the run date. A yearly figure and
     * the quarter that ends with it tie; the year, holding more, wins.
     */
    static Optional<TopDestinations> topDestinations(List<OverviewRow> overview, RunParameters run, String source) {
        Optional<String> currency = chartCurrency(overview);
        if (currency.isEmpty()) return Optional.empty();
        String cur = currency.get();
        Optional<Period> latest = overview.stream()
                .filter(r -> r.figure(Measure.VALUE_ISSUED, cur).positive())
                .map(OverviewRow::period)
                .filter(p -> p.end().isBefore(run.runDate()))
                .max(Comparator.comparing(Period::end)
                        .thenComparing(p -> p.granularity().ordinal()));
        if (latest.isEmpty()) return Optional.empty();
        List<DestinationValue> values = overview.stream()
                .filter(r -> r.period().equals(latest.get())
                        && r.figure(Measure.VALUE_ISSUED, cur).positive())
                .sorted(Comparator.comparing((OverviewRow r) ->
                                r.figure(Measure.VALUE_ISSUED, cur).value())
                        .reversed()
                        .thenComparing(OverviewRow::countryName))
                .limit(TOP_DESTINATIONS)
                .map(r -> new DestinationValue(
                        r.countryName(),
                        r.figure(Measure.VALUE_ISSUED, cur).value().doubleValue(),
                        r.figure(Measure.VALUE_ISSUED, cur).illustrative()))
                .toList();
        return Optional.of(new TopDestinations(latest.get().label(), cur, values, source));
    }

    /** A timeline for each country with both licence values and unrest events. */
    static List<CountryTimeline> timelines(List<OverviewRow> overview, String source) {
        Map<String, List<OverviewRow>> byCountry = new LinkedHashMap<>();
        overview.forEach(r ->
                byCountry.computeIfAbsent(r.country(), k -> new ArrayList<>()).add(r));
        List<CountryTimeline> timelines = new ArrayList<>();
        byCountry.forEach((code, rows) -> {
            Optional<String> currency = chartCurrency(rows);
            boolean events =
                    rows.stream().anyMatch(r -> r.figure(Measure.EVENTS).positive());
            if (currency.isEmpty() || !events) return;
            timelines.add(new CountryTimeline(
                    code, rows.get(0).countryName(), currency.get(), points(rows, currency.get()), source));
        });
        return timelines;
    }

    /**
     * The trend over all destinations: licence values and unrest events of every country, period by period (as the
     * Overview gives them, a year's figures apart from a quarter's), in the chart currency.
     */
    static Optional<CountryTimeline> trend(List<OverviewRow> overview, String source) {
        Optional<String> currency = chartCurrency(overview);
        if (currency.isEmpty()
                || overview.stream().noneMatch(r -> r.figure(Measure.EVENTS).positive())) return Optional.empty();
        Map<Period, double[]> sums = new java.util.TreeMap<>();
        for (OverviewRow r : overview) {
            double[] s = sums.computeIfAbsent(r.period(), p -> new double[] {Double.NaN, Double.NaN, 0, 0});
            var value = r.figure(Measure.VALUE_ISSUED, currency.get());
            if (value.available()) {
                s[0] = (Double.isNaN(s[0]) ? 0 : s[0]) + value.value().doubleValue();
                if (value.illustrative()) s[2] = 1;
            }
            var events = r.figure(Measure.EVENTS);
            if (events.available()) {
                s[1] = (Double.isNaN(s[1]) ? 0 : s[1]) + events.value().doubleValue();
                if (events.illustrative()) s[3] = 1;
            }
        }
        List<TimelinePoint> points = new ArrayList<>();
        sums.forEach((period, s) -> points.add(new TimelinePoint(
                period,
                Double.isNaN(s[0]) ? null : s[0],
                Double.isNaN(s[1]) ? null : (long) s[1],
                s[2] == 1,
                s[3] == 1)));
        return Optional.of(
                new CountryTimeline(CountryTimeline.ALL, "all destinations", currency.get(), points, source));
    }

    /**
     * A chart of detained and killed as reported for each country of the tally, for its period with the most killed
     * (then detained) at the latest report: the unrest a story would quote.
     */
    static List<ReportedFigures> reported(List<ReportData.Quote> quotes) {
        Map<String, List<ReportData.Quote>> byCountry = new LinkedHashMap<>();
        quotes.forEach(q ->
                byCountry.computeIfAbsent(q.country(), k -> new ArrayList<>()).add(q));
        List<ReportedFigures> charts = new ArrayList<>();
        byCountry.forEach((country, qs) -> {
            Map<Period, List<ReportData.Quote>> byPeriod = new java.util.TreeMap<>();
            qs.forEach(q ->
                    byPeriod.computeIfAbsent(q.period(), p -> new ArrayList<>()).add(q));
            Period chosen = byPeriod.keySet().stream()
                    .max(Comparator.comparingLong((Period p) -> latest(byPeriod.get(p), "killed"))
                            .thenComparingLong(p -> latest(byPeriod.get(p), "detained"))
                            .thenComparing(Comparator.naturalOrder()))
                    .orElseThrow();
            List<ReportedFigures.Quoted> figures = new ArrayList<>();
            java.util.Set<String> sources = new java.util.LinkedHashSet<>();
            for (String metric : List.of("detained", "killed")) {
                for (ReportData.Quote q : byPeriod.get(chosen)) {
                    if (!q.metric().equals(metric)) continue;
                    String name = Character.toUpperCase(metric.charAt(0)) + metric.substring(1);
                    figures.add(quoted(name, "Lowest reported", q.lowest()));
                    figures.add(quoted(name, "Latest reported", q.latest()));
                    sources.add(q.lowest().source());
                    sources.add(q.latest().source());
                }
            }
            charts.add(new ReportedFigures(
                    country,
                    qs.get(0).countryName(),
                    chosen.label(),
                    figures,
                    "Source: armswatch, from the desk's tally: " + String.join("; ", sources)));
        });
        return charts;
    }

    private static long latest(List<ReportData.Quote> qs, String metric) {
        return qs.stream()
                .filter(q -> q.metric().equals(metric))
                .mapToLong(q -> q.latest().value())
                .max()
                .orElse(0);
    }

    private static ReportedFigures.Quoted quoted(
            String metric, String which, org.armswatch.unrest.ReportedTotal.Quoted q) {
        return new ReportedFigures.Quoted(
                metric, which, q.value(), q.qualifier().mark(), q.reportedOn().label(), q.source(), q.illustrative());
    }

    private static List<TimelinePoint> points(List<OverviewRow> rows, String currency) {
        return rows.stream()
                .sorted(Comparator.comparing(OverviewRow::period))
                .map(r -> {
                    var value = r.figure(Measure.VALUE_ISSUED, currency);
                    var events = r.figure(Measure.EVENTS);
                    return new TimelinePoint(
                            r.period(),
                            value.available() ? value.value().doubleValue() : null,
                            events.available() ? events.value().longValue() : null,
                            value.illustrative(),
                            events.illustrative());
                })
                .filter(p -> p.licenceValue() != null || p.events() != null)
                .toList();
    }

    /**
     * Countries with both licence and unrest figures, in the Overview's order, then the configured ones that are not
     * among them yet (a configured country without figures still gets its workbook).
     */
    static List<String> countryWorkbooks(List<OverviewRow> overview, List<String> configured) {
        Map<String, boolean[]> kinds = new LinkedHashMap<>();
        for (OverviewRow r : overview) {
            boolean[] k = kinds.computeIfAbsent(r.country(), c -> new boolean[2]);
            r.figures().forEach((indicator, figure) -> {
                if (!figure.available()) return;
                Measure m = indicator.measure();
                boolean licence = m == Measure.LICENCES_ISSUED
                        || m == Measure.VALUE_ISSUED
                        || m == Measure.LICENCES_REFUSED
                        || m == Measure.VALUE_REFUSED;
                k[licence ? 0 : 1] = true;
            });
        }
        List<String> codes = new ArrayList<>();
        kinds.forEach((code, k) -> {
            if (k[0] && k[1]) codes.add(code);
        });
        configured.stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        return codes;
    }

    /** "KZ-Kazakhstan.xlsx": the name in plain letters, digits and hyphens, so every file system and URL takes it. */
    static String countryFileName(String code, String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return code + (plain.isEmpty() ? "" : "-" + plain) + ".xlsx";
    }

    private static void writeAltText(List<DrawnChart> drawn, Path charts) throws IOException {
        StringBuilder md = new StringBuilder("# Alt text of this run's charts\n");
        for (DrawnChart c : drawn) {
            md.append("\n## ")
                    .append(c.title())
                    .append("\n\n`")
                    .append(c.fileName())
                    .append("`, `")
                    .append(c.svgFileName())
                    .append("`\n\n")
                    .append(c.altText())
                    .append('\n');
        }
        Files.writeString(charts.resolve("alt-text.md"), md);
    }

    private static String names(List<SourceFileRecord> files, InputShape... shapes) {
        List<InputShape> wanted = List.of(shapes);
        List<String> names = files.stream()
                .filter(f -> wanted.contains(f.shape()))
                .map(SourceFileRecord::name)
                .toList();
        if (names.isEmpty()) return "no " + (wanted.contains(InputShape.LICENCES) ? "licence" : "unrest") + " files";
        // A chart's source line names a few files; the Cover sheet lists them all.
        if (names.size() > NAMED_FILES) {
            return String.join(", ", names.subList(0, NAMED_FILES - 1)) + " and "
                    + String.format(Locale.UK, "%,d", names.size() - NAMED_FILES + 1) + " other files";
        }
        return String.join(", ", names);
    }

    /** Files a chart's source line names before it counts the rest. */
    static final int NAMED_FILES = 6;
}
