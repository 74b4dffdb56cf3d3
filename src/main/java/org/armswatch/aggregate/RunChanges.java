package org.armswatch.aggregate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.armswatch.period.Period;

/**
 * What differs between a run's Overview figures and those of the run it is compared with.
 *
 * @param previousRunId null when there is no earlier run to compare with (the first run)
 * @param previousRunDate null with previousRunId
 * @param figures in Overview order: country name, period, measure
 */
public record RunChanges(Long previousRunId, LocalDate previousRunDate, List<FigureChange> figures) {

    public RunChanges {
        figures = List.copyOf(figures);
    }

    public static RunChanges firstRun() {
        return new RunChanges(null, null, List.of());
    }

    public boolean comparable() {
        return previousRunId != null;
    }

    /** True where the figure was revised (not added): the Overview marks it [r]. */
    public boolean revised(String country, Period period, Indicator indicator) {
        return figures.stream()
                .anyMatch(c -> c.kind() == FigureChange.Kind.REVISED
                        && c.country().equals(country)
                        && c.period().equals(period)
                        && c.indicator().equals(indicator));
    }

    /** "3 revised, 2 added, 1 removed": the counts of changes, for the Cover and the cron line; "none" where none. */
    public String counts() {
        List<String> said = new java.util.ArrayList<>();
        for (FigureChange.Kind kind :
                List.of(FigureChange.Kind.REVISED, FigureChange.Kind.ADDED, FigureChange.Kind.REMOVED)) {
            long n = figures.stream().filter(c -> c.kind() == kind).count();
            if (n > 0) said.add(n + " " + kind.word());
        }
        return said.isEmpty() ? "none" : String.join(", ", said);
    }

    /** The same comparison, only one country's figures: for that country's workbook. */
    public RunChanges of(String country) {
        return new RunChanges(
                previousRunId,
                previousRunDate,
                figures.stream()
                        .filter(c -> Objects.equals(c.country(), country))
                        .toList());
    }
}
