package org.armswatch.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.armswatch.country.Country;

/** How a file's country names were read where no table had them as written: said once per file, for checking. */
final class CountryNotes {

    /** Names listed in a note; the rest are counted. */
    private static final int LISTED = 20;

    private CountryNotes() {}

    /** "country names read by rule: 'Sudan, South' as South Sudan (SS); ..."; "" when there were none. */
    static String readByRule(Map<String, Country> byRule) {
        if (byRule.isEmpty()) return "";
        List<String> said = new ArrayList<>();
        byRule.entrySet().stream()
                .limit(LISTED)
                .forEach(e -> said.add("'" + e.getKey() + "' as " + e.getValue().name() + " ("
                        + e.getValue().code() + ")"));
        String more = byRule.size() > LISTED ? " and " + (byRule.size() - LISTED) + " more" : "";
        return "country names read by rule (brackets, inverted or long forms): " + String.join("; ", said) + more;
    }
}
