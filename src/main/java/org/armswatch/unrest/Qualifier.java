package org.armswatch.unrest;

import java.util.Locale;
import java.util.Optional;

/** How exact a reported figure is: "more than 4,400" is AT_LEAST 4,400, shown as ≥ 4,400. */
public enum Qualifier {
    EXACT,
    UP_TO,
    ABOUT,
    AT_LEAST;

    public static Optional<Qualifier> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
            case "", "exact", "exactly" -> Optional.of(EXACT);
            case "at_least", "more_than", "over", "min", "minimum" -> Optional.of(AT_LEAST);
            case "about", "approx", "approximately", "around", "circa", "ca" -> Optional.of(ABOUT);
            case "up_to", "at_most", "max", "maximum" -> Optional.of(UP_TO);
            default -> Optional.empty();
        };
    }

    /**
     * The qualifier of a figure built from two others. Anything built from an "at least" figure is itself at least
     * (inputs.md); otherwise the vaguer one wins, so exact stays exact only when everything it was built from was
     * exact.
     */
    public Qualifier with(Qualifier other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** The mark written before the number in cells, charts and the page: "≥ 4,400"; nothing for an exact figure. */
    public String mark() {
        return switch (this) {
            case EXACT -> "";
            case AT_LEAST -> "≥ ";
            case ABOUT -> "~ ";
            case UP_TO -> "≤ ";
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Qualifier ofWord(String word) {
        return word == null ? EXACT : valueOf(word.toUpperCase(Locale.ROOT));
    }
}
