package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armswatch.workbook.WrittenTable;
import org.armswatch.workbook.WrittenTable.WrittenCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reporter may publish from, on the bundled input, whose illustrative rows say so in their source: every figure
 * resting on one is marked [i] in its cell, and none makes a chart's headline; every Overview row names its sources;
 * the symbols are defined in Notes; chart files are linked so that the links work from the main and from a country's
 * workbook.
 */
class ProvenanceTest {

    static final String RUN_DATE = "2026-12-03";

    @TempDir
    static Path dir;

    static Path run;
    static XSSFWorkbook main;

    @BeforeAll
    static void runTheJob() throws Exception {
        run = InProcessRuns.bundled(dir, RUN_DATE).resolve(RUN_DATE);
        main = WrittenTable.open(run.resolve("report-" + RUN_DATE + ".xlsx"));
    }

    @AfterAll
    static void close() throws Exception {
        main.close();
    }

    @Test
    void figuresOfIllustrativeRowsAreMarkedInTheirCellsAndRealOnesAreNot() {
        WrittenTable overview = WrittenTable.of(main, "Overview");
        Map<String, WrittenCell> kz2021 = overview.row("ISO code", "KZ", "Period (ISO)", "2021");
        // Germany's 25 licences worth EUR 2.2 million: real.
        assertThat(overview.cell(kz2021, "Licences issued").shown()).isEqualTo("25");
        assertThat(overview.cell(kz2021, "Value of licences issued (EUR)").shown())
                .isEqualTo("2,200,000 EUR");
        assertThat(overview.cell(kz2021, "Sources").shown())
                .isEqualTo("Licences: German government, as reported by dpa on 2022-01-08");
        Map<String, WrittenCell> kz2022 = overview.row("ISO code", "KZ", "Period (ISO)", "2022-Q1");
        // The ACLED-format events are made up; the detained and killed of January 2022 are real.
        assertThat(overview.cell(kz2022, "Unrest events").shown()).isEqualTo("69 [i]");
        assertThat(overview.cell(kz2022, "Unrest events").number()).isEqualTo(69.0);
        assertThat(overview.cell(kz2022, "Licences issued").shown()).isEqualTo("8 [i]");
        assertThat(overview.cell(kz2022, "Detained, lowest").shown()).isEqualTo("≥ 4,400");
        assertThat(overview.cell(kz2022, "Illustrative figures").shown()).isEqualTo("Yes [i]");
        assertThat(overview.cell(kz2022, "Sources").shown())
                .contains("unrest/acled_format_illustrative.csv")
                .contains("Interior Ministry via state television");
        assertThat(overview.rows())
                .allSatisfy(r -> assertThat(overview.cell(r, "Sources").shown()).isNotBlank());

        WrittenTable licences = WrittenTable.of(main, "Licences");
        Map<String, WrittenCell> fr =
                licences.row("Destination ISO code", "KZ", "Exporter ISO code", "FR", "Period (ISO)", "2022-Q1");
        assertThat(licences.cell(fr, "Value").shown()).endsWith(" EUR [i]");
        assertThat(licences.cell(fr, "Source").shown()).isEqualTo("Illustrative figure, not real data");
    }

    @Test
    void noChartHeadlineRestsOnIllustrativeFigures() throws Exception {
        String altText = Files.readString(run.resolve("charts/alt-text.md"));
        // The top destinations of 2023 are all illustrative: the headline says what the chart shows.
        assertThat(altText)
                .contains("## Top destinations by licence value in 2023")
                .doesNotContain("was the top destination");
        // Kazakhstan's unrest events are illustrative: no "as unrest peaked" from them.
        assertThat(altText).doesNotContain("received licences as unrest peaked");
        assertThat(altText).contains("## Detained and killed in Kazakhstan as reported, Jan to Mar 2022");
        // Kazakhstan's licence bars mix whole years and quarters, and its events are illustrative: no peak to name.
        WrittenTable charts = WrittenTable.of(main, "Charts");
        Map<String, WrittenCell> kz = charts.row("Picture (PNG)", "charts/timeline-KZ.png");
        assertThat(charts.cell(kz, "Chart title").shown())
                .isEqualTo("Licence value and unrest events in Kazakhstan, 2012 – 2023");
        // A peak in a headline is the highest bar or point drawn, never the highest real one beside a taller
        // illustrative one.
        Pattern peakInTitle = Pattern.compile("peaked (?:together )?in (.+)$");
        assertThat(charts.rows()).allSatisfy(r -> {
            Matcher peak = peakInTitle.matcher(charts.cell(r, "Chart title").shown());
            if (peak.find()) {
                assertThat(charts.cell(r, "Alt text").shown())
                        .containsPattern("peaked at [^.]*, in " + Pattern.quote(peak.group(1)) + "\\.");
            }
        });
    }

    @Test
    void theSymbolsAreDefinedInNotes() {
        WrittenTable notes = WrittenTable.of(main, "Notes");
        String all = String.join(
                " ",
                notes.rows().stream()
                        .map(r -> notes.cell(r, "Note text").shown())
                        .toList());
        assertThat(all)
                .contains("[x] = not available")
                .contains("[z] = not applicable")
                .contains("≤ = up to")
                .contains("[i] = illustrative")
                .contains("[r] = revised");
    }

    @Test
    void chartFilesAreLinkedFromTheMainAndFromACountrysWorkbook() throws Exception {
        assertThat(links(main)).contains("charts/timeline-KZ.png", "charts/timeline-KZ.svg", "charts/trend.png");
        try (XSSFWorkbook kz = WrittenTable.open(run.resolve("countries/KZ-Kazakhstan.xlsx"))) {
            assertThat(links(kz))
                    .containsExactly(
                            "../charts/reported-KZ.png",
                            "../charts/reported-KZ.svg",
                            "../charts/timeline-KZ.png",
                            "../charts/timeline-KZ.svg");
        }
        for (String link : links(main)) assertThat(run.resolve(link)).exists();
        for (String link : List.of("../charts/timeline-KZ.png"))
            assertThat(run.resolve("countries").resolve(link)).exists();
    }

    private static List<String> links(XSSFWorkbook wb) {
        return wb.getSheet("Charts").getHyperlinkList().stream()
                .filter(h -> h.getType() == HyperlinkType.FILE)
                .map(XSSFHyperlink::getAddress)
                .toList();
    }
}
