package org.armswatch.workbook;

import java.util.List;
import java.util.stream.Collectors;
import org.armswatch.aggregate.StoryLeads;

/** The Leads: where a story may start, most unusual first, each with the reason it was raised. */
final class LeadsSheet {

    private LeadsSheet() {}

    static void write(Book book, ReportContent c) {
        NoteList notes = book.notes;
        TableSheet t = new TableSheet(
                book,
                "Leads",
                "Story leads " + c.scope().place() + ": licences before unusual unrest " + notes.ref(NoteList.FLAG),
                c.leads().isEmpty()
                        ? "No lead: no unusual unrest came within 12 months of licences."
                        : "One row per lead, the most unusual unrest first. [i] = rests on illustrative figures, not real"
                                + " data: never a headline " + notes.ref(NoteList.ILLUSTRATIVE) + ".",
                List.of(
                        new TableSheet.Column("Rank (number)", 8),
                        new TableSheet.Column("Country", 30),
                        new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Period of unrest", 16),
                        new TableSheet.Column("Period of unrest (ISO)", 12),
                        new TableSheet.Column("Periods of licences", 30),
                        new TableSheet.Column("Events over the country's median (ratio)", 12),
                        new TableSheet.Column("Why", 90),
                        new TableSheet.Column("Illustrative only (not real data)", 12)));
        for (StoryLeads.Lead l : c.leads()) {
            t.row()
                    .number(l.rank())
                    .text(l.countryName())
                    .text(l.country())
                    .text(l.unrest().period().label())
                    .text(l.unrest().period().iso())
                    .text(l.licences().stream().map(r -> r.period().label()).collect(Collectors.joining("; ")))
                    .ratio(l.ratio())
                    .text(l.reason())
                    .text(l.illustrative() ? "Yes [i]" : "No");
        }
        book.list(
                t.finish(),
                "Story leads, most unusual first: licences within 12 months before unusual unrest, and why.");
    }
}
