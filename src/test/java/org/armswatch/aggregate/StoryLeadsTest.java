package org.armswatch.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.armswatch.period.Period;
import org.armswatch.unrest.Qualifier;
import org.junit.jupiter.api.Test;

class StoryLeadsTest {

    private final List<OverviewRow> rows = new ArrayList<>();

    private void row(String country, String period, Object... measureAndFigure) {
        Map<Indicator, Figure> figures = new TreeMap<>();
        for (int i = 0; i < measureAndFigure.length; i += 2) {
            Object m = measureAndFigure[i];
            Indicator indicator = m instanceof Indicator ind ? ind : Indicator.of((Measure) m);
            figures.put(indicator, (Figure) measureAndFigure[i + 1]);
        }
        rows.add(
                new OverviewRow(country, country.equals("KZ") ? "Kazakhstan" : country, Period.ofIso(period), figures));
    }

    private static Figure real(long n) {
        return new Figure(BigDecimal.valueOf(n), Qualifier.EXACT);
    }

    private static Figure illustrative(long n) {
        return new Figure(BigDecimal.valueOf(n), Qualifier.EXACT, true);
    }

    @Test
    void aYearsLicencesLeadToTheUnrestOfTheNextQuarterWhereItIsUnusual() {
        row(
                "KZ",
                "2021",
                Measure.LICENCES_ISSUED,
                real(25),
                Indicator.money(Measure.VALUE_ISSUED, "EUR"),
                real(2_200_000));
        row("KZ", "2021-Q3", Measure.EVENTS, real(2));
        row("KZ", "2021-Q4", Measure.EVENTS, real(3));
        row("KZ", "2022-Q1", Measure.EVENTS, real(69));
        row("KZ", "2022-Q2", Measure.EVENTS, real(2));

        List<StoryLeads.Lead> leads = StoryLeads.find(rows);
        assertThat(leads).singleElement().satisfies(l -> {
            assertThat(l.rank()).isEqualTo(1);
            assertThat(l.unrest().period().iso()).isEqualTo("2022-Q1");
            assertThat(l.licences()).extracting(r -> r.period().iso()).containsExactly("2021");
            // the median of 2, 2, 3 and 69 events a quarter is 2.5
            assertThat(l.ratio()).isEqualTo(69 / 2.5);
            assertThat(l.illustrative()).isFalse();
            assertThat(l.reason())
                    .isEqualTo("Licences issued in 2021 (25 licences, EUR 2,200,000), within 12 months"
                            + " before or during unrest in Jan to Mar 2022: 69 unrest events, 27.6 times the country's median of 2.5"
                            + " a period.");
        });
    }

    @Test
    void usualUnrestAndLicencesMoreThanAYearBeforeAreNoLead() {
        row("TR", "2020", Measure.LICENCES_ISSUED, real(40));
        row("TR", "2021-Q1", Measure.EVENTS, real(10));
        row("TR", "2021-Q2", Measure.EVENTS, real(12));
        row("TR", "2021-Q3", Measure.EVENTS, real(11), Measure.LICENCES_ISSUED, real(5));
        row("TR", "2022-Q4", Measure.EVENTS, real(40));
        assertThat(StoryLeads.find(rows)).isEmpty();
    }

    @Test
    void reportedDeathsMakeALeadWithoutEventsAndRealLeadsRankFirst() {
        row("KZ", "2021-Q4", Measure.LICENCES_ISSUED, real(3));
        row(
                "KZ",
                "2022-Q1",
                Measure.KILLED_LOWEST,
                new Figure(BigDecimal.valueOf(40), Qualifier.AT_LEAST),
                Measure.KILLED_LATEST,
                real(225));
        row("GE", "2023-Q1", Measure.LICENCES_ISSUED, illustrative(4));
        row("GE", "2023-Q2", Measure.EVENTS, illustrative(50));
        row("GE", "2023-Q3", Measure.EVENTS, illustrative(1));
        row("GE", "2023-Q4", Measure.EVENTS, illustrative(1));

        List<StoryLeads.Lead> leads = StoryLeads.find(rows);
        assertThat(leads)
                .extracting(StoryLeads.Lead::country, StoryLeads.Lead::illustrative)
                .containsExactly(tuple("KZ", false), tuple("GE", true));
        assertThat(leads.get(0).reason()).endsWith("killed ≥ 40, latest 225 as reported.");
        assertThat(leads.get(1).reason()).contains("50 unrest events [i]");
    }
}
