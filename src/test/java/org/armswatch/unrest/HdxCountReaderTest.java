package org.armswatch.unrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputScan;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HdxCountReaderTest {

    static final String HEADER =
            "location_code,admin_level,admin1_name,event_type,events,fatalities,reference_period_start,reference_period_end\n";

    @TempDir
    Path dir;

    HdxCountReader.HdxFile read(String body) throws Exception {
        Path file = dir.resolve("hdx.csv");
        Files.writeString(file, HEADER + body);
        return new HdxCountReader(CountryResolver.bundled()).read(InputScan.of(file), "unrest/hdx.csv");
    }

    static final Period JAN_2025 = new Period(Granularity.MONTH, java.time.LocalDate.of(2025, 1, 1));

    @Test
    void theHxlTagRowIsHeaderNotData() throws Exception {
        HdxCountReader.HdxFile f = read(
                "#country+code,#adm+level,#adm1+name,#event+type,#affected+events,#affected+killed,#date+start,#date+end\n"
                        + "KAZ,0,,demonstration,7,,2025-01-01,2025-01-31\n");
        assertThat(f.rowsRead()).isEqualTo(1);
        assertThat(f.rejected()).isEmpty();
        assertThat(f.counts()).containsExactly(new CountedEvents("KZ", JAN_2025, "demonstration", 7, 0, 1, 1));
    }

    @Test
    void countsAreSummedAndAdminAreasSkippedNotCountedTwice() throws Exception {
        HdxCountReader.HdxFile f = read("""
                KAZ,0,,political_violence,3,2,2025-01-01,2025-01-31
                KAZ,0,,political_violence,4,1,2025-01-15,2025-01-31
                KAZ,1,Almaty,political_violence,5,3,2025-01-01,2025-01-31
                XKX,0,,demonstration,2,,2025-01-01,2025-01-31
                """);
        assertThat(f.counts())
                .containsExactly(
                        new CountedEvents("KZ", JAN_2025, "political_violence", 7, 3, 2, 0),
                        new CountedEvents("XK", JAN_2025, "demonstration", 2, 0, 1, 1));
        assertThat(f.rowsSkipped()).isEqualTo(1);
        assertThat(f.rowsRead()).isEqualTo(f.rowsUsed() + f.rejected().size() + f.rowsSkipped());
        assertThat(f.notes()).anySatisfy(n -> assertThat(n).contains("1 rows below country level"));
    }

    @Test
    void badRowsAreRejectedWithReasons() throws Exception {
        HdxCountReader.HdxFile f = read("""
                ZZZ,0,,demonstration,2,0,2025-01-01,2025-01-31
                KAZ,0,,demonstration,-2,0,2025-01-01,2025-01-31
                KAZ,0,,demonstration,2,0,2025-13-01,2025-01-31
                KAZ,x,,demonstration,2,0,2025-01-01,2025-01-31
                """);
        assertThat(f.rejected())
                .extracting(r -> r.line() + " " + r.reason())
                .containsExactly(
                        "2 unknown country 'ZZZ'",
                        "3 events -2 is negative",
                        "4 reference_period_start '2025-13-01' is not a date",
                        "5 admin_level 'x' is not a number");
        assertThat(f.rowsRead()).isEqualTo(4);
    }
}
