package org.armswatch.period;

/** How finely a figure is dated. Declared finest first, so that ordinal order is fineness order. */
public enum Granularity {
    DAY,
    MONTH,
    QUARTER,
    YEAR;

    /**
     * The report period chosen with {@code --period}. Days are not offered: a reporter reads a workbook by month,
     * quarter or year.
     */
    public static Granularity ofReportOption(String option) {
        String chosen = option == null ? "" : option.trim();
        if (chosen.equalsIgnoreCase("month")) {
            return MONTH;
        }
        if (chosen.equalsIgnoreCase("quarter")) {
            return QUARTER;
        }
        if (chosen.equalsIgnoreCase("year")) {
            return YEAR;
        }
        throw new IllegalArgumentException("period '" + chosen + "' is not allowed: use month, quarter or year");
    }

    public boolean isFinerThan(Granularity other) {
        return ordinal() < other.ordinal();
    }
}
