package org.armswatch.aggregate;

import java.util.Comparator;
import java.util.Locale;

/**
 * One column of the Overview: a measure, and for money the currency it is in. Figures in two currencies are two
 * indicators, never one sum (inputs.md section 1).
 *
 * @param currency ISO 4217 code for a value, "" for a count
 */
public record Indicator(Measure measure, String currency) implements Comparable<Indicator> {

    private static final Comparator<Indicator> ORDER =
            Comparator.comparing(Indicator::measure).thenComparing(Indicator::currency);

    public Indicator {
        if (measure.money() == currency.isEmpty()) {
            throw new IllegalArgumentException(
                    measure + (currency.isEmpty() ? " needs a currency" : " has no currency"));
        }
    }

    public static Indicator of(Measure measure) {
        return new Indicator(measure, "");
    }

    public static Indicator money(Measure measure, String currency) {
        return new Indicator(measure, currency);
    }

    /** As aw_figure keeps it: {@code value_issued_gbp}; a count's key is its measure's. */
    public String key() {
        return currency.isEmpty() ? measure.key() : measure.key() + "_" + currency.toLowerCase(Locale.ROOT);
    }

    /** The key read back; runs of earlier versions wrote {@code value_issued} for euros, the only currency then. */
    public static Indicator ofKey(String key) {
        for (Measure m : Measure.values()) {
            if (!m.money()) {
                if (m.key().equals(key)) return of(m);
            } else if (key.equals(m.key())) {
                return money(m, "EUR");
            } else if (key.startsWith(m.key() + "_") && key.length() == m.key().length() + 4) {
                return money(m, key.substring(m.key().length() + 1).toUpperCase(Locale.ROOT));
            }
        }
        throw new IllegalArgumentException("unknown figure '" + key + "'");
    }

    @Override
    public int compareTo(Indicator o) {
        return ORDER.compare(this, o);
    }
}
