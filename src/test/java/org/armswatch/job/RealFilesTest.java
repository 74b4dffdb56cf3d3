package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The real files of src/test/resources/realfiles/ through the whole job: the German government's licence values (OKF
 * DE's compilation, read through a column mapping given on the command line exactly as application.yml would give it)
 * and HDX's monthly conflict counts. The expected figures are computed here from the files themselves, with a parser of
 * the test's own.
 */
class RealFilesTest {

    static final Path REAL = Path.of("src/test/resources/realfiles");
    static final String RUN_DATE = "2026-11-28";
    static final String OKFDE = "okfde_ruex_2000_2013.csv";
    static final String HDX = "hdx_hapi_acled_conflict_event_2025_EXCERPT.csv";

    @TempDir
    Path dir;

    static final List<String> OKFDE_MAPPING = List.of(
            "--armswatch.mappings[0].name=okfde-ruex",
            "--armswatch.mappings[0].files=licences/okfde_*.csv",
            "--armswatch.mappings[0].columns.destination=iso3_code",
            "--armswatch.mappings[0].columns.value_eur=gesamt",
            "--armswatch.mappings[0].columns.period=year",
            "--armswatch.mappings[0].constants.exporter=DE",
            "--armswatch.mappings[0].constants.source=German arms export reports, via OKF DE armsexport-map",
            "--armswatch.mappings[0].date-format=yyyy-MM-dd",
            "--armswatch.mappings[0].period-is=year");

    Path input() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        Files.copy(REAL.resolve(OKFDE), input.resolve("licences").resolve(OKFDE));
        Files.copy(REAL.resolve(HDX), input.resolve("unrest").resolve(HDX));
        return input;
    }

    String run(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--input=" + input(), "--output=" + dir.resolve("output"), "--run-date=" + RUN_DATE, "--period=month"));
        args.addAll(List.of(more));
        InProcessRun run = InProcessRun.of(args);
        assertThat(run.exitCode()).as(run.printed()).isZero();
        return run.printed();
    }

    XSSFWorkbook workbook() throws Exception {
        return WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"));
    }

    @Test
    void theGermanLicenceFileGivesItsOwnFiguresYearByYear() throws Exception {
        List<String> args = new ArrayList<>(OKFDE_MAPPING);
        run(args.toArray(String[]::new));
        List<List<String>> file = CsvGrid.read(REAL.resolve(OKFDE), ';');
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            // Kazakhstan, every year, exactly as in the file (2013: 7,976,550 EUR).
            for (List<String> row : file.subList(1, file.size())) {
                if (!row.get(4).equals("KAZ")) continue;
                String year = row.get(0).substring(0, 4);
                Map<String, WrittenCell> kz = licences.row("Destination ISO code", "KZ", "Period (ISO)", year);
                assertThat(licences.cell(kz, "Value").number())
                        .as("KZ " + year)
                        .isEqualTo(Double.parseDouble(row.get(1)));
                assertThat(licences.cell(kz, "Licences").shown()).isEqualTo("[x]");
            }
            Map<String, WrittenCell> kz2013 = licences.row("Destination ISO code", "KZ", "Period (ISO)", "2013");
            assertThat(licences.cell(kz2013, "Value").number()).isEqualTo(7_976_550.0);

            // Per year: the file's own total = what the Licences sheet holds + what Data_quality rejected.
            Map<String, BigDecimal> fileTotals = new TreeMap<>();
            for (List<String> row : file.subList(1, file.size())) {
                fileTotals.merge(row.get(0).substring(0, 4), new BigDecimal(row.get(1)), BigDecimal::add);
            }
            Map<String, BigDecimal> accounted = new TreeMap<>();
            for (Map<String, WrittenCell> r : licences.rows()) {
                accounted.merge(
                        licences.cell(r, "Period (ISO)").shown(),
                        BigDecimal.valueOf(licences.cell(r, "Value").number()),
                        BigDecimal::add);
            }
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            for (Map<String, WrittenCell> r :
                    quality.where(r -> r.get(quality.column("What")).shown().equals("rejected"))) {
                String[] raw = quality.cell(r, "Raw text").shown().split(";");
                accounted.merge(raw[0].substring(0, 4), new BigDecimal(raw[1]), BigDecimal::add);
            }
            assertThat(accounted.keySet()).isEqualTo(fileTotals.keySet());
            fileTotals.forEach((year, total) ->
                    assertThat(accounted.get(year)).as("total of " + year).isEqualByComparingTo(total));

            // The file names Kosovo (2011 and 2012) with the code 123, which is no ISO code: rejected, never guessed.
            assertThat(quality.where(
                            r -> r.get(quality.column("Reason")).shown().equals("unknown country '123'")))
                    .hasSize(2);
        }
    }

    @Test
    void aUserAliasFileMakesAnEditorialCallWithoutARebuild() throws Exception {
        Path aliases = dir.resolve("my-aliases.csv");
        Files.writeString(aliases, "# OKF DE's compilation writes Kosovo as 123\n123,XK\n");
        List<String> args = new ArrayList<>(OKFDE_MAPPING);
        args.add("--country-aliases=" + aliases);
        run(args.toArray(String[]::new));
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            Map<String, WrittenCell> xk2011 = licences.row("Destination ISO code", "XK", "Period (ISO)", "2011");
            assertThat(licences.cell(xk2011, "Destination").shown()).isEqualTo("Kosovo");
            assertThat(licences.cell(xk2011, "Value").number()).isEqualTo(1_156_035.0);
        }
    }

    @Test
    void hdxCountsAreSummedPerCountryAndMonthFromWholeCountryRowsOnly() throws Exception {
        run(OKFDE_MAPPING.toArray(String[]::new));
        List<List<String>> file = CsvGrid.read(REAL.resolve(HDX), ',');
        List<String> header = file.get(0);
        int location = header.indexOf("location_code");
        int level = header.indexOf("admin_level");
        int type = header.indexOf("event_type");
        int events = header.indexOf("events");
        int fatalities = header.indexOf("fatalities");
        int start = header.indexOf("reference_period_start");
        CountryResolver countries = CountryResolver.bundled();
        Map<String, long[]> expected = new TreeMap<>();
        int belowCountry = 0;
        for (List<String> row : file.subList(1, file.size())) {
            if (!row.get(level).equals("0")) {
                belowCountry++;
                continue;
            }
            String key = countries.resolve(row.get(location)).orElseThrow().code() + "|"
                    + row.get(start).substring(0, 7) + "|" + row.get(type);
            long[] sum = expected.computeIfAbsent(key, k -> new long[] {0, 0, 0});
            sum[0] += Long.parseLong(row.get(events));
            if (row.get(fatalities).isEmpty()) sum[2]++;
            else sum[1] += Long.parseLong(row.get(fatalities));
        }
        assertThat(belowCountry)
                .as("the excerpt has admin-area rows to leave out")
                .isPositive();
        try (XSSFWorkbook wb = workbook()) {
            WrittenTable unrest = WrittenTable.of(wb, "Unrest");
            List<Map<String, WrittenCell>> hdx =
                    unrest.where(r -> r.get(unrest.column("Kind")).shown().equals("HDX event counts"));
            assertThat(hdx).hasSize(expected.size());
            expected.forEach((key, sum) -> {
                String[] k = key.split("\\|");
                Map<String, WrittenCell> row = unrest.row(
                        "ISO code",
                        k[0],
                        "Period (ISO)",
                        k[1],
                        "Kind",
                        "HDX event counts",
                        "Event type or metric",
                        k[2]);
                assertThat(unrest.cell(row, "Events").number()).as(key).isEqualTo((double) sum[0]);
                // A blank fatality count is not reported, [x], never 0.
                assertThat(unrest.cell(row, "Fatalities").shown())
                        .as(key)
                        .isEqualTo(sum[2] > 0 ? "[x]" : String.format("%,d", sum[1]));
            });
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            Map<String, WrittenCell> f = quality.row("Input file", "unrest/" + HDX, "What", "file");
            assertThat(quality.cell(f, "Skipped on purpose").number()).isEqualTo((double) belowCountry);
            assertThat(quality.cell(f, "Rows rejected").number()).isZero();
            Map<String, WrittenCell> xk = unrest.row(
                    "ISO code",
                    "XK",
                    "Period (ISO)",
                    "2025-01",
                    "Kind",
                    "HDX event counts",
                    "Event type or metric",
                    "demonstration");
            assertThat(unrest.cell(xk, "Country").shown()).isEqualTo("Kosovo");
        }
    }

    @Test
    void aMappingThatNamesAMissingColumnFailsNamingFileMappingAndColumn() throws Exception {
        List<String> args = new ArrayList<>(
                List.of("--input=" + input(), "--output=" + dir.resolve("output"), "--run-date=" + RUN_DATE));
        args.addAll(OKFDE_MAPPING);
        args.add("--armswatch.mappings[0].columns.licences=anzahl");
        InProcessRun run = InProcessRun.of(args);
        assertThat(run.exitCode()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(run.printed())
                .contains(OKFDE)
                .contains("mapping 'okfde-ruex'")
                .contains("'anzahl'");
    }

    /**
     * SIPRI's exports are the other arms-trade data a desk keeps: trend-indicator values of deliveries, not licences or
     * money. Dropped into the input folder, either fails the run before anything is staged, saying what it is.
     */
    @Test
    void aSipriExportInTheInputFolderFailsTheRunSayingWhatItIs() throws Exception {
        for (String sipri : List.of(
                "sipri_tiv_export_KAZ_1950-2021.csv",
                "sipri_trade_register_2000-2030_recipient_Kazakhstan_EXCERPT.csv")) {
            Path input = input();
            Files.copy(REAL.resolve(sipri), input.resolve("licences").resolve(sipri));
            Path output = dir.resolve("output-" + sipri);
            InProcessRun run = InProcessRun.of("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE);
            assertThat(run.exitCode()).as(run.printed()).isEqualTo(ExitCode.RUN_FAILED.code());
            assertThat(run.printed())
                    .contains(sipri + ": this is a SIPRI Arms Transfers Database export")
                    .contains("not money")
                    .doesNotContain("stageInputs started");
            assertThat(output.resolve("latest")).doesNotExist();
            org.armswatch.publish.RunFolder.deleteTree(input);
        }
    }
}
