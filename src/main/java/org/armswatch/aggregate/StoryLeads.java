package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a story may start: licences issued for a country in the twelve months before unrest there, or during it, where
 * the unrest is unusual for that country. Compared over time, not period by period, so that a yearly licence figure
 * meets quarterly unrest (Germany's 2021 licences for Kazakhstan and the unrest of January 2022).
 *
 * <p>Unrest is unusual where a period's events are at least {@link #UNUSUAL} times the country's median over the
 * periods it has events for (and at least {@link #MIN_EVENTS}), or where detained or killed were reported: a tally is
 * kept only for what a desk found worth counting. Leads are ranked by how unusual: the ratio to the median, reported
 * deaths and detentions breaking ties; leads resting on real figures come before those resting on illustrative ones.
 */
public final class StoryLeads {

    /** How many times its usual a country's events must be to count as unusual. */
    static final double UNUSUAL = 2.0;
    /** Fewer events than this are never unusual on their own: two protests where there was one is no story. */
    static final long MIN_EVENTS = 5;
    /** Licences this many months before the unrest began still lead to it. */
    static final int MONTHS_BEFORE = 12;

    private StoryLeads() {}

    /**
     * A lead: the unrest period, the licence rows that fall in its window, and why it was raised.
     *
     * @param rank 1 for the most unusual
     * @param ratio the period's events over the country's median; null where the lead rests on the tally alone
     * @param illustrative the unrest's evidence is illustrative only (not real data): never a headline
     */
    public record Lead(
            int rank,
            String country,
            String countryName,
            OverviewRow unrest,
            List<OverviewRow> licences,
            Double ratio,
            String reason,
            boolean illustrative) {}

    public static List<Lead> find(List<OverviewRow> overview) {
        Map<String, List<OverviewRow>> byCountry = new LinkedHashMap<>();
        overview.forEach(r ->
                byCountry.computeIfAbsent(r.country(), k -> new ArrayList<>()).add(r));
        List<Lead> leads = new ArrayList<>();
        byCountry.forEach((country, rows) -> {
            double median = median(rows.stream()
                    .filter(r -> r.figure(Measure.EVENTS).available())
                    .mapToDouble(r -> r.figure(Measure.EVENTS).value().doubleValue())
                    .sorted()
                    .toArray());
            for (OverviewRow u : rows) {
                Figure events = u.figure(Measure.EVENTS);
                boolean tally = u.figure(Measure.DETAINED_LOWEST).positive()
                        || u.figure(Measure.KILLED_LOWEST).positive();
                Double ratio = events.available() && median > 0 ? events.value().doubleValue() / median : null;
                boolean unusualEvents =
                        ratio != null && ratio >= UNUSUAL && events.value().longValue() >= MIN_EVENTS;
                if (!unusualEvents && !tally) continue;
                LocalDate from = u.period().start().minusMonths(MONTHS_BEFORE);
                List<OverviewRow> licences = rows.stream()
                        .filter(l -> l.figure(Measure.LICENCES_ISSUED).positive() || l.valueIssued())
                        .filter(l -> !l.period().end().isBefore(from)
                                && !l.period().start().isAfter(u.period().end()))
                        .toList();
                if (licences.isEmpty()) continue;
                boolean realUnrest = unusualEvents && !events.illustrative()
                        || tally
                                && (u.figure(Measure.DETAINED_LOWEST).real()
                                        || u.figure(Measure.KILLED_LOWEST).real());
                boolean realLicences = licences.stream()
                        .anyMatch(l -> l.figure(Measure.LICENCES_ISSUED).real()
                                || l.figures().entrySet().stream()
                                        .anyMatch(e -> e.getKey().measure() == Measure.VALUE_ISSUED
                                                && e.getValue().real()
                                                && e.getValue().positive()));
                leads.add(new Lead(
                        0,
                        country,
                        u.countryName(),
                        u,
                        licences,
                        unusualEvents ? ratio : null,
                        reason(u, licences, unusualEvents ? ratio : null, median),
                        !(realUnrest && realLicences)));
            }
        });
        leads.sort(Comparator.comparing(Lead::illustrative)
                .thenComparing((Lead l) -> l.ratio() == null ? 0 : l.ratio(), Comparator.reverseOrder())
                .thenComparing((Lead l) -> value(l.unrest().figure(Measure.KILLED_LATEST)), Comparator.reverseOrder())
                .thenComparing((Lead l) -> value(l.unrest().figure(Measure.DETAINED_LATEST)), Comparator.reverseOrder())
                .thenComparing(Lead::countryName)
                .thenComparing(l -> l.unrest().period()));
        List<Lead> ranked = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            Lead l = leads.get(i);
            ranked.add(new Lead(
                    i + 1,
                    l.country(),
                    l.countryName(),
                    l.unrest(),
                    l.licences(),
                    l.ratio(),
                    l.reason(),
                    l.illustrative()));
        }
        return ranked;
    }

    private static double value(Figure f) {
        return f.available() ? f.value().doubleValue() : 0;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) return 0;
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** "Licences issued in 2021 (25 licences, EUR 2,200,000) within 12 months before unrest in Jan to Mar 2022: ..." */
    private static String reason(OverviewRow u, List<OverviewRow> licences, Double ratio, double median) {
        List<String> issued = new ArrayList<>();
        for (OverviewRow l : licences) {
            List<String> what = new ArrayList<>();
            Figure n = l.figure(Measure.LICENCES_ISSUED);
            if (n.available()) what.add(n.shown("licences"));
            l.figures().forEach((i, f) -> {
                if (i.measure() == Measure.VALUE_ISSUED && f.available()) what.add(money(i.currency(), f));
            });
            issued.add(l.period().label() + " (" + String.join(", ", what) + ")");
        }
        String when = licences.stream()
                        .allMatch(l -> !l.period().start().isBefore(u.period().start()))
                ? "during"
                : "within 12 months before or during";
        List<String> why = new ArrayList<>();
        if (ratio != null) {
            why.add(u.figure(Measure.EVENTS).shown("unrest events") + ", " + String.format(Locale.UK, "%.1f", ratio)
                    + " times the country's median of "
                    + String.format(Locale.UK, median % 1 == 0 ? "%,.0f" : "%,.1f", median)
                    + " a period");
        }
        for (Measure m : List.of(Measure.DETAINED_LOWEST, Measure.KILLED_LOWEST)) {
            Figure lowest = u.figure(m);
            if (!lowest.positive()) continue;
            Figure latest = u.figure(m == Measure.DETAINED_LOWEST ? Measure.DETAINED_LATEST : Measure.KILLED_LATEST);
            String metric = m == Measure.DETAINED_LOWEST ? "detained" : "killed";
            why.add(metric + " " + lowest.shown("")
                    + (latest.available() && !same(latest, lowest) ? ", latest " + latest.shown("") : "")
                    + " as reported");
        }
        return "Licences issued in " + String.join("; ", issued) + ", " + when + " unrest in "
                + u.period().label() + ": " + String.join("; ", why) + ".";
    }

    private static boolean same(Figure a, Figure b) {
        return a.value().compareTo(b.value()) == 0 && a.qualifier() == b.qualifier();
    }

    /** Money in words as a reporter writes it: "EUR 2,200,000", "[i]" after an illustrative value. */
    private static String money(String currency, Figure f) {
        BigDecimal whole = f.value().setScale(0, java.math.RoundingMode.HALF_UP);
        return f.qualifier().mark() + currency + " " + String.format(Locale.UK, "%,d", whole.longValueExact())
                + (f.illustrative() ? " [i]" : "");
    }
}
