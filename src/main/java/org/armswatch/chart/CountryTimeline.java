package org.armswatch.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Licence value against unrest events over time: for one country, or for all destinations together (the trend).
 *
 * @param countryCode ISO code, or "all" for the trend; it names the file, so only letters, digits, '-' and '_'
 * @param countryName as the chart names it: "Kazakhstan", "all destinations"
 * @param currency ISO 4217 code of the licence values drawn (one currency a chart)
 * @param points in period order, oldest first; each period at most once
 */
public record CountryTimeline(
        String countryCode, String countryName, String currency, List<TimelinePoint> points, String source) {

    private static final Pattern FILE_SAFE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    /** The code of the trend over all destinations. */
    public static final String ALL = "all";

    public CountryTimeline {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(countryName, "countryName");
        Objects.requireNonNull(source, "source");
        points = List.copyOf(points);
        if (!FILE_SAFE_CODE.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("countryCode must be letters, digits, '-' or '_': " + countryCode);
        }
        if (countryName.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("countryName and source must not be blank");
        }
        var seen = new HashSet<String>();
        for (TimelinePoint point : points) {
            if (!seen.add(point.period().iso())) {
                throw new IllegalArgumentException(
                        "period listed twice: " + point.period().iso());
            }
        }
    }

    public boolean trend() {
        return ALL.equals(countryCode);
    }
}
