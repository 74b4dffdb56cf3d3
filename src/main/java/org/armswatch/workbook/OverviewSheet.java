package org.armswatch.workbook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.armswatch.aggregate.Measure;
import org.armswatch.aggregate.OverviewRow;

/** The Overview: one row per country and period, revised figures marked [r] through their number format. */
final class OverviewSheet {

    /** Each measure as the Overview and the Changes sheet name it, unit included. */
    static final Map<Measure, String> LABELS = new EnumMap<>(Map.of(
            Measure.LICENCES_ISSUED, "Licences issued (number)",
            Measure.VALUE_ISSUED, "Value of licences issued (EUR)",
            Measure.LICENCES_REFUSED, "Licences refused (number)",
            Measure.VALUE_REFUSED, "Value of licences refused (EUR)",
            Measure.EVENTS, "Unrest events (number)",
            Measure.FATALITIES, "Fatalities in events (number)",
            Measure.DETAINED_OFFICIAL, "Detained, official (number)",
            Measure.DETAINED_HIGHEST, "Detained, highest reported (number)",
            Measure.KILLED_OFFICIAL, "Killed, official (number)",
            Measure.KILLED_HIGHEST, "Killed, highest reported (number)"));

    /** The Overview's figure columns, in order. */
    private static final List<Measure> SHOWN = List.of(Measure.LICENCES_ISSUED, Measure.VALUE_ISSUED,
            Measure.LICENCES_REFUSED, Measure.EVENTS, Measure.FATALITIES, Measure.DETAINED_OFFICIAL,
            Measure.DETAINED_HIGHEST, Measure.KILLED_OFFICIAL, Measure.KILLED_HIGHEST);

    private OverviewSheet() {}

    static void write(Book book, ReportContent c, String period) {
        NoteList notes = book.notes;
        // Numbered in reading order: the title's note comes before the description's.
        String coarser = notes.ref(NoteList.COARSER);
        String atLeast = notes.ref(NoteList.AT_LEAST);
        String revised = c.changes().comparable() ? " [r] = revised since the run of " + c.changes().previousRunDate()
                + " " + notes.ref(NoteList.REVISED) + "." : "";
        TableSheet t = new TableSheet(book, "Overview",
                "Arms-export licences and unrest " + c.scope().place() + " and " + period + " " + coarser,
                "One row per country and period. [x] = not available (nothing reported); ≥ = at least; ~ = about "
                        + atLeast + "." + revised,
                List.of(new TableSheet.Column("Country", 30), new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Period", 16), new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column(LABELS.get(Measure.LICENCES_ISSUED) + " " + notes.ref(NoteList.LICENCE_SOURCES), 16),
                        new TableSheet.Column(LABELS.get(Measure.VALUE_ISSUED), 18),
                        new TableSheet.Column(LABELS.get(Measure.LICENCES_REFUSED), 14),
                        new TableSheet.Column(LABELS.get(Measure.EVENTS) + " " + notes.ref(NoteList.ACLED), 14),
                        new TableSheet.Column(LABELS.get(Measure.FATALITIES), 14),
                        new TableSheet.Column(LABELS.get(Measure.DETAINED_OFFICIAL) + " " + notes.ref(NoteList.TALLY), 16),
                        new TableSheet.Column(LABELS.get(Measure.DETAINED_HIGHEST), 16),
                        new TableSheet.Column(LABELS.get(Measure.KILLED_OFFICIAL), 14),
                        new TableSheet.Column(LABELS.get(Measure.KILLED_HIGHEST), 16),
                        new TableSheet.Column("Licences and unrest in the same period " + notes.ref(NoteList.FLAG), 16)));
        CellStyles.Kind money = c.licenceValuesHaveCents() ? CellStyles.Kind.MONEY_CENTS : CellStyles.Kind.MONEY;
        for (OverviewRow r : c.overview()) {
            t.row().text(r.countryName()).text(r.country()).text(r.period().label()).text(r.period().iso());
            for (Measure m : SHOWN) {
                t.figure(r.figure(m), m == Measure.VALUE_ISSUED ? money : CellStyles.Kind.COUNT,
                        c.changes().revised(r.country(), r.period(), m));
            }
            t.text(r.flagged() ? "Yes" : "No");
        }
        book.list(t.finish(), "One row per country and period: licences, their value, unrest events, fatalities,"
                + " detained and killed as reported, and a flag where licences and unrest meet.");
    }
}
