package org.armswatch.period;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A figure's period at the granularity it was reported at: a day, or a calendar month, quarter or year. {@code start}
 * is the first day of the period.
 *
 * <p>Parsing is hand-written because it runs for every row of every input (millions a night): no regular expressions,
 * no formatters, and no exceptions unless the text is wrong.
 */
public record Period(Granularity granularity, LocalDate start) implements Comparable<Period> {

    private static final String[] MONTH_NAMES = {
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"
    };
    private static final String[] MONTH_ABBREVIATIONS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    public Period {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(start, "start");
        boolean aligned = switch (granularity) {
            case DAY -> true;
            case MONTH -> start.getDayOfMonth() == 1;
            case QUARTER -> start.getDayOfMonth() == 1 && start.getMonthValue() % 3 == 1;
            case YEAR -> start.getDayOfYear() == 1;
        };
        if (!aligned) {
            throw new IllegalArgumentException("a " + granularity.name().toLowerCase() + " cannot start on " + start);
        }
    }

    /** Reads {@code YYYY}, {@code YYYY-Qn}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
    public static Period parse(String field, String text) throws PeriodFormatException {
        String s = text == null ? "" : text.trim();
        int length = s.length();
        if (length == 0) {
            throw new PeriodFormatException(field + " '' is empty");
        }
        int year = digits(s, 0, 4);
        if (year < 0 || (length > 4 && s.charAt(4) != '-')) {
            throw notAPeriod(field, s);
        }
        if (length == 4) {
            return CanonicalPeriods.year(checkedYear(field, s, year));
        }
        if (length > 5 && (s.charAt(5) == 'Q' || s.charAt(5) == 'q')) {
            checkedYear(field, s, year);
            int quarter = length == 7 ? digits(s, 6, 1) : -1;
            if (quarter < 1 || quarter > 4) {
                throw new PeriodFormatException(field + " '" + s + "' is not a quarter");
            }
            return CanonicalPeriods.quarter(year, quarter);
        }
        int month = digits(s, 5, 2);
        if (length == 7 && month >= 0) {
            checkedYear(field, s, year);
            if (month < 1 || month > 12) {
                throw new PeriodFormatException(field + " '" + s + "' is not a month");
            }
            return CanonicalPeriods.month(year, month);
        }
        if (length == 10 && s.charAt(7) == '-') {
            int day = digits(s, 8, 2);
            if (month >= 0 && day >= 0) {
                return date(field, s, year, month, day);
            }
        }
        throw notAPeriod(field, s);
    }

    /**
     * Reads ACLED's {@code event_date}: {@code 2022-01-05}, or a day, a month name and a year as its older export tools
     * and spreadsheets wrote them: {@code 05 January 2022}, {@code 01-January-2015}, {@code 9-May-20} (day of one or
     * two digits; month named in full or by three letters, any case; a space or a hyphen between; a two-digit year is
     * 1950 to 2049). Dates in other forms ({@code 01-07-16}) need a mapping's date-format.
     */
    public static Period parseEventDate(String field, String text) throws PeriodFormatException {
        String s = text == null ? "" : text.trim();
        int length = s.length();
        if (length == 0) {
            throw new PeriodFormatException(field + " '' is empty");
        }
        if (length == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            if (year < 0 || month < 0 || day < 0) {
                throw notADate(field, s);
            }
            return date(field, s, year, month, day);
        }
        int i = 0;
        int day = 0;
        while (i < length && i < 2 && isDigit(s.charAt(i))) {
            day = day * 10 + s.charAt(i) - '0';
            i++;
        }
        if (i == 0 || i == length || !isGap(s.charAt(i))) {
            throw notADate(field, s);
        }
        while (i < length && isGap(s.charAt(i))) {
            i++;
        }
        int nameStart = i;
        while (i < length && !isGap(s.charAt(i))) {
            i++;
        }
        int month = monthNamed(s, nameStart, i - nameStart);
        while (i < length && isGap(s.charAt(i))) {
            i++;
        }
        int year = length - i == 4 ? digits(s, i, 4) : length - i == 2 ? twoDigitYear(digits(s, i, 2)) : -1;
        if (month == 0 || year < 0) {
            throw notADate(field, s);
        }
        return date(field, s, year, month, day);
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '-';
    }

    /** 50 to 99 are the 1900s, 00 to 49 the 2000s; -1 stays -1. */
    /** 1950 to 2049, as DatePattern reads two-digit years too. */
    static int twoDigitYear(int yy) {
        return yy < 0 ? -1 : yy < 50 ? 2000 + yy : 1900 + yy;
    }

    /**
     * The period this one falls in at the report's granularity. Only ever rolls up: a period already as coarse as the
     * report, or coarser, is returned as it is, because splitting a yearly figure into quarters would invent numbers
     * nobody reported.
     */
    public Period rollUpTo(Granularity report) {
        if (!granularity.isFinerThan(report)) {
            return this;
        }
        int year = start.getYear();
        return switch (report) {
            case YEAR -> CanonicalPeriods.year(year);
            case QUARTER -> CanonicalPeriods.quarter(year, (start.getMonthValue() + 2) / 3);
            case MONTH -> CanonicalPeriods.month(year, start.getMonthValue());
            case DAY -> this;
        };
    }

    /** Sortable form: {@code 2022}, {@code 2022-Q1}, {@code 2022-01}, {@code 2022-01-05}. */
    public String iso() {
        StringBuilder iso = new StringBuilder(10);
        appendYear(iso, start.getYear());
        switch (granularity) {
            case YEAR -> {}
            case QUARTER -> iso.append("-Q").append((start.getMonthValue() + 2) / 3);
            case MONTH -> appendTwoDigits(iso.append('-'), start.getMonthValue());
            case DAY ->
                appendTwoDigits(
                        appendTwoDigits(iso.append('-'), start.getMonthValue()).append('-'), start.getDayOfMonth());
        }
        return iso.toString();
    }

    /** As people say it: {@code 2022}, {@code Jan to Mar 2022}, {@code Jan 2022}, {@code 5 Jan 2022}. */
    public String label() {
        int month = start.getMonthValue();
        int year = start.getYear();
        return switch (granularity) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> MONTH_ABBREVIATIONS[month - 1] + " to " + MONTH_ABBREVIATIONS[month + 1] + " " + year;
            case MONTH -> MONTH_ABBREVIATIONS[month - 1] + " " + year;
            case DAY -> start.getDayOfMonth() + " " + MONTH_ABBREVIATIONS[month - 1] + " " + year;
        };
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return switch (granularity) {
            case DAY -> start;
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
        };
    }

    /**
     * Periods read back from the staging tables, one a row: a run has a few thousand distinct ones at most (days over
     * decades), so each text is parsed and checked once.
     */
    private static final Map<String, Period> READ_BACK = new ConcurrentHashMap<>();

    /** Reads back what {@link #iso()} wrote, and only that. */
    public static Period ofIso(String iso) {
        if (iso == null) return parseIso(null);
        Period known = READ_BACK.get(iso);
        if (known != null) return known;
        Period period = parseIso(iso);
        READ_BACK.put(iso, period);
        return period;
    }

    private static Period parseIso(String iso) {
        Period period;
        try {
            period = parse("period", iso);
        } catch (PeriodFormatException e) {
            throw new IllegalArgumentException("not an ISO period: " + e.getMessage(), e);
        }
        if (!period.iso().equals(iso)) {
            throw new IllegalArgumentException("not an ISO period: '" + iso + "'");
        }
        return period;
    }

    /** By start; of periods starting the same day the coarser comes first, as a total before its parts. */
    @Override
    public int compareTo(Period o) {
        int byStart = start.compareTo(o.start);
        return byStart != 0 ? byStart : Integer.compare(o.granularity.ordinal(), granularity.ordinal());
    }

    private static Period date(String field, String s, int year, int month, int day) throws PeriodFormatException {
        checkedYear(field, s, year);
        if (month < 1 || month > 12 || day < 1 || day > CanonicalPeriods.daysIn(year, month)) {
            throw notADate(field, s);
        }
        return CanonicalPeriods.day(year, month, day);
    }

    private static int checkedYear(String field, String s, int year) throws PeriodFormatException {
        if (!CanonicalPeriods.accepts(year)) {
            throw new PeriodFormatException(field + " '" + s + "' is out of range");
        }
        return year;
    }

    /** The number written by {@code count} digits at {@code from}, or -1 when any is not a digit. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** 1 to 12 for an English month name or its three-letter abbreviation, in any case; else 0. */
    private static int monthNamed(String s, int from, int length) {
        for (int m = 0; m < 12; m++) {
            String name = MONTH_NAMES[m];
            if ((length == name.length() || length == 3) && s.regionMatches(true, from, name, 0, length)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static PeriodFormatException notAPeriod(String field, String s) {
        return new PeriodFormatException(field + " '" + s
                + "' is not a year, quarter, month or date (use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)");
    }

    private static PeriodFormatException notADate(String field, String s) {
        return new PeriodFormatException(field + " '" + s + "' is not a date");
    }

    private static void appendYear(StringBuilder b, int year) {
        // Zero-padded so that the text sorts like the years; parsed years always have four digits.
        if (year >= 0 && year < 1000) {
            b.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        b.append(year);
    }

    private static StringBuilder appendTwoDigits(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
