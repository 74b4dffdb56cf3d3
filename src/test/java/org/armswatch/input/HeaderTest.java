package org.armswatch.input;

import static org.armswatch.input.CsvReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void normalizeTrimsStripsTheBomLowerCasesAndCollapsesSpaces() {
        assertThat(Header.normalize("  Value (EUR) ")).isEqualTo("value (eur)");
        assertThat(Header.normalize("\uFEFFExporter")).isEqualTo("exporter");
        assertThat(Header.normalize("Number \t of\u00A0 Licences")).isEqualTo("number of licences");
        assertThat(Header.normalize("   ")).isEmpty();
    }

    @Test
    void namesFromAFileMatchInAnyCaseWithSpaces() throws Exception {
        Header header =
                new Header(InputScan.of(fixture("header-case-and-spaces.csv")).header());

        assertThat(header.indexOf("exporter", "exporting country", "member state"))
                .isZero();
        assertThat(header.indexOf("destination", "country")).isEqualTo(1);
        assertThat(header.indexOf("period", "year", "date")).isEqualTo(2);
        assertThat(header.indexOf("value_eur", "value", "value (eur)")).isEqualTo(3);
        assertThat(header.indexOf("licences", "number of licences", "licences issued"))
                .isEqualTo(4);
        assertThat(header.indexOf("category", "ml category")).isEqualTo(-1);
    }

    @Test
    void theFieldsOwnNameWinsOverAnAliasStandingBeforeIt() {
        Header header = new Header(List.of("Value", "Value_EUR"));

        assertThat(header.indexOf("value_eur", "value")).isEqualTo(1);
        assertThat(new Header(List.of("Value")).indexOf("value_eur", "value")).isZero();
    }

    @Test
    void unusedColumnsAreListedByTheirNamesAsWritten() throws Exception {
        Header header =
                new Header(InputScan.of(fixture("header-case-and-spaces.csv")).header());

        assertThat(header.unusedColumns(Set.of(0, 1, 2, 3, 4))).containsExactly("Comment", "column 7 (no name)");
        assertThat(header.unusedColumns(List.of())).hasSize(7).startsWith("Exporter", "DESTINATION");
    }
}
