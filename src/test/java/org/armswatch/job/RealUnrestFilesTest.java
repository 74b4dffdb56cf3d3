package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.CsvGrid;
import org.armswatch.country.CountryResolver;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unrest files as they really come: HDX's monthly counts, whose civilian_targeting events are a subset of its
 * political_violence, and two ACLED exports of different vintages that hold the same Kenyan events under different ids
 * (the real-time feed's {@code 8000RTA} is {@code KEN5114} in the later country export). Expected figures are worked
 * out here from the files themselves.
 */
class RealUnrestFilesTest {

    static final Path REAL = RealFilesTest.REAL;
    static final String HDX = "hdx_hapi_conflict_event_2025_45_countries_EXCERPT.csv";
    static final String ACLED_2016 = "acled_rta2016_aschharwood_EXCERPT.csv";
    static final String ACLED_2019 = "acled_ken2019export_carol0128_EXCERPT.csv";
    static final String RUN_DATE = "2026-12-03";

    /** The Kenya export was saved by a spreadsheet that wrote its dates as 01-07-16: a mapping says so. */
    static final List<String> KENYA_DATES = List.of(
            "--armswatch.mappings[0].name=acled-kenya-export",
            "--armswatch.mappings[0].files=unrest/acled_ken*.csv",
            "--armswatch.mappings[0].date-format=dd-MM-yy");

    @TempDir
    Path dir;

    InProcessRun run(List<String> unrestFiles, List<String> more) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        for (String f : unrestFiles)
            Files.copy(REAL.resolve(f), input.resolve("unrest").resolve(f));
        // A licence file, so that the run has one of each kind, as every night has.
        Files.writeString(
                input.resolve("licences/story.csv"),
                "exporter,destination,period,licences,value_eur\nDE,KZ,2021,25,2200000\n");
        List<String> args = new ArrayList<>(List.of(
                "--input=" + input, "--output=" + dir.resolve("output"), "--run-date=" + RUN_DATE, "--period=month"));
        args.addAll(more);
        InProcessRun run = InProcessRun.of(args);
        assertThat(run.exitCode()).as(run.printed()).isZero();
        return run;
    }

    XSSFWorkbook workbook() throws Exception {
        return WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"));
    }

    @Test
    void hdxEventsArePoliticalViolenceAndDemonstrationsWithCiviliansTargetedApart() throws Exception {
        run(List.of(HDX), List.of());
        List<List<String>> file = CsvGrid.read(REAL.resolve(HDX), ',');
        List<String> header = file.get(0);
        CountryResolver countries = CountryResolver.bundled();
        // country|month → {political violence, demonstration, civilian targeting} events, and fatalities given
        Map<String, long[]> expected = new TreeMap<>();
        for (List<String> row : file.subList(2, file.size())) {
            if (!row.get(header.indexOf("admin_level")).equals("0")) continue;
            String key = countries
                            .resolve(row.get(header.indexOf("location_code")))
                            .orElseThrow()
                            .code() + "|"
                    + row.get(header.indexOf("reference_period_start")).substring(0, 7);
            long[] e = expected.computeIfAbsent(key, k -> new long[5]);
            long events = Long.parseLong(row.get(header.indexOf("events")));
            String dead = row.get(header.indexOf("fatalities"));
            switch (row.get(header.indexOf("event_type"))) {
                case "political_violence" -> {
                    e[0] += events;
                    e[3] += Long.parseLong(dead);
                }
                case "demonstration" -> {
                    e[1] += events;
                    if (dead.isEmpty()) e[4]++;
                    else e[3] += Long.parseLong(dead);
                }
                case "civilian_targeting" -> e[2] += events;
                default -> throw new AssertionError(row);
            }
        }
        int overstated = 0;
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            for (Map.Entry<String, long[]> x : expected.entrySet()) {
                String[] k = x.getKey().split("\\|");
                long[] e = x.getValue();
                if (e[0] + e[1] + e[2] == 0) continue;
                Map<String, WrittenCell> row = overview.row("ISO code", k[0], "Period (ISO)", k[1]);
                assertThat(overview.cell(row, "Unrest events").number())
                        .as(x.getKey())
                        .isEqualTo((double) (e[0] + e[1]));
                assertThat(overview.cell(row, "Of which civilians targeted").number())
                        .as(x.getKey())
                        .isEqualTo((double) e[2]);
                // Demonstrations' fatalities are not reported: the sum is a floor.
                WrittenCell fatalities = overview.cell(row, "Fatalities");
                assertThat(fatalities.number()).as(x.getKey()).isEqualTo((double) e[3]);
                if (e[4] > 0) assertThat(fatalities.shown()).as(x.getKey()).startsWith("≥");
                if (e[2] > 0) overstated++;
            }
        }
        assertThat(overstated)
                .as("country-months that adding all three types would overstate")
                .isGreaterThan(20);
    }

    @Test
    void twoAcledVintagesCountTheSameEventsOnceThoughTheirIdsDiffer() throws Exception {
        InProcessRun run = run(List.of(ACLED_2016, ACLED_2019), KENYA_DATES);

        // The test's own matching: per file, events by id; across files, one event per day, place, actors and
        // fatalities, as many times as the file with most copies holds it. Strategic developments are no unrest.
        Map<String, Map<String, Integer>> copies = new TreeMap<>();
        Map<String, Integer> fatalitiesOf = new HashMap<>();
        readKenya(ACLED_2016, ',', copies, fatalitiesOf, false);
        readKenya(ACLED_2019, ',', copies, fatalitiesOf, true);
        Map<String, long[]> expected = new TreeMap<>();
        int matched = 0;
        for (Map.Entry<String, Map<String, Integer>> e : copies.entrySet()) {
            int kept = e.getValue().values().stream().max(Integer::compare).orElseThrow();
            int all = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            matched += all - kept;
            long[] month = expected.computeIfAbsent(e.getKey().substring(0, 7), m -> new long[2]);
            month[0] += kept;
            month[1] += (long) kept * fatalitiesOf.get(e.getKey());
        }
        assertThat(matched)
                .as("the Kenyan events of June and July 2016 in both exports")
                .isEqualTo(16);

        try (XSSFWorkbook wb = workbook()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            expected.forEach((month, e) -> {
                Map<String, WrittenCell> row = overview.row("ISO code", "KE", "Period (ISO)", month);
                assertThat(overview.cell(row, "Unrest events").number())
                        .as(month)
                        .isEqualTo((double) e[0]);
                assertThat(overview.cell(row, "Fatalities").number()).as(month).isEqualTo((double) e[1]);
            });
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            List<Map<String, WrittenCell>> same =
                    quality.where(r -> r.get(quality.column("Reason")).shown().startsWith("the same event as KEN"));
            assertThat(same).hasSize(16);
            assertThat(same)
                    .allSatisfy(r ->
                            assertThat(quality.cell(r, "Input file").shown()).endsWith(ACLED_2016));
            Map<String, WrittenCell> old = quality.row("Input file", "unrest/" + ACLED_2016, "What", "file");
            assertThat(quality.cell(old, "Duplicates replaced").number()).isEqualTo(16.0);
        }
        // The later export has 18 Kenyan events of those months that the earlier has not (KEN6922, added later, among
        // them).
        assertThat(run.printed())
                .contains("warning: ACLED exports unrest/" + ACLED_2019 + " and unrest/" + ACLED_2016)
                .contains("with 34 and 16 events there; 16 found in both under other ids")
                .contains("18 are in one export only");
    }

    /**
     * ACLED's exports as five tools and years wrote them, each counted here from the file: one event per id (a second
     * actor written as a second row with the same id counts once), strategic developments left out, civilians targeted
     * where ACLED's column says so (R writes NA for empty), dates in each file's own form.
     */
    @Test
    void acledExportsOfOtherYearsAndToolsAreReadAsTheyCome() throws Exception {
        List<String> files = List.of(
                "acled_asia2015_katehara_EXCERPT.csv",
                "acled_world2020_rpanlilio_EXCERPT.csv",
                "acled_ben2022_merfeld_EXCERPT.csv",
                "acled_som2025_textinter_EXCERPT.csv",
                "acled_bgd2024_protestdiffusion_EXCERPT.csv");
        run(files, List.of());
        CountryResolver countries = CountryResolver.bundled();
        // country|month → events, fatalities, civilians targeted
        Map<String, long[]> expected = new TreeMap<>();
        for (String name : files) {
            List<List<String>> file = CsvGrid.read(REAL.resolve(name), ',');
            List<String> h =
                    file.get(0).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
            for (List<String> row : file.subList(1, file.size())) byId.put(row.get(h.indexOf("event_id_cnty")), row);
            for (List<String> row : byId.values()) {
                if (row.get(h.indexOf("event_type")).toLowerCase(Locale.ROOT).startsWith("strategic development"))
                    continue;
                String country = countries
                        .resolve(row.get(h.indexOf("country")))
                        .orElseThrow()
                        .code();
                java.time.LocalDate day = day(row.get(h.indexOf("event_date")));
                long[] e =
                        expected.computeIfAbsent(country + "|" + day.toString().substring(0, 7), k -> new long[3]);
                e[0]++;
                e[1] += Long.parseLong(row.get(h.indexOf("fatalities")));
                int targeting = h.indexOf("civilian_targeting");
                if (targeting >= 0 && row.get(targeting).equals("Civilian targeting")) e[2]++;
            }
        }
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            expected.forEach((key, e) -> {
                String[] k = key.split("\\|");
                Map<String, WrittenCell> row = overview.row("ISO code", k[0], "Period (ISO)", k[1]);
                assertThat(overview.cell(row, "Unrest events").number()).as(key).isEqualTo((double) e[0]);
                assertThat(overview.cell(row, "Fatalities").number()).as(key).isEqualTo((double) e[1]);
                if (e[2] > 0)
                    assertThat(overview.cell(row, "Of which civilians targeted").number())
                            .as(key)
                            .isEqualTo((double) e[2]);
            });
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            assertThat(quality.where(r -> r.get(quality.column("What")).shown().equals("rejected")))
                    .isEmpty();
        }
    }

    /** 2025-04-03, 01-January-2015, 28 December 2022, 9-May-20: the test's own reading, with java.time. */
    private static java.time.LocalDate day(String text) {
        if (text.matches("\\d{4}-\\d\\d-\\d\\d")) return java.time.LocalDate.parse(text);
        String t = text.replace(' ', '-');
        String pattern = t.matches("\\d+-[A-Za-z]{3}-\\d\\d") ? "d-MMM-yy" : "d-MMMM-yyyy";
        return java.time.LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
    }

    /** Kenya's events of one export, by day, place, actors and fatalities; dates as the file writes them. */
    private static void readKenya(
            String name,
            char delimiter,
            Map<String, Map<String, Integer>> copies,
            Map<String, Integer> fatalitiesOf,
            boolean dayFirst)
            throws Exception {
        List<List<String>> file = CsvGrid.read(REAL.resolve(name), delimiter);
        List<String> h = file.get(0);
        Map<String, Boolean> ids = new HashMap<>();
        for (List<String> row : file.subList(1, file.size())) {
            if (!row.get(h.indexOf("country")).equals("Kenya")) continue;
            if (row.get(h.indexOf("event_type")).toLowerCase(Locale.ROOT).startsWith("strategic development")) continue;
            if (ids.put(row.get(h.indexOf("event_id_cnty")), true) != null) continue;
            String date = row.get(h.indexOf("event_date"));
            // 01-07-16 in the later export, 2016-07-01 in the earlier
            String iso = dayFirst
                    ? "20" + date.substring(6, 8) + "-" + date.substring(3, 5) + "-" + date.substring(0, 2)
                    : date;
            int dead = Integer.parseInt(row.get(h.indexOf("fatalities")));
            String key = iso + "|" + row.get(h.indexOf("location")).strip().toLowerCase(Locale.ROOT) + "|"
                    + row.get(h.indexOf("actor1")).strip().toLowerCase(Locale.ROOT) + "|"
                    + row.get(h.indexOf("actor2")).strip().toLowerCase(Locale.ROOT) + "|" + dead;
            copies.computeIfAbsent(key, k -> new TreeMap<>()).merge(name, 1, Integer::sum);
            fatalitiesOf.put(key, dead);
        }
    }
}
