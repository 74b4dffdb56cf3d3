package org.armswatch.unrest;

import java.util.Locale;
import java.util.Optional;

/** A running total "so far" (cumulative) is never summed; new-in-period figures (incremental) are. */
public enum Basis {
    CUMULATIVE,
    INCREMENTAL;

    public static Optional<Basis> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "cumulative", "total", "so far" -> Optional.of(CUMULATIVE);
            case "incremental", "new", "daily" -> Optional.of(INCREMENTAL);
            default -> Optional.empty();
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
