package org.armswatch.workbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.armswatch.aggregate.Indicator;
import org.armswatch.aggregate.Measure;
import org.armswatch.aggregate.OverviewRow;
import org.armswatch.aggregate.StoryLeads;

/**
 * The Overview: one row per country and period, revised figures marked [r] through their number format. Licence values
 * stand in one column per currency: two currencies are never added.
 */
final class OverviewSheet {

    /** Each measure as the Overview and the Changes sheet name it, unit included (a value's currency follows). */
    private static final Map<Measure, String> LABELS = new EnumMap<>(Map.ofEntries(
            Map.entry(Measure.LICENCES_ISSUED, "Licences issued (number)"),
            Map.entry(Measure.VALUE_ISSUED, "Value of licences issued"),
            Map.entry(Measure.LICENCES_REFUSED, "Licences refused (number)"),
            Map.entry(Measure.VALUE_REFUSED, "Value of licences refused"),
            Map.entry(Measure.EVENTS, "Unrest events: political violence and demonstrations (number)"),
            Map.entry(Measure.CIVILIANS_TARGETED, "Of which civilians targeted (number)"),
            Map.entry(Measure.FATALITIES, "Fatalities in events (number)"),
            Map.entry(Measure.DETAINED_LOWEST, "Detained, lowest reported (number)"),
            Map.entry(Measure.DETAINED_LATEST, "Detained, latest reported (number)"),
            Map.entry(Measure.KILLED_LOWEST, "Killed, lowest reported (number)"),
            Map.entry(Measure.KILLED_LATEST, "Killed, latest reported (number)"),
            Map.entry(Measure.DETAINED_OFFICIAL, "Detained, official (number)"),
            Map.entry(Measure.DETAINED_HIGHEST, "Detained, highest reported (number)"),
            Map.entry(Measure.KILLED_OFFICIAL, "Killed, official (number)"),
            Map.entry(Measure.KILLED_HIGHEST, "Killed, highest reported (number)")));

    private OverviewSheet() {}

    /** "Value of licences issued (GBP)", "Unrest events ... (number)". */
    static String label(Indicator i) {
        String label = LABELS.get(i.measure());
        return i.currency().isEmpty() ? label : label + " (" + i.currency() + ")";
    }

    /** The currencies of the licence values among these rows, in code order. */
    static List<String> currencies(List<OverviewRow> rows) {
        TreeSet<String> currencies = new TreeSet<>();
        for (OverviewRow r : rows) {
            r.figures().keySet().stream()
                    .filter(i -> i.measure() == Measure.VALUE_ISSUED)
                    .forEach(i -> currencies.add(i.currency()));
        }
        return List.copyOf(currencies);
    }

    static void write(Book book, ReportContent c, String period) {
        NoteList notes = book.notes;
        // Numbered in reading order: the title's note comes before the description's.
        String symbols = notes.ref(NoteList.SYMBOLS);
        String coarser = notes.ref(NoteList.COARSER);
        String atLeast = notes.ref(NoteList.AT_LEAST);
        String revised = c.changes().comparable()
                ? " [r] = revised since the run of " + c.changes().previousRunDate() + " " + notes.ref(NoteList.REVISED)
                        + "."
                : "";
        List<String> currencies = currencies(c.overview());
        String money = currencies.size() > 1
                ? " Licence values stand in one column per currency (" + String.join(", ", currencies)
                        + "): they are never added together."
                : "";
        List<Indicator> shown = new ArrayList<>();
        shown.add(Indicator.of(Measure.LICENCES_ISSUED));
        for (String currency : currencies) shown.add(Indicator.money(Measure.VALUE_ISSUED, currency));
        for (Measure m : List.of(
                Measure.LICENCES_REFUSED,
                Measure.EVENTS,
                Measure.CIVILIANS_TARGETED,
                Measure.FATALITIES,
                Measure.DETAINED_LOWEST,
                Measure.DETAINED_LATEST,
                Measure.KILLED_LOWEST,
                Measure.KILLED_LATEST)) {
            shown.add(Indicator.of(m));
        }
        List<TableSheet.Column> columns = new ArrayList<>(List.of(
                new TableSheet.Column("Country", 30),
                new TableSheet.Column("ISO code", 8),
                new TableSheet.Column("Period", 16),
                new TableSheet.Column("Period (ISO)", 12)));
        for (Indicator i : shown) {
            String ref = switch (i.measure()) {
                case LICENCES_ISSUED -> " " + notes.ref(NoteList.LICENCE_SOURCES);
                case VALUE_ISSUED -> i.currency().equals(currencies.get(0)) ? " " + notes.ref(NoteList.MONEY) : "";
                case EVENTS -> " " + notes.ref(NoteList.ACLED);
                case DETAINED_LOWEST -> " " + notes.ref(NoteList.TALLY);
                default -> "";
            };
            columns.add(new TableSheet.Column(label(i) + ref, i.measure().money() ? 24 : 16));
        }
        columns.add(
                new TableSheet.Column("Story lead: licences before unusual unrest " + notes.ref(NoteList.FLAG), 16));
        columns.add(
                new TableSheet.Column("Detained and killed as reported: lowest and latest, with source and date", 60));
        columns.add(new TableSheet.Column(
                "Illustrative figures in the row (not real data) " + notes.ref(NoteList.ILLUSTRATIVE), 14));
        columns.add(new TableSheet.Column("Sources", 60));
        TableSheet t = new TableSheet(
                book,
                "Overview",
                "Arms-export licences and unrest " + c.scope().place() + " and " + period + " " + coarser,
                "One row per country and period " + symbols + ". [x] = not available (nothing reported); ≥ = at least;"
                        + " ~ = about; ≤ = up to "
                        + atLeast + "; [i] = rests on illustrative rows, not real data: never quote it." + revised
                        + money,
                columns);
        Map<String, StoryLeads.Lead> leads = new java.util.HashMap<>();
        for (StoryLeads.Lead l : c.leads())
            leads.put(l.country() + "|" + l.unrest().period().iso(), l);
        for (OverviewRow r : c.overview()) {
            t.row()
                    .text(r.countryName())
                    .text(r.country())
                    .text(r.period().label())
                    .text(r.period().iso());
            for (Indicator i : shown) {
                boolean wasRevised = c.changes().revised(r.country(), r.period(), i);
                // Sums of values to the whole unit: the cell holds the exact sum.
                if (i.measure().money()) t.money(r.figure(i), i.currency(), false, wasRevised);
                else t.figure(r.figure(i), wasRevised);
            }
            StoryLeads.Lead lead = leads.get(r.country() + "|" + r.period().iso());
            t.text(lead == null ? "No" : "Lead " + lead.rank() + (lead.illustrative() ? " [i]" : ""));
            t.text(r.reported().isEmpty() ? "[z]" : r.reported());
            t.text(r.illustrative() ? "Yes [i]" : "No");
            t.text(r.sources());
        }
        book.list(
                t.finish(),
                "One row per country and period: licences, their value, unrest events, fatalities,"
                        + " detained and killed as reported, and the story leads.");
    }
}
