package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Licence lists as governments publish them, one row per licence (or licence and rating), through the whole job: the
 * UK's strategic export-control data as CAAT republishes it (values in pounds, refusals written 0/1) and Switzerland's
 * SECO permit list (francs written {@code Fr. 1'234.00}, German country names, dates {@code dd.MM.yyyy}). Every
 * Overview figure is checked against the file's own sum per destination and year, computed here with the test's own
 * parser; rows with the same key are summed, never replaced (the sum and the last row differ in both files).
 */
class RealLicenceListsTest {

    static final Path REAL = RealFilesTest.REAL;
    static final String UK = "uk_caat_values_EXCERPT.csv";
    static final String SECO = "seco_dualuse_tracker_EXCERPT.csv";
    static final String SECO_LOSSY = "seco_besondere_variant_EXCERPT.csv";
    static final String RUN_DATE = "2026-12-03";

    /** As README.md gives it for the UK file: a mapping with a currency and a translation of the refused column. */
    static final List<String> UK_MAPPING = List.of(
            "--armswatch.mappings[0].name=uk-caat",
            "--armswatch.mappings[0].files=licences/uk_caat_*.csv",
            "--armswatch.mappings[0].columns.destination=country",
            "--armswatch.mappings[0].columns.period=date",
            "--armswatch.mappings[0].columns.value=value",
            "--armswatch.mappings[0].columns.category=rating",
            "--armswatch.mappings[0].columns.status=refused",
            "--armswatch.mappings[0].constants.exporter=GB",
            "--armswatch.mappings[0].constants.source=UK strategic export controls, via CAAT",
            "--armswatch.mappings[0].currency=GBP",
            "--armswatch.mappings[0].values.status.0=issued",
            "--armswatch.mappings[0].values.status.1=refused");

    /** As README.md gives it for the Swiss file, as the mapping of that index. */
    static List<String> secoMapping(int index, String files, String dateFormat) {
        String m = "--armswatch.mappings[" + index + "].";
        return List.of(
                m + "name=seco",
                m + "files=" + files,
                m + "columns.destination=Endverbraucherland",
                m + "columns.period=Bewilligungsdatum",
                m + "columns.value=Wert",
                m + "constants.exporter=CH",
                m + "constants.source=SECO export permits, via GSoA",
                m + "currency=CHF",
                m + "decimal-mark=.",
                m + "date-format=" + dateFormat);
    }

    /**
     * Per destination and year, what keeping only the last row of each key (exporter, destination, period, category,
     * status) would give: the bug this job once had. A test shows its figures differ from that somewhere.
     */
    static Map<String, BigDecimal> lastRowOfEachKey(Map<String, BigDecimal> lastByKey) {
        Map<String, BigDecimal> byYear = new TreeMap<>();
        lastByKey.forEach((key, value) -> {
            String[] k = key.split("\\|");
            byYear.merge(k[0] + "|" + k[1], value, BigDecimal::add);
        });
        return byYear;
    }

    @TempDir
    Path dir;

    InProcessRun run(List<String> files, List<String> mappings) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        for (String f : files)
            Files.copy(REAL.resolve(f), input.resolve("licences").resolve(f));
        List<String> args = new ArrayList<>(List.of(
                "--input=" + input, "--output=" + dir.resolve("output"), "--run-date=" + RUN_DATE, "--period=year"));
        args.addAll(mappings);
        return InProcessRun.of(args);
    }

    XSSFWorkbook workbook() throws Exception {
        return WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"));
    }

    @Test
    void theUkListIsSummedPerDestinationAndYearInPoundsAndRefusalsAreTranslated() throws Exception {
        InProcessRun run = run(List.of(UK), UK_MAPPING);
        assertThat(run.exitCode()).as(run.printed()).isZero();

        // The file's own figures: licence_group,date,rating,count,value,country,refused.
        CountryResolver countries = CountryResolver.bundled();
        List<List<String>> file = CsvGrid.read(REAL.resolve(UK), ',');
        Map<String, BigDecimal> issued = new TreeMap<>();
        Map<String, BigDecimal> lastRowOfKey = new HashMap<>();
        BigDecimal unplaced = BigDecimal.ZERO;
        int refusedWithoutValue = 0;
        int unplacedRows = 0;
        for (List<String> row : file.subList(1, file.size())) {
            if (row.get(6).equals("1")) {
                assertThat(row.get(4))
                        .as("the excerpt's refusals carry no value")
                        .isEmpty();
                refusedWithoutValue++;
                continue;
            }
            var country = countries.resolve(row.get(5));
            BigDecimal value = new BigDecimal(row.get(4));
            if (country.isEmpty()) {
                unplaced = unplaced.add(value);
                unplacedRows++;
                continue;
            }
            String key = country.get().code() + "|" + row.get(1).substring(0, 4);
            issued.merge(key, value, BigDecimal::add);
            lastRowOfKey.put(key + "|" + row.get(1) + "|" + row.get(2), value);
        }
        assertThat(unplacedRows)
                .as("Channel Islands, no one country of ISO 3166")
                .isEqualTo(3);

        try (XSSFWorkbook wb = workbook()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            assertThat(overview.column("Value of licences issued (GBP)")).isNotNull();
            assertThat(overview.headers()).noneMatch(h -> h.contains("(EUR)"));
            issued.forEach((key, value) -> {
                String[] k = key.split("\\|");
                Map<String, WrittenCell> row = overview.row("ISO code", k[0], "Period (ISO)", k[1]);
                WrittenCell cell = overview.cell(row, "Value of licences issued (GBP)");
                assertThat(BigDecimal.valueOf(cell.number())).as(key).isEqualByComparingTo(value);
                assertThat(cell.shown()).as(key).endsWith(" GBP");
            });
            // Switzerland, 22 September 2014: two ML10 rows, 5,912 and 83,700 pounds; both count.
            Map<String, BigDecimal> replaced = lastRowOfEachKey(lastRowOfKey);
            assertThat(replaced.get("CH|2014")).isNotEqualByComparingTo(issued.get("CH|2014"));
            Map<String, WrittenCell> ch = overview.row("ISO code", "CH", "Period (ISO)", "2014");
            assertThat(BigDecimal.valueOf(
                            overview.cell(ch, "Value of licences issued (GBP)").number()))
                    .isEqualByComparingTo(issued.get("CH|2014"));

            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            Map<String, WrittenCell> f = quality.row("Input file", "licences/" + UK, "What", "file");
            assertThat(quality.cell(f, "Rows read").number()).isEqualTo(file.size() - 1.0);
            assertThat(quality.cell(f, "Rows rejected").number()).isEqualTo(refusedWithoutValue + unplacedRows);
            assertThat(quality.cell(f, "Rows used").number())
                    .isEqualTo(file.size() - 1.0 - refusedWithoutValue - unplacedRows);
            assertThat(quality.where(
                            r -> r.get(quality.column("Reason")).shown().equals("unknown country 'Channel Islands'")))
                    .hasSize(unplacedRows);
            assertThat(quality.where(
                            r -> r.get(quality.column("Reason")).shown().equals("neither licences nor value is given")))
                    .hasSize(refusedWithoutValue);

            // Every pound of the file is in the Overview or in a rejected row: nothing lost.
            BigDecimal shown = BigDecimal.ZERO;
            for (Map<String, WrittenCell> r : overview.rows()) {
                WrittenCell c = overview.cell(r, "Value of licences issued (GBP)");
                if (c.number() != null) shown = shown.add(BigDecimal.valueOf(c.number()));
            }
            BigDecimal total = issued.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(shown).isEqualByComparingTo(total);
            assertThat(total.add(unplaced)).isEqualByComparingTo(new BigDecimal("183527765"));

            // The Summary: the same yearly totals, per source (one here), in pounds.
            WrittenTable summary = WrittenTable.of(wb, "Summary");
            issued.forEach((key, value) -> {
                String[] k = key.split("\\|");
                Map<String, WrittenCell> row = summary.row("ISO code", k[0], "Year", k[1], "Kind", "Licences");
                assertThat(summary.cell(row, "Source").shown()).isEqualTo("UK strategic export controls, via CAAT");
                assertThat(BigDecimal.valueOf(
                                summary.cell(row, "Value of licences issued").number()))
                        .as(key)
                        .isEqualByComparingTo(value);
                assertThat(summary.cell(row, "Currency").shown()).isEqualTo("GBP");
            });

            // The Licences sheet names the rows it summed, and their currency.
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            double summed = licences.rows().stream()
                    .mapToDouble(r -> licences.cell(r, "Input rows summed").number())
                    .sum();
            assertThat(summed).isEqualTo(quality.cell(f, "Rows used").number());
            assertThat(licences.rows())
                    .allSatisfy(r ->
                            assertThat(licences.cell(r, "Currency").shown()).isEqualTo("GBP"));
        }
    }

    @Test
    void theSwissListIsReadWithFrancsGermanNamesAndSwissDigitGrouping() throws Exception {
        InProcessRun run = run(List.of(SECO), secoMapping(0, "licences/seco_*.csv", "dd.MM.yyyy"));
        assertThat(run.exitCode()).as(run.printed()).isZero();

        CountryResolver countries = CountryResolver.bundled();
        List<List<String>> file = CsvGrid.read(REAL.resolve(SECO), ';');
        Map<String, BigDecimal> issued = new TreeMap<>();
        Map<String, BigDecimal> lastRowOfKey = new HashMap<>();
        for (List<String> row : file.subList(1, file.size())) {
            // " Fr. 1'234.00 ": the test's own reading of the Swiss form.
            BigDecimal value = new BigDecimal(
                    row.get(12).strip().replace("Fr.", "").replace("'", "").strip());
            String code = countries
                    .resolve(row.get(2))
                    .orElseThrow(() -> new AssertionError(row.get(2)))
                    .code();
            String key = code + "|" + row.get(1).substring(6, 10);
            issued.merge(key, value, BigDecimal::add);
            lastRowOfKey.put(key + "|" + row.get(1), value);
        }
        // Several permits for one country on one day (no category mapped): one key, many rows.
        Map<String, BigDecimal> replaced = lastRowOfEachKey(lastRowOfKey);
        assertThat(issued.keySet().stream()
                        .filter(k -> replaced.get(k).compareTo(issued.get(k)) != 0)
                        .count())
                .as("destinations and years where keeping the last row of a key would publish less")
                .isGreaterThan(10);
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            issued.forEach((key, value) -> {
                String[] k = key.split("\\|");
                Map<String, WrittenCell> row = overview.row("ISO code", k[0], "Period (ISO)", k[1]);
                assertThat(BigDecimal.valueOf(overview.cell(row, "Value of licences issued (CHF)")
                                .number()))
                        .as(key)
                        .isEqualByComparingTo(value);
            });
            assertThat(issued.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(new BigDecimal("178200677"));
            // "Iran, Islamische Republik (SG)", "Korea, Republik", "Taiwan, Provinz von China", "Kaiman-Inseln".
            for (String code : List.of("IR", "KR", "TW", "KY", "HR", "GB", "PK")) {
                assertThat(overview.where(
                                r -> r.get(overview.column("ISO code")).shown().equals(code)))
                        .as(code)
                        .isNotEmpty();
            }
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            Map<String, WrittenCell> f = quality.row("Input file", "licences/" + SECO, "What", "file");
            assertThat(quality.cell(f, "Rows rejected").number()).isZero();
            assertThat(quality.cell(f, "Rows used").number()).isEqualTo(file.size() - 1.0);
            // Names read by a rule are said, so a reporter can check the reading.
            assertThat(quality.cell(f, "Raw text").shown()).contains("'Iran, Islamische Republik (SG)' as Iran (IR)");
        }
    }

    @Test
    void aListWhoseNamesLostTheirUmlautsIsNotGuessedAndTheRunSaysWhy() throws Exception {
        // The same SECO list saved through a lossy charset: "Russische F?deration", "?gypten", years as dd.MM.yy.
        InProcessRun run = run(List.of(SECO_LOSSY), secoMapping(0, "licences/seco_*.csv", "dd.MM.yy"));
        List<List<String>> file = CsvGrid.read(REAL.resolve(SECO_LOSSY), ';');
        long broken = file.subList(1, file.size()).stream()
                .filter(r -> r.get(2).contains("?"))
                .count();
        assertThat(broken).isPositive();
        assertThat((double) broken / (file.size() - 1))
                .as("more than the 5 % a file may lose")
                .isGreaterThan(0.05);
        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(run.printed()).contains(SECO_LOSSY).contains("unknown country 'Russische F?deration'");
    }

    @Test
    void aMappedValueWithoutACurrencyFailsWithASentenceSayingHowToStateIt() throws Exception {
        List<String> mapping = new ArrayList<>(UK_MAPPING);
        mapping.remove("--armswatch.mappings[0].currency=GBP");
        InProcessRun run = run(List.of(UK), mapping);
        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(run.printed())
                .contains(UK)
                .contains("mapping 'uk-caat' reads a value but does not say its currency")
                .contains("currency: GBP");
    }

    @Test
    void twoCurrenciesAreNeverAddedAndTheReporterIsTold() throws Exception {
        List<String> both = new ArrayList<>(UK_MAPPING);
        both.addAll(secoMapping(1, "licences/seco_*.csv", "dd.MM.yyyy"));
        InProcessRun run = run(List.of(UK, SECO), both);
        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(run.printed()).contains("warning: ").contains("licence values in more than one currency (CHF, GBP)");
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            // Where both lists name a destination in one year, pounds and francs stand side by side.
            List<Map<String, WrittenCell>> inBoth = overview.where(
                    r -> overview.cell(r, "Value of licences issued (GBP)").number() != null
                            && overview.cell(r, "Value of licences issued (CHF)")
                                            .number()
                                    != null);
            assertThat(inBoth).isNotEmpty();
            assertThat(overview.headers())
                    .map(h -> h.replaceAll(" \\[note \\d+]", ""))
                    .noneMatch(h ->
                            h.startsWith("Value of licences issued") && !h.endsWith("(CHF)") && !h.endsWith("(GBP)"));
            List<String> cover = new ArrayList<>();
            wb.getSheet("Cover").forEach(r -> cover.add(r.getCell(0).getStringCellValue()));
            assertThat(cover)
                    .anySatisfy(line ->
                            assertThat(line).startsWith("  Warning: ").contains("more than one currency (CHF, GBP)"));
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            assertThat(quality.where(r -> r.get(quality.column("What")).shown().equals("warning")
                            && r.get(quality.column("Reason")).shown().contains("more than one currency")))
                    .hasSize(1);
        }
    }
}
