package org.armswatch.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.armswatch.input.CsvReader;
import org.armswatch.input.Header;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The country-name variants that OKF Germany collected for the German arms-export map
 * (src/test/resources/realdata/okfde_nomenklatura.csv): every variant resolves to the country its canonical name
 * resolves to, except the currency codes and disputed territories the file also maps to countries, and the few rows
 * listed below with the reason each one is not taken as the file says.
 */
class NomenklaturaTest {

    private static final CountryResolver COUNTRIES = CountryResolver.bundled();

    /**
     * ISO 4217 currency codes the file maps to a country: one currency can belong to many countries (XAF is six states'
     * franc, EUR twenty's), so a row naming one is rejected, never assigned. Left out: BTN and MKD, which are also the
     * alpha-3 codes of Bhutan and North Macedonia and resolve to those same countries like any alpha-3; and CYP (see
     * EXEMPT).
     */
    private static final Set<String> CURRENCY_CODES = Set.of(
            "AFN",
            "ALL",
            "DZD",
            "AOA",
            "ARS",
            "AZN",
            "BSD",
            "BHD",
            "BDT",
            "BBD",
            "BYR",
            "BZD",
            "BOB",
            "BAM",
            "BWP",
            "BRL",
            "BND",
            "BGN",
            "BIF",
            "KHR",
            "CAD",
            "CVE",
            "CLP",
            "CNY",
            "COP",
            "KMF",
            "CDF",
            "CRC",
            "HRK",
            "CUP",
            "CZK",
            "DJF",
            "AMD",
            "DOP",
            "EGP",
            "ERN",
            "EEK",
            "ETB",
            "FJD",
            "XAF",
            "GMD",
            "GEL",
            "GHC",
            "XCD",
            "USD",
            "DKK",
            "GTQ",
            "GNF",
            "GYD",
            "HTG",
            "HNL",
            "HUF",
            "ISK",
            "INR",
            "IDR",
            "IRR",
            "IQD",
            "ILS",
            "THB",
            "JMD",
            "JPY",
            "JOD",
            "KZT",
            "KES",
            "KPW",
            "KRW",
            "KWD",
            "KGS",
            "LAK",
            "LVL",
            "LBP",
            "LSL",
            "LRD",
            "LYD",
            "LTL",
            "MGA",
            "MWK",
            "MYR",
            "MVR",
            "MTL",
            "MRO",
            "MUR",
            "MXN",
            "MDL",
            "MNT",
            "MAD",
            "MZM",
            "MMK",
            "NAD",
            "NPR",
            "NIO",
            "NGN",
            "OMR",
            "PKR",
            "PAB",
            "PGK",
            "PYG",
            "PEN",
            "PHP",
            "PLN",
            "QAR",
            "RON",
            "RWF",
            "WST",
            "STD",
            "SAR",
            "RSD",
            "SCR",
            "SLL",
            "SGD",
            "SKK",
            "SBD",
            "SOS",
            "ZAR",
            "LKR",
            "SDD",
            "SRD",
            "SZL",
            "SEK",
            "CHF",
            "SYP",
            "TJS",
            "TZS",
            "XOF",
            "TOP",
            "TTD",
            "TND",
            "TMM",
            "UGX",
            "UAH",
            "AED",
            "GBP",
            "UYU",
            "UZS",
            "VUV",
            "VEB",
            "VND",
            "YER",
            "ZMK",
            "ZWD",
            "RUB",
            "TWD",
            "TRY",
            "RUB and GEL",
            "AUD",
            "XPF",
            "GGP",
            "IMP",
            "JEP",
            "BMD",
            "KYD",
            "FKP",
            "GIP",
            "NZD",
            "HKD",
            "MOP",
            "EUR",
            "AWG",
            "ANG",
            "NOK",
            "SHP");
    /** The pounds of Guernsey, the Isle of Man and Jersey: in use, but not in ISO 4217; and two codes in one cell. */
    private static final Set<String> NOT_IN_ISO_4217 = Set.of("GGP", "IMP", "JEP", "RUB and GEL");

    /**
     * Disputed or unrecognised entities: what they count as is an editorial decision, which a user alias can make
     * explicitly (inputs.md, issue 6). The file's variants and its canonical names for them.
     */
    private static final List<String> DISPUTED = List.of(
            "Republic of Abkhazia",
            "Abkhazia",
            "Nagorno-Karabakh Republic",
            "Nagorno-Karabakh",
            "Turkish Republic of Northern Cyprus",
            "Northern Cyprus",
            "Pridnestrovian Moldavian Republic",
            "Pridnestrovie (Transnistria)",
            "Republic of Somaliland",
            "Somaliland",
            "Republic of South Ossetia",
            "South Ossetia");

    /** A variant not taken as the file maps it: the code it resolves to (null: nothing), and why. */
    record Exempt(String name, String code, String reason) {}

    private static final List<Exempt> EXEMPT = List.of(
            new Exempt("Republic of China", null, "Taiwan's official name, too easily taken for the People's Republic"),
            new Exempt(
                    "Territory of Ashmore and Cartier Islands",
                    null,
                    "an Australian territory without an ISO 3166-1 code"),
            new Exempt("Coral Sea Islands Territory", null, "an Australian territory without an ISO 3166-1 code"),
            new Exempt("SAINT MARINO", null, "a misspelling the file maps to Saint Martin; San Marino is as likely"),
            new Exempt(
                    "AN", null, "Netherlands Antilles: the code was withdrawn when the country was dissolved in 2010"),
            new Exempt("AC", null, "Ascension: exceptionally reserved by ISO 3166-1, not an assigned code"),
            new Exempt("TA", null, "Tristan da Cunha: exceptionally reserved by ISO 3166-1, not an assigned code"),
            new Exempt("AZ", "AZ", "Azerbaijan's own code; the file maps it to Nagorno-Karabakh"),
            new Exempt("CY", "CY", "Cyprus's own code; the file maps it to Northern Cyprus"),
            new Exempt("GE", "GE", "Georgia's own code; the file maps it to South Ossetia"),
            new Exempt("MD", "MD", "Moldova's own code; the file maps it to Transnistria"),
            new Exempt("SO", "SO", "Somalia's own code; the file maps it to Somaliland"),
            new Exempt("AU", "AU", "Australia's own code; the file maps it to the Coral Sea Islands"),
            new Exempt("PF", "PF", "French Polynesia's own code; the file maps it to Clipperton Island"),
            new Exempt(
                    "AQ",
                    "AQ",
                    "Antarctica's own code; the file maps it to the British Antarctic Territory, one claim of several"),
            new Exempt(
                    "CYP",
                    "CY",
                    "Cyprus's alpha-3 code (and its old pound); the file maps it to the British Sovereign Base Areas"),
            new Exempt(
                    "UNITED STATES MINOR OUTLYING ISLANDS",
                    "UM",
                    "the islands' own code UM; the file maps them to the United States"));

    /** A row of the file whose canonical column names the country it stands for. */
    record Variant(long line, String name, String canonical) {}

    @Test
    void everyVariantResolvesToTheCountryOfItsCanonicalName() throws InputFileException {
        List<Variant> variants = variants();
        Set<String> exempt = new HashSet<>(CURRENCY_CODES);
        exempt.addAll(DISPUTED);
        EXEMPT.forEach(e -> exempt.add(e.name()));
        List<String> wrong = new ArrayList<>();
        int resolved = 0;
        for (Variant v : variants) {
            if (exempt.contains(v.name())) continue;
            Optional<String> code = COUNTRIES.resolve(v.name()).map(Country::code);
            Optional<String> canonical = COUNTRIES.resolve(v.canonical()).map(Country::code);
            if (code.isPresent() && code.equals(canonical)) {
                resolved++;
            } else {
                wrong.add("line " + v.line() + ": '" + v.name() + "' -> " + code.orElse("nothing") + ", its canonical '"
                        + v.canonical() + "' -> " + canonical.orElse("nothing"));
            }
        }
        long exemptRows =
                variants.stream().filter(v -> exempt.contains(v.name())).count();
        System.out.println(
                "nomenklatura: " + resolved + " of " + variants.size() + " variants resolve to their canonical"
                        + " country; " + exemptRows + " are currency codes, disputed territories or listed exceptions");

        assertThat(wrong)
                .as("variants that do not resolve to their canonical country")
                .isEmpty();
        assertThat(resolved + exemptRows).isEqualTo(variants.size());
    }

    @Test
    void currencyCodesResolveToNothing() throws InputFileException {
        Set<String> names = variantNames();
        for (String code : CURRENCY_CODES) {
            assertThat(names).as("the file still maps %s to a country", code).contains(code);
            if (!NOT_IN_ISO_4217.contains(code)) {
                assertThat(Currency.getInstance(code).getCurrencyCode())
                        .as("an ISO 4217 code")
                        .isEqualTo(code);
            }
            assertThat(COUNTRIES.resolve(code)).as(code).isEmpty();
        }
    }

    @Test
    void disputedTerritoriesResolveToNothing() throws InputFileException {
        assertThat(allNames()).containsAll(DISPUTED);
        for (String territory : DISPUTED) {
            assertThat(COUNTRIES.resolve(territory)).as(territory).isEmpty();
            assertThat(COUNTRIES.resolve(territory.toUpperCase(Locale.ROOT)))
                    .as(territory)
                    .isEmpty();
        }
        assertThat(COUNTRIES.resolve("Transnistria")).isEmpty();
    }

    @Test
    void theListedExceptionsResolveAsListedNotAsTheFileMapsThem() throws InputFileException {
        Set<String> names = variantNames();
        for (Exempt e : EXEMPT) {
            assertThat(names).as("the file still has %s", e.name()).contains(e.name());
            assertThat(e.reason()).isNotBlank();
            assertThat(COUNTRIES.resolve(e.name()).map(Country::code))
                    .as(e.name() + ": " + e.reason())
                    .isEqualTo(Optional.ofNullable(e.code()));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Republic of Senegal                    | SN
            Swiss Confederation                    | CH
            'Korea, South'                         | KR
            'Gambia, The'                          | GM
            Myanmar (Burma)                        | MM
            Cote d'Ivoire (Ivory Coast)            | CI
            Côte d'Ivoire                          | CI
            REPUBLIC OF SENEGAL                    | SN
            SWISS CONFEDERATION                    | CH
            'KOREA, SOUTH'                         | KR
            'GAMBIA, THE'                          | GM
            MYANMAR (BURMA)                        | MM
            COTE D'IVOIRE (IVORY COAST)            | CI
            'MOLDOVA, REPUBLIC OF'                 | MD
            'KOREA, REPUBLIC OF'                   | KR
            'RUSSIA, FEDERATION OF'                | RU
            'CONGO, DEMOCRATIC REPUBLIC OF'        | CD
            'MACEDONIA, FORMER YUGOSLAV REPUBLIC OF' | MK
            'SYRIA, ARAB REPUBLIC'                 | SY
            SN                                     | SN
            SEN                                    | SN
            CHE                                    | CH
            KOR                                    | KR
            """)
    void officialLongInvertedParenthesisedAndUpperCaseFormsResolve(String name, String code) {
        assertThat(COUNTRIES.resolve(name).map(Country::code)).contains(code);
    }

    static List<Variant> variants() throws InputFileException {
        List<Variant> variants = new ArrayList<>();
        rows().forEach((line, row) -> {
            if (!row[1].isEmpty()) variants.add(new Variant(line, row[0], row[1]));
        });
        return variants;
    }

    private static Set<String> variantNames() throws InputFileException {
        Set<String> names = new HashSet<>();
        variants().forEach(v -> names.add(v.name()));
        return names;
    }

    private static Set<String> allNames() throws InputFileException {
        Set<String> names = new HashSet<>();
        rows().values().forEach(row -> names.add(row[0]));
        return names;
    }

    /** Line → {name, canonical}, read with the job's own CSV reader. */
    private static Map<Long, String[]> rows() throws InputFileException {
        InputScan scan = InputScan.of(file());
        Header header = new Header(scan.header());
        int name = header.indexOf("name");
        int canonical = header.indexOf("canonical");
        Map<Long, String[]> rows = new LinkedHashMap<>();
        try (CsvReader csv = CsvReader.open(scan)) {
            while (csv.next()) {
                assertThat(csv.problem()).as("line %d", csv.line()).isNull();
                rows.put(
                        csv.line(),
                        new String[] {csv.field(name), csv.field(canonical).strip()});
            }
        }
        assertThat(rows).hasSize(946);
        return rows;
    }

    private static Path file() {
        try {
            return Path.of(NomenklaturaTest.class
                    .getResource("/realdata/okfde_nomenklatura.csv")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
