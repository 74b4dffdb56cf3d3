package org.armswatch.workbook;

import java.util.List;
import org.armswatch.aggregate.UnrestRow;

/** The Unrest sheet: ACLED events per type and the tally's reported figures per metric. */
final class UnrestSheet {

    private UnrestSheet() {}

    static void write(Book book, ReportContent c) {
        NoteList notes = book.notes;
        TableSheet t = new TableSheet(
                book,
                "Unrest",
                "Unrest " + c.scope().place() + ", period and event type or reported metric",
                "ACLED events per type, and the desk's reported figures per metric. [x] = not available; [z] = not"
                        + " applicable to the row's kind; ≥ = at least; ~ = about " + notes.ref(NoteList.AT_LEAST)
                        + ".",
                List.of(
                        new TableSheet.Column("Country", 30),
                        new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Period", 16),
                        new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column("Kind", 16),
                        new TableSheet.Column("Event type or metric", 28),
                        new TableSheet.Column("Region", 16),
                        new TableSheet.Column("Basis", 12),
                        new TableSheet.Column("Events (number) " + notes.ref(NoteList.ACLED), 12),
                        new TableSheet.Column("Fatalities (number)", 12),
                        new TableSheet.Column("Official figure (number) " + notes.ref(NoteList.TALLY), 14),
                        new TableSheet.Column("Highest figure (number)", 14),
                        new TableSheet.Column("Lowest figure (number)", 14),
                        new TableSheet.Column("Sources (number)", 10),
                        new TableSheet.Column("Sources", 60)));
        for (UnrestRow r : c.unrest()) {
            t.row()
                    .text(r.countryName())
                    .text(r.country())
                    .text(r.period().label())
                    .text(r.period().iso())
                    .text(r.kind().label())
                    .text(r.typeOrMetric())
                    .text(r.region().isEmpty() ? "[z]" : r.region())
                    .text(r.basis().isEmpty() ? "[z]" : r.basis())
                    .figure(r.events())
                    .figure(r.fatalities())
                    .figure(r.official())
                    .figure(r.highest())
                    .figure(r.lowest());
            if (r.sourceCount() == null) t.marker(TableSheet.NOT_APPLICABLE);
            else t.number(r.sourceCount());
            t.text(r.sources());
        }
        book.list(t.finish(), "One row per country, period and event type (ACLED) or reported metric (tally).");
    }
}
