package org.armswatch.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Numbers as reporters type them, with reasons a reporter can act on.
 *
 * <p>Decimal-point files accept {@code 2200000}, {@code 2200000.50}, {@code 2,200,000.00}; decimal-comma files
 * {@code 2200000,5}, {@code 2.200.000,00}. A lone grouping mark is grouping: {@code 2,200} is 2200 in a decimal-point
 * file and {@code 2.200} in a decimal-comma file. Thousands may also be separated by spaces ({@code 12 000}, as French
 * and Russian sources write them), but groups must be three digits, so {@code 2,5} in a decimal-point file and
 * {@code 1,23,4} are refused rather than guessed. Exponents ({@code 1e400}, {@code 2.2E+06}) are refused: a spreadsheet
 * writes them only when it has rounded the figure for display.
 */
public final class FigureParser {

    /** Longer integer parts are a broken cell, not a figure, and would cost a slow BigInteger parse. */
    static final int MAX_INTEGER_DIGITS = 30;

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final int SHOWN_CHARS = 60;

    private static final FigureParser DECIMAL_POINT = new FigureParser('.', ',');
    private static final FigureParser DECIMAL_COMMA = new FigureParser(',', '.');

    private final char decimalMark;
    private final char groupMark;
    private final String marksHint;

    private FigureParser(char decimalMark, char groupMark) {
        this.decimalMark = decimalMark;
        this.groupMark = groupMark;
        this.marksHint =
                " (in this file '" + decimalMark + "' is the decimal mark and '" + groupMark + "' separates thousands)";
    }

    public static FigureParser forDialect(CsvDialect d) {
        return d.decimalComma() ? DECIMAL_COMMA : DECIMAL_POINT;
    }

    /** A money value or similar: ≥ 0; null for a blank cell (not available, never zero). */
    public BigDecimal amount(String field, String text) throws FigureFormatException {
        if (text == null) {
            return null;
        }
        int from = firstNonSpace(text);
        int to = lastNonSpace(text) + 1;
        if (from >= to) {
            return null;
        }
        long plain = plainDigits(text, from, to);
        if (plain >= 0) {
            return BigDecimal.valueOf(plain);
        }
        BigDecimal value = parse(field, text, from, to);
        if (value.signum() < 0) {
            throw new FigureFormatException(field + " " + shown(text, from, to) + " is negative");
        }
        return value;
    }

    /**
     * A money value in a known currency, which a cell may also name before or after the number, as government lists and
     * spreadsheets do ({@code Fr. 1'234.00}, {@code £1,500}, {@code 2.200.000,00 EUR}): a mark of that currency is
     * passed over, a mark of another is refused (the file says one currency, the cell another).
     */
    public BigDecimal amount(String field, String text, String currency) throws FigureFormatException {
        if (text == null) return null;
        String t = text.strip();
        if (t.isEmpty() || Character.isDigit(t.charAt(0)) && Character.isDigit(t.charAt(t.length() - 1))) {
            return amount(field, text);
        }
        CurrencyMark mark = CurrencyMark.find(t);
        if (mark == null) return amount(field, text);
        if (!mark.means(currency)) {
            throw new FigureFormatException(field + " '" + shown(t, 0, t.length()) + "' is marked " + mark.text()
                    + ", but this row's values are in " + currency);
        }
        return amount(field, mark.rest());
    }

    /** A currency's code or sign at either end of a cell, and the cell without it. */
    private record CurrencyMark(String text, String rest, List<String> currencies) {

        /**
         * Signs and abbreviations, each with the currencies it may stand for; a three-letter code stands for itself.
         */
        private static final List<List<String>> SIGNS = List.of(
                List.of("€", "EUR"),
                List.of("£", "GBP"),
                List.of("SFr.", "CHF"),
                List.of("Fr.", "CHF"),
                List.of("Fr", "CHF"),
                List.of("US$", "USD"),
                List.of("$", "USD", "CAD", "AUD", "NZD", "SGD", "HKD"),
                List.of("kr", "SEK", "NOK", "DKK"),
                List.of("zł", "PLN"),
                List.of("Kč", "CZK"));

        static CurrencyMark find(String t) {
            for (List<String> sign : SIGNS) {
                String s = sign.get(0);
                if (t.startsWith(s)) return new CurrencyMark(s, t.substring(s.length()), sign.subList(1, sign.size()));
                if (t.endsWith(s)
                        && t.length() > s.length()
                        && !Character.isLetter(t.charAt(t.length() - s.length() - 1))) {
                    return new CurrencyMark(s, t.substring(0, t.length() - s.length()), sign.subList(1, sign.size()));
                }
            }
            if (t.length() > 3 && isCode(t, 0) && !Character.isLetter(t.charAt(3))) {
                return new CurrencyMark(
                        t.substring(0, 3),
                        t.substring(3),
                        List.of(t.substring(0, 3).toUpperCase(java.util.Locale.ROOT)));
            }
            if (t.length() > 3 && isCode(t, t.length() - 3) && !Character.isLetter(t.charAt(t.length() - 4))) {
                String code = t.substring(t.length() - 3);
                return new CurrencyMark(
                        code, t.substring(0, t.length() - 3), List.of(code.toUpperCase(java.util.Locale.ROOT)));
            }
            return null;
        }

        /** Three ASCII letters that are an ISO 4217 code, such as EUR or chf. */
        private static boolean isCode(String t, int at) {
            for (int i = at; i < at + 3; i++) {
                if (!Character.isLetter(t.charAt(i)) || t.charAt(i) > 'z') return false;
            }
            try {
                java.util.Currency.getInstance(t.substring(at, at + 3).toUpperCase(java.util.Locale.ROOT));
                return true;
            } catch (IllegalArgumentException notACode) {
                return false;
            }
        }

        boolean means(String currency) {
            return currencies.contains(currency);
        }
    }

    /** A whole number ≥ 0 such as a count of licences or of people; null for a blank cell. */
    public Long count(String field, String text) throws FigureFormatException {
        if (text == null) {
            return null;
        }
        int from = firstNonSpace(text);
        int to = lastNonSpace(text) + 1;
        if (from >= to) {
            return null;
        }
        long plain = plainDigits(text, from, to);
        if (plain >= 0) {
            return plain;
        }
        BigDecimal value = parse(field, text, from, to);
        String shown = shown(text, from, to);
        if (value.signum() < 0) {
            throw new FigureFormatException(field + " " + shown + " is negative");
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new FigureFormatException(field + " '" + shown + "' is not a whole number");
        }
        if (value.compareTo(LONG_MAX) > 0) {
            throw new FigureFormatException(field + " " + shown + " is too large");
        }
        return value.longValue();
    }

    /** The hot path: up to 18 ASCII digits, the value; -1 for anything else. */
    private static long plainDigits(String text, int from, int to) {
        if (to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private BigDecimal parse(String field, String text, int from, int to) throws FigureFormatException {
        int i = from;
        boolean negative = false;
        char first = text.charAt(i);
        if (first == '-' || first == '\u2212') {
            negative = true;
            i++;
        } else if (first == '+') {
            i++;
        }
        StringBuilder digits = new StringBuilder(to - from);
        int integerDigits = 0;
        int groupLength = 0;
        int separators = 0;
        char separatorUsed = 0;
        boolean badGrouping = false;
        char culprit = 0;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                integerDigits++;
                groupLength++;
                continue;
            }
            char separator = c == groupMark ? groupMark : isSpace(c) ? ' ' : isApostrophe(c) ? '\'' : 0;
            if (separator == 0) {
                break;
            }
            boolean firstGroupBad = separators == 0
                    && (groupLength < 1 || groupLength > 3 || digits.charAt(digits.length() - groupLength) == '0');
            if (firstGroupBad
                    || (separators > 0 && groupLength != 3)
                    || (separatorUsed != 0 && separatorUsed != separator)) {
                badGrouping = true;
                culprit = separator;
                break;
            }
            separatorUsed = separator;
            separators++;
            groupLength = 0;
        }
        if (!badGrouping && separators > 0 && groupLength != 3) {
            badGrouping = true;
            culprit = separatorUsed;
        }
        if (badGrouping) {
            // A misplaced grouping mark is most often a file in the other dialect; a misplaced space is just a typo.
            String hint = culprit == ' ' ? " (digits must be grouped in threes)" : marksHint;
            throw notANumber(field, text, from, to, hint);
        }
        int scale = 0;
        if (i < to && text.charAt(i) == decimalMark) {
            for (i++; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                digits.append(c);
                scale++;
            }
        }
        if (i < to || digits.length() == 0) {
            char stop = i < to ? text.charAt(i) : 0;
            boolean marks = digits.length() > 0 && (stop == decimalMark || stop == groupMark);
            throw notANumber(field, text, from, to, marks ? marksHint : "");
        }
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new FigureFormatException(field + " " + shown(text, from, to) + " is too large");
        }
        BigDecimal value = digits.length() <= 18
                ? BigDecimal.valueOf(Long.parseLong(digits, 0, digits.length(), 10), scale)
                : new BigDecimal(new BigInteger(digits.toString()), scale);
        return negative ? value.negate() : value;
    }

    private static FigureFormatException notANumber(String field, String text, int from, int to, String hint) {
        return new FigureFormatException(field + " '" + shown(text, from, to) + "' is not a number" + hint);
    }

    /** The cell as typed, cut short so that one broken cell cannot flood the run's report. */
    private static String shown(String text, int from, int to) {
        return to - from <= SHOWN_CHARS ? text.substring(from, to) : text.substring(from, from + SHOWN_CHARS) + "…";
    }

    /**
     * Swiss and Liechtenstein figures group thousands with an apostrophe ({@code 1'234.00}); it is never a decimal
     * mark.
     */
    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    private static int firstNonSpace(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) <= ' ' || isSpace(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static int lastNonSpace(String text) {
        int i = text.length() - 1;
        while (i >= 0 && (text.charAt(i) <= ' ' || isSpace(text.charAt(i)))) {
            i--;
        }
        return i;
    }
}
