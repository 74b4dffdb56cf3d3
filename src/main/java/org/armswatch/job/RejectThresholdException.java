package org.armswatch.job;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.armswatch.aggregate.SourceFileRecord;

/** Files rejected more of their rows than allowed: a broken upstream export must not become a chart. */
final class RejectThresholdException extends RuntimeException {

    RejectThresholdException(String message) {
        super(message);
    }

    static String describe(SourceFileRecord f, double threshold, Map<String, Long> reasons) {
        return String.format(
                Locale.ROOT,
                "%s: %d of %d rows rejected (%.1f %%), more than the %.1f %% allowed"
                        + " (--reject-threshold); reasons: %s",
                f.name(),
                f.rowsRejected(),
                f.rowsRead(),
                100.0 * f.rejectedShare(),
                100.0 * threshold,
                reasons.entrySet().stream()
                                .limit(5)
                                .map(e -> e.getValue() + " × " + e.getKey())
                                .collect(Collectors.joining("; "))
                        + (reasons.size() > 5 ? "; and " + (reasons.size() - 5) + " other reasons" : ""));
    }
}
