package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WorkbookRules;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nights: the second with one licence figure revised and one licence row added. The second night's Changes sheet
 * lists exactly those, with old and new figures and the files that changed, and the Overview marks the revised figure
 * [r] while the cell stays a number.
 */
class ChangesTest {

    static final String FIRST = "2026-11-27";
    static final String SECOND = "2026-11-28";

    @TempDir
    static Path dir;

    static Path input;
    static Path output;

    @BeforeAll
    static void twoNights() throws Exception {
        input = BundledInput.copyTo(dir.resolve("input"));
        output = dir.resolve("output");
        assertThat(ArmswatchApplication.run("--input=" + input, "--output=" + output, "--run-date=" + FIRST))
                .isZero();
        Path story = input.resolve("licences/de_kazakhstan_2021_story.csv");
        Files.writeString(story, Files.readString(story).replace(",25,2200000,", ",25,2300000,"));
        Files.writeString(
                input.resolve("licences/illustrative_licences.csv"),
                "DE,ISL,2021-Q1,,3,5000,issued,\"Illustrative figure, not real data\",\n",
                StandardOpenOption.APPEND);
        assertThat(ArmswatchApplication.run("--input=" + input, "--output=" + output, "--run-date=" + SECOND))
                .isZero();
    }

    static XSSFWorkbook second() throws Exception {
        return WrittenTable.open(output.resolve(SECOND).resolve("report-" + SECOND + ".xlsx"));
    }

    @Test
    void changesListExactlyTheRevisedFigureAndTheAddedRowsFigures() throws Exception {
        try (XSSFWorkbook wb = second()) {
            WrittenTable changes = WrittenTable.of(wb, "Changes");
            assertThat(wb.getSheet("Changes").getRow(1).getCell(0).getStringCellValue())
                    .contains("since the run of " + FIRST);
            assertThat(changes.rows())
                    .extracting(r ->
                            r.get("Change").shown() + " " + r.get("ISO code").shown() + " "
                                    + r.get("Period (ISO)").shown() + " "
                                    + r.get("Figure").shown())
                    .containsExactly(
                            "added IS 2021-Q1 Licences issued (number)",
                            "added IS 2021-Q1 Value of licences issued (EUR)",
                            "revised KZ 2021 Value of licences issued (EUR)");
            Map<String, WrittenCell> revised = changes.row("Change", "revised");
            assertThat(changes.cell(revised, "Previous value").number()).isEqualTo(2_200_000.0);
            assertThat(changes.cell(revised, "New value").number()).isEqualTo(2_300_000.0);
            assertThat(changes.cell(revised, "Previous (number)").shown()).isEqualTo("[z]");
            assertThat(changes.cell(revised, "Difference in value").number()).isEqualTo(100_000.0);
            assertThat(changes.cell(revised, "Difference in value").shown()).isEqualTo("100,000 EUR");
            assertThat(changes.cell(revised, "Difference (%)").number())
                    .isCloseTo(100_000.0 / 2_200_000.0, within(1e-12));
            assertThat(changes.cell(revised, "Difference (%)").shown()).isEqualTo("4.5%");
            assertThat(changes.cell(revised, "Figure key").shown()).isEqualTo("KZ 2021 value_issued_eur");
            assertThat(changes.cell(revised, "Input files changed").shown())
                    .isEqualTo(
                            "licences/de_kazakhstan_2021_story.csv (changed); licences/illustrative_licences.csv (changed)");
            Map<String, WrittenCell> addedCount = changes.row("Change", "added", "Figure", "Licences issued (number)");
            assertThat(changes.cell(addedCount, "Previous (number)").shown()).isEqualTo("[z]");
            assertThat(changes.cell(addedCount, "New (number)").number()).isEqualTo(3.0);
            assertThat(changes.cell(addedCount, "Difference (number)").shown()).isEqualTo("[z]");
            assertThat(changes.cell(addedCount, "Difference (%)").shown()).isEqualTo("[z]");
            List<String> cover = new java.util.ArrayList<>();
            wb.getSheet("Cover").forEach(r -> cover.add(r.getCell(0).getStringCellValue()));
            assertThat(cover)
                    .contains("Changes since the run of " + FIRST + ": 1 revised, 2 added (figures of the Overview);"
                            + " see the Changes sheet.");
            assertThat(changes.cell(
                                    changes.row("Change", "added", "Figure", "Value of licences issued (EUR)"),
                                    "New value")
                            .number())
                    .isEqualTo(5_000.0);
            WorkbookRules.assertFollowsRules(wb, "second night");
        }
    }

    @Test
    void theOverviewMarksTheRevisedFigureAndOnlyIt() throws Exception {
        try (XSSFWorkbook wb = second()) {
            WrittenTable overview = WrittenTable.of(wb, "Overview");
            WrittenCell value =
                    overview.cell(overview.row("ISO code", "KZ", "Period (ISO)", "2021"), "Value of licences issued");
            assertThat(value.type()).isEqualTo(CellType.NUMERIC);
            assertThat(value.number()).isEqualTo(2_300_000.0);
            assertThat(value.shown()).endsWith(" [r]").startsWith("2,300,000");
            long marked = overview.rows().stream()
                    .flatMap(r -> r.values().stream())
                    .filter(c -> c.shown().contains("[r]"))
                    .count();
            assertThat(marked).isEqualTo(1);
            assertThat(wb.getSheet("Overview").getRow(1).getCell(0).getStringCellValue())
                    .contains("[r] = revised");
        }
        try (XSSFWorkbook kz = WrittenTable.open(output.resolve(SECOND).resolve("countries/KZ-Kazakhstan.xlsx"))) {
            assertThat(WrittenTable.of(kz, "Changes").rows())
                    .extracting(r -> r.get("Change").shown())
                    .containsExactly("revised");
        }
    }

    @Test
    void aRerunOfTheSecondNightWritesTheSameBytesInEveryFile() throws Exception {
        Map<String, byte[]> before = files(output.resolve(SECOND));
        assertThat(ArmswatchApplication.run(
                        "--input=" + input, "--output=" + output, "--run-date=" + SECOND, "--rerun"))
                .isZero();
        Map<String, byte[]> after = files(output.resolve(SECOND));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(before.keySet()).anyMatch(f -> f.endsWith(".svg")).anyMatch(f -> f.startsWith("countries/"));
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    /** Every file of a run folder but the manifest, which records the clock time and durations. */
    static Map<String, byte[]> files(Path run) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = run.relativize(p).toString().replace('\\', '/');
                if (!name.equals("manifest.json")) files.put(name, Files.readAllBytes(p));
            }
        }
        return files;
    }
}
