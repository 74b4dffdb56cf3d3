package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a licence figure could be counted two ways, the job counts it one stated way and says so: on the cron line, on
 * the Cover and in Data_quality, with the number of rows it left out. Never a quiet number.
 */
class LicenceWarningsTest {

    static final String RUN_DATE = "2026-12-03";

    @TempDir
    Path dir;

    InProcessRun run(Map<String, String> licenceFiles, String period) throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("licences"));
        Files.createDirectories(input.resolve("unrest"));
        for (var f : licenceFiles.entrySet())
            Files.writeString(input.resolve("licences").resolve(f.getKey()), f.getValue());
        Files.writeString(
                input.resolve("unrest/tally.csv"), "country,date,metric,value\nKZ,2022-01-08,detained,4400\n");
        InProcessRun run = InProcessRun.of(
                "--input=" + input,
                "--output=" + dir.resolve("output"),
                "--run-date=" + RUN_DATE,
                "--period=" + period);
        assertThat(run.exitCode()).as(run.printed()).isZero();
        return run;
    }

    List<String> cover(XSSFWorkbook wb) {
        List<String> lines = new ArrayList<>();
        wb.getSheet("Cover").forEach(r -> lines.add(r.getCell(0).getStringCellValue()));
        return lines;
    }

    @Test
    void aListSavedAsAWorkbookBesideTheCsvFilesIsNamedAsNotRead() throws Exception {
        Files.createDirectories(dir.resolve("input/licences/.git"));
        Files.writeString(dir.resolve("input/licences/.git/config"), "[core]\n");
        Files.writeString(dir.resolve("input/licences/~$list_2022.xlsx"), "lock");
        Files.writeString(dir.resolve("input/licences/README.md"), "# Sources\n");
        Files.write(dir.resolve("input/licences/list_2022.xlsx"), new byte[] {0x50, 0x4B, 3, 4});
        InProcessRun run = run(
                Map.of(
                        "list_2021.csv",
                        "exporter,destination,period,licences,value_eur,source\nDE,KZ,2021,25,2200000,German government\n"),
                "year");
        // The run goes on from the CSV files, and says which file it left out; hidden files, locks and notes are not
        // data.
        String warning = "not read, as only *.csv files are: licences/list_2022.xlsx (save a spreadsheet as CSV UTF-8"
                + " to have it read)";
        assertThat(run.printed()).contains("1 warning").contains("warning: " + warning);
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            assertThat(quality.row("What", "warning")
                            .get(quality.column("Reason"))
                            .shown())
                    .isEqualTo(warning);
            assertThat(cover(wb)).anySatisfy(l -> assertThat(l).contains("Warning: " + warning));
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            Map<String, WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
            assertThat(overview.cell(kz, "Licences issued").number()).isEqualTo(25.0);
        }
    }

    @Test
    void theSameKeyInTwoFilesCountsOnceFromTheFileReadLastAndIsNamed() throws Exception {
        InProcessRun run = run(
                Map.of(
                        "a_government.csv",
                                "exporter,destination,period,licences,value_eur,source\nDE,KZ,2021,25,2200000,German government via dpa\n",
                        "b_parliament.csv",
                                "exporter,destination,period,licences,value_eur,source\nDE,KZ,2021,24,2150000,Parliamentary answer\n"),
                "year");
        String warning =
                "1 licence row not counted in the Overview: licences/b_parliament.csv, read later, gives figures"
                        + " for the same exporter, destination, period, category, status and currency";
        assertThat(run.printed()).contains("1 warning").contains("warning: licences/a_government.csv: " + warning);
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            Map<String, WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
            assertThat(overview.cell(kz, "Licences issued").number()).isEqualTo(24.0);
            assertThat(overview.cell(kz, "Value of licences issued (EUR)").number())
                    .isEqualTo(2_150_000.0);
            assertThat(WrittenTable.of(wb, "Licences").rows()).hasSize(2);
            WrittenTable quality = WrittenTable.of(wb, "Data_quality");
            assertThat(quality.row("What", "warning")
                            .get(quality.column("Reason"))
                            .shown())
                    .startsWith(warning);
            assertThat(cover(wb))
                    .anySatisfy(l -> assertThat(l).contains("Warning: licences/a_government.csv: " + warning));
        }
    }

    @Test
    void aYearsTotalBesideItsQuartersCountsAsTheTotalAndIsNamed() throws Exception {
        InProcessRun run = run(
                Map.of(
                        "report.csv",
                        "exporter,destination,period,licences,value_eur\n"
                                + "DE,KZ,2021,25,2200000\nDE,KZ,2021-Q1,10,1000000\nDE,KZ,2021-Q3,15,1200000\n"),
                "year");
        assertThat(run.printed())
                .contains("warning: licences/report.csv: 2 licence rows not counted in the Overview:"
                        + " the file also gives the total for their whole report period");
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            Map<String, WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
            assertThat(overview.cell(kz, "Licences issued").number()).isEqualTo(25.0);
            assertThat(overview.cell(kz, "Value of licences issued (EUR)").number())
                    .isEqualTo(2_200_000.0);
        }
    }

    @Test
    void rowsOfOneFileWithTheSameKeyAreSummedWithoutAWarning() throws Exception {
        InProcessRun run = run(
                Map.of(
                        "list.csv",
                        "exporter,destination,period,licences,value_eur\n"
                                + "DE,KZ,2021-03-01,1,100\nDE,KZ,2021-03-01,1,250\nDE,Kasachstan,2021-03-02,2,50\n"),
                "quarter");
        assertThat(run.printed()).doesNotContain("warning");
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            Map<String, WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2021-Q1");
            assertThat(overview.cell(kz, "Licences issued").number()).isEqualTo(4.0);
            assertThat(overview.cell(kz, "Value of licences issued (EUR)").number())
                    .isEqualTo(400.0);
            WrittenTable licences = WrittenTable.of(wb, "Licences");
            assertThat(licences.rows())
                    .singleElement()
                    .satisfies(r -> assertThat(
                                    licences.cell(r, "Input rows summed").number())
                            .isEqualTo(3.0));
        }
    }

    @Test
    void aRowWithoutValueOrCurrencyMakesTheValuesOfItsCellAFloor() throws Exception {
        // The second licence's value is not given, nor its currency: whatever it was, the GBP value is at least the
        // first's.
        run(
                Map.of(
                        "list.csv",
                        "exporter,destination,period,licences,value,currency\n"
                                + "GB,KZ,2021,1,1000,GBP\nGB,KZ,2021,1,,\n"),
                "year");
        try (XSSFWorkbook wb = WrittenTable.open(dir.resolve("output/latest/report-" + RUN_DATE + ".xlsx"))) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            Map<String, WrittenCell> kz = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
            assertThat(overview.cell(kz, "Licences issued").shown()).isEqualTo("2");
            assertThat(overview.cell(kz, "Value of licences issued (GBP)").number())
                    .isEqualTo(1000.0);
            assertThat(overview.cell(kz, "Value of licences issued (GBP)").shown())
                    .isEqualTo("≥ 1,000 GBP");
        }
    }
}
