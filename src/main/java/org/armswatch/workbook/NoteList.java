package org.armswatch.workbook;

import java.util.List;

/**
 * The workbook's notes, numbered once for every run and every workbook, in the order a reader of the main workbook
 * first meets them: a note keeps its number from night to night and between the main and the country workbooks, so that
 * "[note 5]" quoted in a story stays true. The Notes sheet lists them all.
 */
final class NoteList {

    /** "[note 3]" for this text, one of {@link #all()}. */
    String ref(String text) {
        int n = all().indexOf(text);
        if (n < 0) throw new IllegalArgumentException("not a note of the catalogue: " + text);
        return "[note " + (n + 1) + "]";
    }

    /** Every note, in number order. */
    static List<String> all() {
        return CATALOGUE;
    }

    static final String SYMBOLS =
            "Symbols used in the tables, as the Government Analysis Function's guidance writes them:"
                    + " [x] = not available (nothing was reported, never a zero); [z] = not applicable (no such figure can exist,"
                    + " such as a category for an uncategorised licence); ≥ = at least; ~ = about; ≤ = up to; [r] = revised since"
                    + " the previous run; [i] = illustrative, not real data. A true zero is written 0.";
    static final String AT_LEAST =
            "A figure shown as ≥ 4,400 is \"at least\": the source said \"more than\" or \"at least\","
                    + " or the figure is a sum in which some parts were not available. ~ means about, ≤ means up to. The cell holds"
                    + " the number itself, so it still sorts and sums.";
    static final String COARSER =
            "A figure is shown at the period it was reported for and never split: a yearly licence"
                    + " figure stays in its year's row (for example 2021) beside quarterly rows (2021-Q1 ...).";
    static final String LICENCE_SOURCES =
            "Rows of one input file with the same exporter, destination, period, category,"
                    + " status and currency are added up: a licence list has a row per licence. Only a repeated reference (a"
                    + " licence number) makes a duplicate. When two input files report the same key, both appear in the Licences"
                    + " sheet and the Overview counts the figure once, from the file read last (files are read in name order);"
                    + " where a total for a whole period (a year) and finer figures of the same key (its quarters) both exist, the"
                    + " Overview counts the total. Either way a warning on the Cover and in Data_quality says how many rows that"
                    + " left out. Values stay in the currency they were reported in; two currencies are never added.";
    static final String ILLUSTRATIVE =
            "[i] after a figure, and Yes [i] in a row: the figure rests, wholly or in part, on"
                    + " rows whose source says they are illustrative, not real data (the sample input's made-up rows). Never"
                    + " publish such a figure; no chart headline is made from one.";
    static final String ACLED = "Event counts come from ACLED-format exports. Each event is counted once: when the same"
            + " event id appears twice, the copy with the later timestamp is used. ACLED codes fatalities conservatively;"
            + " its figures are a floor, not a count of all deaths.";
    static final String TALLY =
            "Reported figures come from the desk's tally. A running total (\"so far\") is never added"
                    + " up: for each source the latest report in the period counts. The Overview gives, as a desk quotes them,"
                    + " the lowest figure reported in the period and the latest, each with its source and date (from real sources"
                    + " where there are any); the Unrest sheet gives the official figure (the latest report of an official"
                    + " source), the highest and the lowest of all sources.";
    static final String FLAG =
            "A story lead: licences were issued for the country in the 12 months before unrest there, or"
                    + " during it, and the unrest was unusual: at least twice the country's median number of events a period (and"
                    + " at least 5), or detained or killed were reported. Periods of any length meet (a year's licences and a"
                    + " quarter's unrest). Leads are ranked by how unusual the unrest was; the Leads sheet says why each was raised."
                    + " A lead marked [i] rests on illustrative figures only.";
    static final String PROVISIONAL =
            "The current period is not complete yet: its figures are provisional and will change.";
    static final String CUT = "Text longer than a spreadsheet cell can hold (32,767 characters) is cut: the cell keeps"
            + " the start of the text and ends with \"[cut: ... characters in all; see the Notes sheet]\". The whole"
            + " text is in the input file.";
    static final String CHANGES =
            "Changes compare this run's Overview figures with those of the latest completed run of"
                    + " the closest earlier run date with the same report period. A figure is added or removed when its country,"
                    + " period and measure appear or disappear; it is revised when its number or its qualifier (≥, ~) changed."
                    + " The input files named are those of the figure's kind that changed, were added or were removed.";
    static final String MONEY = "Values are shown in the currency they were reported in, to the whole unit in the"
            + " Overview, Summary and Changes (the cell holds the exact sum); two currencies are never added.";
    static final String REVISED = "[r] after a figure: revised since the previous run; the Changes sheet gives the old"
            + " figure and the input file that changed. The cell holds the new number itself.";

    private static final List<String> CATALOGUE = List.of(
            SYMBOLS,
            COARSER,
            AT_LEAST,
            REVISED,
            LICENCE_SOURCES,
            ACLED,
            TALLY,
            FLAG,
            ILLUSTRATIVE,
            CHANGES,
            PROVISIONAL,
            CUT,
            MONEY);
}
