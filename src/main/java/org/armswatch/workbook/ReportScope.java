package org.armswatch.workbook;

/**
 * Whom a workbook covers: every country (the main report) or one country (its own workbook).
 *
 * @param countryCode ISO alpha-2, or empty for every country
 */
public record ReportScope(String countryCode, String countryName) {

    public static final ReportScope ALL_COUNTRIES = new ReportScope("", "");

    public boolean oneCountry() {
        return !countryCode.isEmpty();
    }

    /** The geography in a title: "by country" or "in Kazakhstan (KZ)". */
    String place() {
        return oneCountry() ? "in " + countryName + " (" + countryCode + ")" : "by country";
    }
}
