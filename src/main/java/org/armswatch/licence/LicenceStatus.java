package org.armswatch.licence;

import java.util.Locale;
import java.util.Optional;

/** Whether a licence was granted or refused; a file without the column reports issued licences. */
public enum LicenceStatus {
    ISSUED,
    REFUSED;

    /** Written once per staged row: made once. */
    private final String word = name().toLowerCase(Locale.ROOT);

    static Optional<LicenceStatus> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "issued", "granted", "approved", "erteilt" -> Optional.of(ISSUED);
            case "refused", "denied", "rejected", "abgelehnt" -> Optional.of(REFUSED);
            default -> Optional.empty();
        };
    }

    public String word() {
        return word;
    }
}
