package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WrittenTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operator gets for each situation of product.md's cron table that this issue covers: the exit code, the
 * sentence on standard output, and that nothing is published by a failure.
 */
class NightlyRunOutcomesTest {

    static final String RUN_DATE = "2026-11-28";

    @TempDir
    Path dir;

    static InProcessRun run(String... args) {
        return InProcessRun.of(args);
    }

    @Test
    void tooManyRejectedRowsFailTheRunBeforeAnythingIsPublished() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        // german_excel_export.csv rejects 1 of 32 rows (3.1 %), illustrative_licences.csv 3 of 130 (2.3 %): both over 2
        // %.
        InProcessRun failed =
                run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE, "--reject-threshold=0.02");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.printed())
                .contains("licences/illustrative_licences.csv: 3 of 130 rows rejected")
                .contains("licences/german_excel_export.csv: 1 of 32 rows rejected")
                .contains("unknown country 'Kazakstn'")
                .contains("exit 1");
        assertThat(output.resolve(RUN_DATE)).doesNotExist();
        assertThat(output.resolve("latest")).doesNotExist();

        // The next start, with the threshold back at its default, resumes the failed run and publishes it.
        InProcessRun resumed = run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE);
        assertThat(resumed.exitCode()).isZero();
        assertThat(output.resolve("latest").resolve("report-" + RUN_DATE + ".xlsx"))
                .exists();
    }

    @Test
    void theCronLineNamesTenNewLeadsAndCountsTheRest() {
        // The benchmark's random workload raises over a thousand leads: a 32 KB line in the operator's mail.
        var many = java.util.stream.IntStream.rangeClosed(1, 25)
                .mapToObj(i -> "Country" + i + " Jan to Mar 2022")
                .toList();
        assertThat(NightlyRun.leadsLine(many))
                .contains("Country10 Jan to Mar 2022 and 15 more")
                .doesNotContain("Country11");
        assertThat(NightlyRun.leadsLine(many.subList(0, 10))).endsWith("Country10 Jan to Mar 2022");
        assertThat(NightlyRun.leadsLine(java.util.List.of())).isEmpty();
    }

    @Test
    void aMissingInputFolderFailsWithItsName() {
        InProcessRun outcome =
                run("--input=" + dir.resolve("nowhere"), "--output=" + dir.resolve("output"), "--run-date=" + RUN_DATE);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.printed()).contains("nowhere").contains("the input folder does not exist");
        assertThat(dir.resolve("output").resolve("latest")).doesNotExist();
    }

    @Test
    void aFileWithoutTheColumnsOfItsFolderFailsTheRunNamingTheFile() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Files.writeString(input.resolve("licences/zz_wrong.csv"), "name,amount\nKazakhstan,5\n");
        InProcessRun outcome = run("--input=" + input, "--output=" + dir.resolve("output"), "--run-date=" + RUN_DATE);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.printed()).contains("zz_wrong.csv").contains("not a licence file");
    }

    @Test
    void aStrayQuoteFailsTheRunWhereTheRowsItTookInWouldHaveVanishedFromThePublishedTotals() throws Exception {
        // 3,000 rows, then a quote opened before 100 in the value or in the source; the 60 licences to Turkey after it.
        String neverClosed = "DE,FR,2021,3,\"100,issued,source\n" + turkey(60);
        String closedLater =
                "DE,FR,2021,3,100,issued,\"Register 2021\n" + turkey(59) + "DE,TR,2021-Q1,1,1000,issued,barrel 12\"\n";
        // 1 rejected row in 3,001 is under the 5 % threshold; the second file rejects none: both published with exit 0.
        assertThat(runWithLicences("never-closed", neverClosed))
                .contains(
                        "licences/zz_stray_quote.csv: line 3002 opens a quote that is never closed, so the 60 lines after it"
                                + " cannot be read as rows");
        assertThat(runWithLicences("closed-later", closedLater))
                .contains(
                        "licences/zz_stray_quote.csv: line 3002 opens a quote that runs on to line 3062 and takes in 60 lines"
                                + " that have a row's delimiters");
    }

    private static String turkey(int rows) {
        return "DE,TR,2021-Q1,1,1000,issued,row\n".repeat(rows);
    }

    /** What the run printed, having checked that it failed with exit 1 and published nothing. */
    private String runWithLicences(String name, String tail) throws Exception {
        Path input = BundledInput.copyTo(dir.resolve(name).resolve("input"));
        Path output = dir.resolve(name).resolve("output");
        String head = "exporter,destination,period,licences,value_eur,status,source\n"
                + "DE,KZ,2021-Q1,1,10,issued,row\n".repeat(3_000);
        Files.writeString(input.resolve("licences/zz_stray_quote.csv"), head + tail);
        InProcessRun outcome = run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(output.resolve("latest")).doesNotExist();
        return outcome.printed();
    }

    @Test
    void badOptionsSayWhatIsAllowedAndTouchNothing() {
        Path output = dir.resolve("output");
        InProcessRun period = run("--output=" + output, "--period=week");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.printed()).contains("period 'week' is not allowed: use month, quarter or year");

        InProcessRun date = run("--output=" + output, "--run-date=28.11.2026");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.printed()).contains("YYYY-MM-DD");

        InProcessRun unknown = run("--output=" + output, "--perod=year");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.printed()).contains("unknown option --perod");

        InProcessRun threshold = run("--output=" + output, "--reject-threshold=1.5");
        assertThat(threshold.exitCode()).isEqualTo(2);
        // Checked before the lock and the database: no state, no run (only the log file may exist).
        assertThat(output.resolve(".state").resolve("run.lock")).doesNotExist();
        assertThat(output.resolve(".state").resolve("armswatch.mv.db")).doesNotExist();
        assertThat(output.resolve(".work")).doesNotExist();
    }

    @Test
    void aSecondRunOnTheSameStateIsRefusedAndNamesTheFirst() throws Exception {
        Path output = dir.resolve("output");
        try (RunLock held = RunLock.take(output.resolve(".state"), "run date " + RUN_DATE)) {
            InProcessRun refused = run(
                    "--input=" + BundledInput.copyTo(dir.resolve("input")),
                    "--output=" + output,
                    "--run-date=" + RUN_DATE);
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.printed())
                    .contains("another armswatch run is in progress")
                    .contains("pid " + ProcessHandle.current().pid());
        }
        assertThat(output.resolve(".state").resolve("armswatch.mv.db")).doesNotExist();
    }

    @Test
    void rerunMakesAFreshRunWithTheSameFiguresAndTheSameBytes() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        assertThat(run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE)
                        .exitCode())
                .isZero();
        Path report = output.resolve(RUN_DATE).resolve("report-" + RUN_DATE + ".xlsx");
        Map<String, byte[]> first = ChangesTest.files(output.resolve(RUN_DATE));

        InProcessRun rerun = run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE, "--rerun");
        assertThat(rerun.exitCode()).isZero();
        assertThat(rerun.printed()).doesNotContain("already done");
        // Same inputs and run date: the same workbooks (main and per country), PNGs and SVGs, byte for byte.
        Map<String, byte[]> again = ChangesTest.files(output.resolve(RUN_DATE));
        assertThat(again.keySet())
                .isEqualTo(first.keySet())
                .contains(
                        "report-" + RUN_DATE + ".xlsx",
                        "countries/KZ-Kazakhstan.xlsx",
                        "charts/timeline-KZ.png",
                        "charts/timeline-KZ.svg");
        first.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
        try (XSSFWorkbook wb = WrittenTable.open(report)) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            Map<String, WrittenTable.WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
            assertThat(overview.cell(kz, "Licences issued").number()).isEqualTo(25.0);
        }
    }

    @Test
    void yearlyReportRollsQuartersUpAndNeverSplitsAYear() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        assertThat(run("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE, "--period=year")
                        .exitCode())
                .isZero();
        try (XSSFWorkbook wb = WrittenTable.open(output.resolve("latest").resolve("report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            assertThat(overview.where(
                            r -> r.get(overview.column("Period (ISO)")).shown().contains("-Q")))
                    .isEmpty();
            Map<String, WrittenTable.WrittenCell> kz2022 = overview.row("ISO code", "KZ", "Period (ISO)", "2022");
            // The four 2022 quarters of illustrative_licences.csv: 8 + 8 + 9 + 5 licences.
            assertThat(overview.cell(kz2022, "Licences issued").number()).isEqualTo(30.0);
            // Cumulative tally figures stay the latest report in the year, not a sum over quarters.
            assertThat(overview.cell(kz2022, "Detained, latest").number()).isEqualTo(9_900.0);
        }
    }

    @Test
    void helpPrintsTheOptionsAndExitCodes() {
        InProcessRun help = run("--help", "--output=" + dir.resolve("output"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.printed()).contains("--period").contains("Exit codes");
    }
}
