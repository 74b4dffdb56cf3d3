package org.armswatch.workbook;

import java.util.List;
import org.armswatch.aggregate.SummaryRow;

/**
 * The Summary: yearly totals per country and source, licences and unrest events side by side, never added across
 * sources.
 */
final class SummarySheet {

    private SummarySheet() {}

    static void write(Book book, ReportContent c) {
        NoteList notes = book.notes;
        TableSheet t = new TableSheet(
                book,
                "Summary",
                "Yearly totals " + c.scope().place() + " and source " + notes.ref(NoteList.MONEY),
                "One row per country, year and source: a licence source's licences and their value (in the row's"
                        + " currency), or an unrest source's events (political violence and demonstrations) and fatalities."
                        + " Two sources may report the same licences or events, so their rows are never added together."
                        + " [x] = not available; [z] = not applicable to the row's kind; ≥ = at least; [i] = illustrative, not"
                        + " real data " + notes.ref(NoteList.SYMBOLS) + ".",
                List.of(
                        new TableSheet.Column("Country", 30),
                        new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Year", 6),
                        new TableSheet.Column("Kind", 14),
                        new TableSheet.Column("Source", 60),
                        new TableSheet.Column("Licences issued (number)", 12),
                        new TableSheet.Column("Licences refused (number)", 12),
                        new TableSheet.Column("Value of licences issued (in the row's currency)", 24),
                        new TableSheet.Column("Currency", 9),
                        new TableSheet.Column("Unrest events (number)", 12),
                        new TableSheet.Column("Of which civilians targeted (number)", 12),
                        new TableSheet.Column("Fatalities (number)", 12),
                        new TableSheet.Column("Input rows or events (number)", 12),
                        new TableSheet.Column("Illustrative (not real data)", 12)));
        for (SummaryRow r : c.summary()) {
            t.row()
                    .text(r.countryName())
                    .text(r.country())
                    .text(String.valueOf(r.year()))
                    .text(r.kind())
                    .text(r.source())
                    .figure(r.licencesIssued())
                    .figure(r.licencesRefused())
                    .money(r.valueIssued(), r.currency(), false, false)
                    .text(r.currency().isEmpty() ? "[z]" : r.currency())
                    .figure(r.events())
                    .figure(r.civiliansTargeted())
                    .figure(r.fatalities())
                    .number(r.rows())
                    .text(r.illustrative() ? "Yes [i]" : "No");
        }
        book.list(
                t.finish(),
                "Yearly totals per country and source: licences and their value, unrest events and fatalities.");
    }
}
