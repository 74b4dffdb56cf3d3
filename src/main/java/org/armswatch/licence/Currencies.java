package org.armswatch.licence;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Currency cells as licence files write them: an ISO 4217 code in any case, or the euro and pound signs. Anything else
 * (a bare "$", "Fr.", a typo) is refused, never guessed: a value in the wrong currency is a wrong number.
 */
public final class Currencies {

    public static final String EUR = "EUR";

    private Currencies() {}

    public static Optional<String> parse(String text) {
        String t = text.strip();
        switch (t) {
            case "€" -> {
                return Optional.of(EUR);
            }
            case "£" -> {
                return Optional.of("GBP");
            }
            default -> {}
        }
        if (!t.matches("[A-Za-z]{3}")) return Optional.empty();
        String code = t.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
            return Optional.of(code);
        } catch (IllegalArgumentException notIso) {
            return Optional.empty();
        }
    }
}
