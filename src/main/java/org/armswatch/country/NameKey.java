package org.armswatch.country;

import java.text.Normalizer;

/**
 * The form every country cell, name, code and alias is compared in: lower case, accents dropped, punctuation read as a
 * space, single spaces, no leading or trailing "the", and numeric codes without leading zeros.
 */
final class NameKey {

    private NameKey() {}

    static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length() + 4);
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                continue;
            }
            if (cp == '&') {
                // "Bosnia & Herzegovina" (Locale's English) must meet "Bosnia and Herzegovina" (everyone else's).
                appendWord(key, "and");
                gap = true;
            } else if (Character.isLetterOrDigit(cp)) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                gap = false;
                int lower = Character.toLowerCase(cp);
                if (lower == 'ß') {
                    key.append("ss");
                } else {
                    key.appendCodePoint(lower);
                }
            } else {
                gap = true;
            }
        }
        return withoutLeadingZeros(withoutThe(saints(key.toString())));
    }

    /** "St Vincent", "St. Lucia" and "Ste-Marie" are written out: one key with "Saint Vincent". */
    private static String saints(String key) {
        if (!key.startsWith("st ") && !key.contains(" st ") && !key.startsWith("ste ") && !key.contains(" ste "))
            return key;
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (String word : key.split(" ")) {
            if (out.length() > 0) out.append(' ');
            out.append(word.equals("st") ? "saint" : word.equals("ste") ? "sainte" : word);
        }
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static void appendWord(StringBuilder key, String word) {
        if (key.length() > 0) {
            key.append(' ');
        }
        key.append(word);
    }

    /** Articles a country's name may stand with in English, German and French; never a name of their own. */
    private static final String[] LEADING_ARTICLES = {"the ", "die ", "der ", "das ", "la ", "le ", "les ", "l "};

    // "Gambia, The", "The Netherlands", "die Niederlande" and "les Pays-Bas" are written without their articles.
    private static String withoutThe(String key) {
        String stripped = key;
        for (String article : LEADING_ARTICLES) {
            if (stripped.startsWith(article) && stripped.length() > article.length()) {
                stripped = stripped.substring(article.length());
                break;
            }
        }
        if (stripped.endsWith(" the")) {
            stripped = stripped.substring(0, stripped.length() - 4);
        }
        return stripped;
    }

    // ACLED writes Afghanistan as 4, ISO as 004: both are the same numeric code.
    private static String withoutLeadingZeros(String key) {
        if (key.length() < 2 || key.charAt(0) != '0') {
            return key;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return key;
            }
        }
        int start = 0;
        while (start < key.length() - 1 && key.charAt(start) == '0') {
            start++;
        }
        return key.substring(start);
    }
}
