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
        return new ColumnMapping("sipri-like", "licences/*.csv", Map.of("destination", "Recipient", "value_eur", "Wert",
                "period", "Jahr"), Map.of("exporter", "DE", "source", "A ministry"), reading,
                org.armswatch.period.DatePattern.of("dd.MM.yyyy", "de"), org.armswatch.period.Granularity.YEAR, Map.of());
    }

    @Test
    void aPreambleIsSkippedAndColumnsAreSeenByOurNames() throws Exception {
        Path file = dir.resolve("export.csv");
        byte[] text = ("Arms exports; report of the ministry\n\"Figures in EUR; provisional\"\n\n"
                + "Jahr;Recipient;Wert;Bemerkung\n01.01.2021;Kasachstan;2.200.000,00;\"zwei\nZeilen\"\n")
                .getBytes(Charset.forName("windows-1252"));
        Files.write(file, text);
        InputScan scan = InputScan.of(file, mapping(new ReadingOptions(3, ';', Charset.forName("windows-1252"), true)));
        assertThat(scan.header()).containsExactly("period", "destination", "value_eur", "Bemerkung", "exporter", "source");
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
    void filesMatchByAPatternInTheInputFolder() {
        ColumnMapping m = mapping(ReadingOptions.BY_CONTENT);
        assertThat(m.matches("licences/okfde.csv")).isTrue();
        assertThat(m.matches("unrest/okfde.csv")).isFalse();
    }
}
