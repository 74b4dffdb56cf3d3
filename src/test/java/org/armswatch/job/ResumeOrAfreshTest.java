package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WrittenTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the next start does with a failed run: resume it when its inputs are as they were, start it afresh when they
 * changed (the usual fix) or when --rerun asks, and never let a later date's completion take away what the failed run
 * had staged.
 */
class ResumeOrAfreshTest {

    @TempDir
    Path dir;

    static final String BROKEN = "exporter,destination,period,licences,value_eur,source\n"
            + "DE,Kazakhstan,2023,3,300000,test\nDE,Atlantis,2023,1,100,test\n";
    static final String FIXED = "exporter,destination,period,licences,value_eur,source\n"
            + "DE,Kazakhstan,2023,3,300000,test\nDE,Uzbekistan,2023,1,100,test\n";

    InProcessRun run(Path input, String date, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "--input=" + input;
        args[1] = "--output=" + dir.resolve("output");
        args[2] = "--run-date=" + date;
        System.arraycopy(more, 0, args, 3, more.length);
        return InProcessRun.of(args);
    }

    Map<String, WrittenTable.WrittenCell> overviewRow(String date, String country, String period) throws Exception {
        try (XSSFWorkbook wb =
                WrittenTable.open(dir.resolve("output").resolve(date).resolve("report-" + date + ".xlsx"))) {
            return WrittenTable.of(wb, "Overview").row("ISO code", country, "Period (ISO)", period);
        }
    }

    /** The Licences sheet's value for the corrected row of the desk's additions. */
    double uzbekistanIn2023() throws Exception {
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-2026-11-28.xlsx"))) {
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            return licences.cell(
                            licences.row(
                                    "Destination ISO code",
                                    "UZ",
                                    "Period (ISO)",
                                    "2023",
                                    "Input file",
                                    "licences/zz_desk_additions.csv"),
                            "Value")
                    .number();
        }
    }

    /** The cell of the column whose header starts so (headers carry units and note references). */
    static WrittenTable.WrittenCell column(Map<String, WrittenTable.WrittenCell> row, String start) {
        return row.entrySet().stream()
                .filter(e -> e.getKey().startsWith(start))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    @Test
    void aFixedInputStartsTheFailedRunAfresh() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path extra = input.resolve("licences/zz_desk_additions.csv");
        Files.writeString(extra, BROKEN);
        InProcessRun failed = run(input, "2026-11-28");
        assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(1);
        assertThat(failed.printed()).contains("zz_desk_additions.csv: 1 of 2 rows rejected");

        Files.writeString(extra, FIXED);
        InProcessRun fixed = run(input, "2026-11-28");
        assertThat(fixed.exitCode()).as(fixed.printed()).isZero();
        assertThat(fixed.printed()).contains("starting it afresh");
        // The corrected row is in: resuming would have kept the failed run's staged file, without it.
        assertThat(uzbekistanIn2023()).isEqualTo(100.0);
    }

    /**
     * The other usual fix: an alias for the country a row named. The files are as they were, but the staged rows were
     * read without it, so the run is made afresh, not resumed into the same rejection.
     */
    @Test
    void anAliasAddedForARejectedCountryStartsTheFailedRunAfresh() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Files.writeString(input.resolve("licences/zz_desk_additions.csv"), BROKEN);
        InProcessRun failed = run(input, "2026-11-28");
        assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(1);

        Path aliases = Files.writeString(dir.resolve("aliases.csv"), "alias,code\nAtlantis,UZ\n");
        InProcessRun fixed = run(input, "2026-11-28", "--country-aliases=" + aliases);
        assertThat(fixed.exitCode()).as(fixed.printed()).isZero();
        assertThat(fixed.printed())
                .contains("country aliases or extra metrics changed since it began")
                .contains("starting it afresh");
        assertThat(uzbekistanIn2023()).isEqualTo(100.0);
    }

    @Test
    void aFailedDateResumedAfterALaterDateCompletedKeepsItsFiguresAndLatestStaysOnTheNewest() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        InProcessRun failed = run(input, "2026-11-27", "--reject-threshold=0.01");
        assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(1);
        assertThat(run(input, "2026-11-28").exitCode()).isZero();

        InProcessRun resumed = run(input, "2026-11-27");
        assertThat(resumed.exitCode()).as(resumed.printed()).isZero();
        assertThat(resumed.printed()).doesNotContain("afresh");
        assertThat(column(overviewRow("2026-11-27", "KZ", "2021"), "Licences issued")
                        .number())
                .isEqualTo(25.0);
        assertThat(Files.readSymbolicLink(dir.resolve("output/latest")).toString())
                .isEqualTo("2026-11-28");
    }

    /** Its licence rows sit where this version does not read them: resumed, its Overview would lack them. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                // aw_licence, as the first versions wrote it, with two indexes
                "CREATE TABLE aw_licence (run_id BIGINT NOT NULL, file_no INT NOT NULL, exporter VARCHAR(2));"
                        + "INSERT INTO aw_licence SELECT run_id, 1, 'DE' FROM aw_run",
                // aw_licence_row, a database row per licence row
                "INSERT INTO aw_licence_row SELECT run_id, run_id, 1, 'DE', 'KZ', '2021', '2021', '', 'issued', 25, 2200000,"
                        + " 'test' FROM aw_run"
            })
    void aFailedRunThatAnEarlierVersionStagedStartsAfresh(String earlierStaging) throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        assertThat(run(input, "2026-11-27", "--reject-threshold=0.01").exitCode())
                .isEqualTo(1);
        String url = "jdbc:h2:file:" + dir.resolve("output/.state/armswatch").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement sql = db.createStatement()) {
            // The failed run's rows as the earlier version left them; this version staged none.
            for (String statement : earlierStaging.split(";")) sql.execute(statement);
            sql.execute("DELETE FROM aw_licence_block");
        }
        InProcessRun resumed = run(input, "2026-11-27");
        assertThat(resumed.exitCode()).as(resumed.printed()).isZero();
        assertThat(resumed.printed()).contains("an earlier version of armswatch staged", "starting it afresh");
        assertThat(column(overviewRow("2026-11-27", "KZ", "2021"), "Licences issued")
                        .number())
                .isEqualTo(25.0);
    }

    @Test
    void rerunOnAFailedDateStartsAfreshAndAnotherPeriodIsRefused() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        assertThat(run(input, "2026-11-28", "--reject-threshold=0.01").exitCode())
                .isEqualTo(1);

        InProcessRun otherPeriod = run(input, "2026-11-28", "--period=year");
        assertThat(otherPeriod.exitCode()).isEqualTo(2);
        assertThat(otherPeriod.printed()).contains("began with --period=quarter");

        InProcessRun rerun = run(input, "2026-11-28", "--rerun", "--period=year");
        assertThat(rerun.exitCode()).as(rerun.printed()).isZero();
        assertThat(overviewRow("2026-11-28", "KZ", "2022")).isNotEmpty();
    }

    @Test
    void hdxCountsFillTheMonthsAnAcledExportDoesNotCover() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        Files.writeString(
                input.resolve("licences/l.csv"),
                "exporter,destination,period,licences,value_eur\nDE,KZ,2022-Q1,1,10\n");
        Files.writeString(
                input.resolve("unrest/acled.csv"),
                "event_id_cnty,event_date,event_type,iso,country,fatalities,timestamp\n"
                        + "KAZ1,2022-01-05,Protests,398,Kazakhstan,0,1\nKAZ2,2022-01-06,Riots,398,Kazakhstan,1,1\n");
        Files.writeString(
                input.resolve("unrest/hdx.csv"),
                "location_code,admin_level,event_type,events,fatalities,reference_period_start\n"
                        + "KAZ,0,demonstration,2,,2022-01-01\nKAZ,0,demonstration,50,,2022-02-01\nKAZ,0,political_violence,40,4,2022-03-01\n");
        InProcessRun run = run(input, "2026-11-28");
        assertThat(run.exitCode()).as(run.printed()).isZero();
        Map<String, WrittenTable.WrittenCell> q1 = overviewRow("2026-11-28", "KZ", "2022-Q1");
        // January from ACLED (2 events, 1 killed); February and March from HDX (50 + 40 events, 4 killed).
        assertThat(column(q1, "Unrest events").number()).isEqualTo(92.0);
        assertThat(column(q1, "Fatalities").shown()).isEqualTo("≥ 5");
    }

    @Test
    void overlappingHdxDownloadsCountEachMonthOnceFromTheFileReadLast() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        Files.writeString(
                input.resolve("licences/l.csv"),
                "exporter,destination,period,licences,value_eur\nDE,KZ,2022-Q1,1,10\n");
        String header = "location_code,admin_level,event_type,events,fatalities,reference_period_start\n";
        Files.writeString(
                input.resolve("unrest/hdx_2022-03-01_download.csv"),
                header + "KAZ,0,demonstration,10,0,2022-01-01\nKAZ,0,demonstration,20,0,2022-02-01\n");
        Files.writeString(
                input.resolve("unrest/hdx_2022-04-01_download.csv"),
                header + "KAZ,0,demonstration,25,0,2022-02-01\nKAZ,0,demonstration,30,0,2022-03-01\n");
        InProcessRun run = run(input, "2026-11-28");
        assertThat(run.exitCode()).as(run.printed()).isZero();
        // Files are read in name order: January 10 (first download), February 25 (the later download's, not 20 + 25),
        // March 30.
        assertThat(column(overviewRow("2026-11-28", "KZ", "2022-Q1"), "Unrest events")
                        .number())
                .isEqualTo(65.0);
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-2026-11-28.xlsx"))) {
            WrittenTable unrest = WrittenTable.of(wb, "Unrest");
            assertThat(unrest.cell(
                                    unrest.row("ISO code", "KZ", "Period (ISO)", "2022-Q1", "Kind", "HDX event counts"),
                                    "Events")
                            .number())
                    .isEqualTo(65.0);
        }
    }

    @Test
    void aYearsTotalIsCountedOnceBesideItsQuartersInAYearlyReport() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        Files.writeString(
                input.resolve("licences/a_yearly.csv"),
                "exporter,destination,period,licences,value_eur\n" + "DE,KZ,2021,25,2200000\n");
        Files.writeString(
                input.resolve("licences/b_quarterly.csv"),
                "exporter,destination,period,licences,value_eur\n"
                        + "DE,KZ,2021-Q1,5,400000\nDE,KZ,2021-Q2,5,400000\nDE,KZ,2021-Q3,7,700000\nDE,KZ,2021-Q4,8,700000\n"
                        + "FR,KZ,2021-Q1,1,1000\n");
        InProcessRun run = run(input, "2026-11-28", "--period=year");
        assertThat(run.exitCode()).as(run.printed()).isZero();
        // DE's 2021 total (25) counts, not 25 + 5 + 5 + 7 + 8; FR's quarter has no total beside it and counts.
        Map<String, WrittenTable.WrittenCell> kz = overviewRow("2026-11-28", "KZ", "2021");
        assertThat(column(kz, "Licences issued").number()).isEqualTo(26.0);
        assertThat(column(kz, "Value of licences issued").number()).isEqualTo(2_201_000.0);
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-2026-11-28.xlsx"))) {
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            assertThat(licences.cell(
                                    licences.row(
                                            "Exporter ISO code",
                                            "DE",
                                            "Period (ISO)",
                                            "2021",
                                            "Input file",
                                            "licences/b_quarterly.csv"),
                                    "Licences")
                            .number())
                    .isEqualTo(25.0);
        }
    }

    @Test
    void quartersRolledUpIntoAYearMakeOneLicencesRowWithTheirSourcesAndAFloorWhereACountIsMissing() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        Files.writeString(
                input.resolve("licences/q.csv"),
                "exporter,destination,period,licences,value_eur,source\n"
                        + "DE,KZ,2021-Q1,5,400000,Report B\nDE,KZ,2021-Q2,,400000,Report A\nDE,KZ,2021-Q3,7,700000.50,Report D\n"
                        + "DE,KZ,2021-Q4,8,700000,Report C\nDE,KZ,2022-Q1,2,,Report A\nDE,KZ,2022-Q2,3,100,Report A\n");
        InProcessRun run = run(input, "2026-11-28", "--period=year");
        assertThat(run.exitCode()).as(run.printed()).isZero();
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-2026-11-28.xlsx"))) {
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            Map<String, WrittenTable.WrittenCell> y2021 = licences.row("Period (ISO)", "2021");
            // Q2 has no count: the sum of the others is a floor; every value is there, so the value is exact.
            assertThat(licences.cell(y2021, "Licences").shown()).isEqualTo("≥ 20");
            assertThat(licences.cell(y2021, "Value").number()).isEqualTo(2_200_000.50);
            assertThat(licences.cell(y2021, "Source").shown()).isEqualTo("Report A; Report D and 2 more");
            Map<String, WrittenTable.WrittenCell> y2022 = licences.row("Period (ISO)", "2022");
            assertThat(licences.cell(y2022, "Licences").number()).isEqualTo(5.0);
            assertThat(licences.cell(y2022, "Value").shown()).isEqualTo("≥ 100.00 EUR");
            assertThat(licences.cell(y2022, "Source").shown()).isEqualTo("Report A");
            assertThat(licences.rows()).hasSize(2);
        }
    }

    @Test
    void everyRevisedAcledEventIsCountedAndTheFirstThousandAreListed() throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        Files.writeString(
                input.resolve("licences/l.csv"),
                "exporter,destination,period,licences,value_eur\nDE,KZ,2022-Q1,1,10\n");
        StringBuilder acled =
                new StringBuilder("event_id_cnty,event_date,event_type,iso,country,fatalities,timestamp\n");
        for (int copy = 1; copy <= 3; copy++) {
            for (int e = 0; e < 600; e++)
                acled.append("KAZ")
                        .append(e)
                        .append(",2022-01-05,Protests,398,Kazakhstan,1,")
                        .append(copy)
                        .append('\n');
        }
        Files.writeString(input.resolve("unrest/acled.csv"), acled);
        InProcessRun run = run(input, "2026-11-28");
        assertThat(run.exitCode()).as(run.printed()).isZero();
        assertThat(column(overviewRow("2026-11-28", "KZ", "2022-Q1"), "Unrest events")
                        .number())
                .isEqualTo(600.0);
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-2026-11-28.xlsx"))) {
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            Map<String, WrittenTable.WrittenCell> file = quality.row("Input file", "unrest/acled.csv", "What", "file");
            assertThat(quality.cell(file, "Rows read").number()).isEqualTo(1800.0);
            assertThat(quality.cell(file, "Rows used").number()).isEqualTo(600.0);
            assertThat(quality.cell(file, "Duplicates replaced").number()).isEqualTo(1200.0);
            assertThat(quality.cell(file, "Raw text").shown())
                    .contains(
                            "1,200 duplicate events replaced by a later copy, all counted; Data_quality lists 1,000 of them");
            assertThat(quality.where(r -> r.get("What").shown().equals("replaced")))
                    .hasSize(1000);
        }
    }
}
