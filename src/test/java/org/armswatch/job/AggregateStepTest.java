package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregate step on its own table: the figures it writes to aw_figure (which the workbook, the charts and the next
 * run's comparison read) for licence rows whose sums the test knows. Rows of one key are summed, a repeated reference
 * counts once (the later row), months roll up into the report's quarters, a year stays a year, and a report by year
 * rolls the quarters up too.
 */
class AggregateStepTest {

    @TempDir
    Path dir;

    static final String LICENCES = "exporter,destination,period,licences,value_eur,reference\n"
            + "DE,KZ,2021-Q1,2,100,R1\n"
            + "DE,KZ,2021-Q1,3,50,R2\n"
            + "DE,KZ,2021-Q2,1,70,R3\n"
            + "DE,KZ,2021-Q2,1,999,R3\n"
            + "FR,UZ,2022,4,1000,R4\n"
            + "DE,UZ,2022-01,1,10,R5\n"
            + "DE,UZ,2022-02,1,20,R6\n"
            + "DE,Atlantis,2022-02,1,20,R7\n";

    /** Figures of the run's licences, "country period measure" to figure. */
    private Map<String, BigDecimal> licenceFigures(String period) throws Exception {
        Path input = BundledInput.copyTo(dir.resolve(period).resolve("input"));
        try (var files = Files.list(input.resolve("licences"))) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.writeString(input.resolve("licences").resolve("constructed.csv"), LICENCES);
        Path output = dir.resolve(period).resolve("output");
        InProcessRun run = InProcessRun.of(
                "--input=" + input,
                "--output=" + output,
                "--run-date=2026-11-28",
                "--period=" + period,
                "--reject-threshold=0.2");
        assertThat(run.exitCode()).as(run.printed()).isZero();
        Map<String, BigDecimal> figures = new TreeMap<>();
        String url =
                "jdbc:h2:file:" + output.resolve(".state").resolve("armswatch").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT country, period, measure, figure FROM aw_figure"
                        + " WHERE measure IN ('licences_issued', 'value_issued_eur')"
                        + " AND run_id = (SELECT MAX(run_id) FROM aw_run)")) {
            while (rs.next()) {
                figures.put(
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3),
                        rs.getBigDecimal(4).stripTrailingZeros());
            }
        }
        return figures;
    }

    private static Map<String, BigDecimal> expected(Object... keysAndFigures) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < keysAndFigures.length; i += 2) {
            m.put((String) keysAndFigures[i], new BigDecimal(keysAndFigures[i + 1].toString()).stripTrailingZeros());
        }
        return m;
    }

    @Test
    void byQuarterRowsOfAKeyAreSummedARepeatedReferenceCountsOnceAndMonthsRollUp() throws Exception {
        assertThat(licenceFigures("quarter"))
                .isEqualTo(expected(
                        "KZ 2021-Q1 licences_issued",
                        5,
                        "KZ 2021-Q1 value_issued_eur",
                        150,
                        "KZ 2021-Q2 licences_issued",
                        1,
                        "KZ 2021-Q2 value_issued_eur",
                        999,
                        "UZ 2022 licences_issued",
                        4,
                        "UZ 2022 value_issued_eur",
                        1000,
                        "UZ 2022-Q1 licences_issued",
                        2,
                        "UZ 2022-Q1 value_issued_eur",
                        30));
    }

    @Test
    void byYearTheQuartersRollUpIntoTheYear() throws Exception {
        assertThat(licenceFigures("year"))
                .isEqualTo(expected(
                        "KZ 2021 licences_issued",
                        6,
                        "KZ 2021 value_issued_eur",
                        1149,
                        "UZ 2022 licences_issued",
                        6,
                        "UZ 2022 value_issued_eur",
                        1030));
    }
}
