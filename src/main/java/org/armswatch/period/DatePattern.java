package org.armswatch.period;

import java.text.DateFormatSymbols;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date as one file writes it, given by a pattern of java.time's letters ({@code dd.MM.yyyy}, {@code d MMMM yyyy},
 * {@code dd-MMM-yy}, {@code MMMM yyyy}) and the language of its month names. Only days, months and years are read: a
 * licence or an event has a date, not a time.
 *
 * <p>Month names are matched without regard to case, accents or a closing dot, in full or by any unambiguous start of
 * three letters or more ({@code Sept}, {@code janv.}, {@code Mär}), from tables of English, German and French kept
 * here, so that what a file means does not depend on the locale data of the JVM that reads it (CLDR and the JDK's older
 * data abbreviate September differently). Other languages take their names from the JVM's data. Two-digit years are
 * 1950 to 2049.
 */
public final class DatePattern {

    private static final String[][] MONTHS = {
        {
            "en",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december"
        },
        {
            "de",
            "januar",
            "februar",
            "marz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember"
        },
        {
            "fr",
            "janvier",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "decembre"
        },
    };
    /** Abbreviations that are not a start of the month's name. */
    private static final String[][] OTHER_ABBREVIATIONS = {{"de", "mrz", "3"}, {"de", "jaen", "1"}, {"de", "maerz", "3"}
    };

    private enum Kind {
        LITERAL,
        SPACE,
        DAY,
        MONTH_NUMBER,
        MONTH_NAME,
        YEAR2,
        YEAR4
    }

    private record Token(Kind kind, String text, int width) {}

    private final String pattern;
    private final List<Token> tokens;
    private final String[] monthNames;
    private final String[][] otherAbbreviations;
    private final Granularity granularity;

    private DatePattern(String pattern, List<Token> tokens, String[] monthNames, String[][] otherAbbreviations) {
        this.pattern = pattern;
        this.tokens = tokens;
        this.monthNames = monthNames;
        this.otherAbbreviations = otherAbbreviations;
        boolean day = tokens.stream().anyMatch(t -> t.kind == Kind.DAY);
        boolean month = tokens.stream().anyMatch(t -> t.kind == Kind.MONTH_NUMBER || t.kind == Kind.MONTH_NAME);
        this.granularity = day ? Granularity.DAY : month ? Granularity.MONTH : Granularity.YEAR;
    }

    /**
     * @param language an ISO 639 code such as "en", "de" or "fr"; null for English
     * @throws IllegalArgumentException saying what is wrong with the pattern
     */
    public static DatePattern of(String pattern, String language) {
        String lang =
                language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        List<Token> tokens = tokenize(pattern);
        if (tokens.stream().noneMatch(t -> t.kind == Kind.YEAR2 || t.kind == Kind.YEAR4)) {
            throw new IllegalArgumentException("'" + pattern + "' has no year (yyyy or yy)");
        }
        String[] names = null;
        for (String[] m : MONTHS) {
            if (m[0].equals(lang)) names = java.util.Arrays.copyOfRange(m, 1, 13);
        }
        if (names == null) {
            String[] jvm =
                    DateFormatSymbols.getInstance(Locale.forLanguageTag(lang)).getMonths();
            names = new String[12];
            for (int i = 0; i < 12; i++) names[i] = key(jvm[i]);
        }
        List<String[]> others = new ArrayList<>();
        for (String[] a : OTHER_ABBREVIATIONS) {
            if (a[0].equals(lang)) others.add(new String[] {a[1], a[2]});
        }
        return new DatePattern(pattern, tokens, names, others.toArray(String[][]::new));
    }

    /** What a date in this pattern stands for: a day if it has a day, a month if it has a month, else a year. */
    public Granularity granularity() {
        return granularity;
    }

    /** The date written in {@code text}, the first day of its month or year where the pattern has no day or month. */
    public LocalDate parse(String text) throws PeriodFormatException {
        String s = text.strip();
        int at = 0;
        int day = 1;
        int month = 1;
        int year = -1;
        for (Token t : tokens) {
            switch (t.kind) {
                case SPACE -> {
                    int from = at;
                    while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
                    if (at == from) throw wrong(s);
                }
                case LITERAL -> {
                    if (!s.regionMatches(true, at, t.text, 0, t.text.length())) throw wrong(s);
                    at += t.text.length();
                }
                case DAY, MONTH_NUMBER, YEAR2, YEAR4 -> {
                    int from = at;
                    int max = t.kind == Kind.YEAR4 ? 4 : 2;
                    while (at < s.length() && at - from < max && Character.isDigit(s.charAt(at))) at++;
                    int min = t.kind == Kind.YEAR4 ? 4 : t.kind == Kind.YEAR2 ? 2 : 1;
                    if (at - from < min) throw wrong(s);
                    int n = Integer.parseInt(s, from, at, 10);
                    switch (t.kind) {
                        case DAY -> day = n;
                        case MONTH_NUMBER -> month = n;
                        case YEAR2 -> year = Period.twoDigitYear(n);
                        default -> year = n;
                    }
                }
                case MONTH_NAME -> {
                    int from = at;
                    while (at < s.length() && (Character.isLetter(s.charAt(at)) || s.charAt(at) == '.')) at++;
                    month = month(s.substring(from, at));
                    if (month < 0) {
                        throw new PeriodFormatException("'" + s + "': '" + s.substring(from, at)
                                + "' is not a month name in the file's language");
                    }
                }
            }
        }
        if (at != s.length()) throw wrong(s);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new PeriodFormatException("'" + s + "' is not a date");
        }
    }

    /** The month of a name or abbreviation, 1 to 12, or -1 when it names none or could be two. */
    private int month(String word) {
        String k = key(word.endsWith(".") ? word.substring(0, word.length() - 1) : word);
        if (k.length() < 3) return -1;
        for (String[] a : otherAbbreviations) {
            if (a[0].equals(k)) return Integer.parseInt(a[1]);
        }
        int found = -1;
        for (int i = 0; i < 12; i++) {
            if (monthNames[i].equals(k)) return i + 1;
            if (monthNames[i].startsWith(k)) {
                if (found >= 0) return -1;
                found = i + 1;
            }
        }
        return found;
    }

    private PeriodFormatException wrong(String s) {
        return new PeriodFormatException("'" + s + "' is not a date written as " + pattern);
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /** Lower case, accents dropped: "März" and "MARZ" are one key. */
    private static String key(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    private static List<Token> tokenize(String pattern) {
        if (pattern == null || pattern.isBlank()) throw new IllegalArgumentException("the date pattern is empty");
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < pattern.length(); ) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("'" + pattern + "' has a quote that is not closed");
                tokens.add(new Token(Kind.LITERAL, pattern.substring(i + 1, end), 0));
                i = end + 1;
                continue;
            }
            int j = i;
            while (j < pattern.length() && pattern.charAt(j) == c) j++;
            int n = j - i;
            if (Character.isWhitespace(c)) {
                tokens.add(new Token(Kind.SPACE, " ", 0));
            } else if (c == 'd' && n <= 2) {
                tokens.add(new Token(Kind.DAY, "", n));
            } else if (c == 'M' && n <= 2) {
                tokens.add(new Token(Kind.MONTH_NUMBER, "", n));
            } else if ((c == 'M' || c == 'L') && n <= 4) {
                tokens.add(new Token(Kind.MONTH_NAME, "", n));
            } else if ((c == 'y' || c == 'u') && n == 2) {
                tokens.add(new Token(Kind.YEAR2, "", n));
            } else if ((c == 'y' || c == 'u') && n == 4) {
                tokens.add(new Token(Kind.YEAR4, "", n));
            } else if (Character.isLetter(c)) {
                throw new IllegalArgumentException("'" + pattern + "': '" + pattern.substring(i, j) + "' is not one of"
                        + " d, dd, M, MM, MMM, MMMM, yy, yyyy (a date's day, month and year; quote other letters)");
            } else {
                tokens.add(new Token(Kind.LITERAL, pattern.substring(i, j), 0));
            }
            i = j;
        }
        return tokens;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
