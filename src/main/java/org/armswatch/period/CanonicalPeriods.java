package org.armswatch.period;

import java.time.LocalDate;

/**
 * One shared instance per period in the accepted years, so that millions of parsed dates and their roll-ups do not each
 * allocate a new period.
 */
final class CanonicalPeriods {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;
    private static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

    private static final Period[] BY_YEAR = new Period[YEARS];
    private static final Period[] BY_QUARTER = new Period[YEARS * 4];
    private static final Period[] BY_MONTH = new Period[YEARS * 12];
    // Filled as dates are met: the whole table would be 73,000 objects, most never used. Two threads
    // racing on a slot at worst build equal twins, and Period's final fields make the unlocked
    // publication safe.
    private static final Period[] BY_DAY = new Period[YEARS * 12 * 31];

    static {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int y = year - FIRST_YEAR;
            BY_YEAR[y] = new Period(Granularity.YEAR, LocalDate.of(year, 1, 1));
            for (int quarter = 1; quarter <= 4; quarter++) {
                BY_QUARTER[y * 4 + quarter - 1] =
                        new Period(Granularity.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1));
            }
            for (int month = 1; month <= 12; month++) {
                BY_MONTH[y * 12 + month - 1] = new Period(Granularity.MONTH, LocalDate.of(year, month, 1));
            }
        }
    }

    private CanonicalPeriods() {}

    static boolean accepts(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static Period year(int year) {
        return accepts(year) ? BY_YEAR[year - FIRST_YEAR] : new Period(Granularity.YEAR, LocalDate.of(year, 1, 1));
    }

    static Period quarter(int year, int quarter) {
        return accepts(year)
                ? BY_QUARTER[(year - FIRST_YEAR) * 4 + quarter - 1]
                : new Period(Granularity.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1));
    }

    static Period month(int year, int month) {
        return accepts(year)
                ? BY_MONTH[(year - FIRST_YEAR) * 12 + month - 1]
                : new Period(Granularity.MONTH, LocalDate.of(year, month, 1));
    }

    /** The caller has checked that the date exists. */
    static Period day(int year, int month, int day) {
        if (!accepts(year)) {
            return new Period(Granularity.DAY, LocalDate.of(year, month, day));
        }
        int slot = ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
        Period period = BY_DAY[slot];
        if (period == null) {
            period = new Period(Granularity.DAY, LocalDate.of(year, month, day));
            BY_DAY[slot] = period;
        }
        return period;
    }

    static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }
}
