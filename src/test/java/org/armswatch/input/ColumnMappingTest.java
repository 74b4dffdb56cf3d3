package org.armswatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file in another shape read through a mapping: renamed columns, constants, preamble, dialect, dates. */
class ColumnMappingTest {

    @TempDir
    Path dir;

    static ColumnMapping mapping(ReadingOptions reading) {
        return new ColumnMapping(
                "sipri-like",
                "licences/*.csv",
                Map.of("destination", "Recipient", "value_eur", "Wert", "period", "Jahr"),
                Map.of("exporter", "DE", "source", "A ministry"),
                reading,
                org.armswatch.period.DatePattern.of("dd.MM.yyyy", "de"),
                org.armswatch.period.Granularity.YEAR,
                Map.of());
    }

    @Test
    void aPreambleIsSkippedAndColumnsAreSeenByOurNames() throws Exception {
        Path file = dir.resolve("export.csv");
        byte[] text = ("Arms exports; report of the ministry\n\"Figures in EUR; provisional\"\n\n"
                        + "Jahr;Recipient;Wert;Bemerkung\n01.01.2021;Kasachstan;2.200.000,00;\"zwei\nZeilen\"\n")
                .getBytes(Charset.forName("windows-1252"));
        Files.write(file, text);
        InputScan scan = InputScan.of(file, mapping(new ReadingOptions(3, ';', Charset.forName("windows-1252"), true)));
        assertThat(scan.header())
                .containsExactly("period", "destination", "value_eur", "Bemerkung", "exporter", "source");
        assertThat(scan.notes()).anySatisfy(n -> assertThat(n).contains("mapping 'sipri-like'"));
        List<String> fields = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(scan)) {
            assertThat(csv.next()).isTrue();
            assertThat(csv.line()).isEqualTo(5);
            for (int i = 0; i < scan.header().size(); i++) fields.add(csv.field(i));
            assertThat(csv.next()).isFalse();
        }
        assertThat(fields).containsExactly("2021", "Kasachstan", "2.200.000,00", "zwei\nZeilen", "DE", "A ministry");
        FigureParser numbers = FigureParser.forDialect(scan.dialect());
        assertThat(numbers.amount("value_eur", fields.get(2))).isEqualByComparingTo("2200000");
    }

    @Test
    void aMappingNamingAColumnTheFileLacksFailsNamingFileMappingAndColumn() throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Jahr;Empfaenger;Wert\n01.01.2021;KZ;5\n");
        assertThatThrownBy(() -> InputScan.of(file, mapping(ReadingOptions.BY_CONTENT)))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("export.csv")
                .hasMessageContaining("mapping 'sipri-like'")
                .hasMessageContaining("'Recipient'");
    }

    @Test
    void valuesAreTranslatedAndTheDateFormatAppliesWhateverTheCaseOfTheHeader() throws Exception {
        Path file = dir.resolve("uk.csv");
        Files.writeString(
                file,
                "DATE,Country,Value,REFUSED,year\n15-March-2012,Kenya,100,0,2012\n"
                        + "16-MARCH-2012,Kenya,,1,2012\n17/03/2012,Kenya,5,2,2012\n");
        ColumnMapping m = new ColumnMapping(
                "uk",
                "licences/*.csv",
                Map.of("status", "REFUSED"),
                Map.of(),
                ReadingOptions.BY_CONTENT,
                org.armswatch.period.DatePattern.of("dd-MMMM-yyyy", "en"),
                null,
                Map.of("status", Map.of("0", "issued", "1", "refused")));
        InputScan scan = InputScan.of(file, m);
        List<List<String>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < scan.header().size(); i++) row.add(csv.field(i));
                rows.add(row);
                problems.add(csv.problem());
            }
        }
        // The date column is read through the pattern (a day); "year" is left alone; 0 and 1 become our words.
        assertThat(rows.get(0)).containsExactly("2012-03-15", "Kenya", "100", "issued", "2012");
        assertThat(rows.get(1)).containsExactly("2012-03-16", "Kenya", "", "refused", "2012");
        // A value the mapping does not list stays as written, for the reader to refuse with its own reason.
        assertThat(rows.get(2).get(3)).isEqualTo("2");
        assertThat(problems.get(2)).isEqualTo("date '17/03/2012' is not a date written as dd-MMMM-yyyy (mapping 'uk')");
    }

    @Test
    void filesMatchByAPatternInTheInputFolder() {
        ColumnMapping m = mapping(ReadingOptions.BY_CONTENT);
        assertThat(m.matches("licences/okfde.csv")).isTrue();
        assertThat(m.matches("unrest/okfde.csv")).isFalse();
    }
}
