package org.armswatch.workbook;

import java.util.List;

import org.armswatch.aggregate.Figure;
import org.armswatch.aggregate.FigureChange;
import org.armswatch.aggregate.RunChanges;

/**
 * The Changes sheet: every Overview figure added, removed or revised since the previous run,
 * with the old and the new figure and the input files that changed. Counts and money stand in
 * columns of their own, so each column has one unit and one number format.
 */
final class ChangesSheet {

    private ChangesSheet() {}

    static void write(Book book, ReportContent c) {
        NoteList notes = book.notes;
        RunChanges changes = c.changes();
        String description;
        if (!changes.comparable()) {
            description = "There is nothing to compare: no run of an earlier date with the same report period has"
                    + " completed, so every figure of this run is the first of its kind.";
        } else if (changes.figures().isEmpty()) {
            description = "No figure differs from those of the run of " + changes.previousRunDate() + ".";
        } else {
            description = "One row per figure added, removed or revised since the run of " + changes.previousRunDate()
                    + ". [z] = not applicable (no previous figure for an added one, no new figure for a removed one,"
                    + " or a figure of the other unit); [x] = not available; ≥ = at least " + notes.ref(NoteList.AT_LEAST) + ".";
        }
        TableSheet t = new TableSheet(book, "Changes",
                "Changes " + c.scope().place() + " since the previous run " + notes.ref(NoteList.CHANGES), description,
                List.of(new TableSheet.Column("Change", 9), new TableSheet.Column("Country", 30),
                        new TableSheet.Column("ISO code", 8), new TableSheet.Column("Period", 16),
                        new TableSheet.Column("Period (ISO)", 12), new TableSheet.Column("Figure", 36),
                        new TableSheet.Column("Previous (number)", 12), new TableSheet.Column("New (number)", 12),
                        new TableSheet.Column("Previous value (in the row's currency)", 24),
                        new TableSheet.Column("New value (in the row's currency)", 24),
                        new TableSheet.Column("Currency", 9), new TableSheet.Column("Input files changed", 60)));
        boolean cents = changes.figures().stream().anyMatch(f -> hasCents(f.before()) || hasCents(f.after()));
        for (FigureChange f : changes.figures()) {
            String currency = f.indicator().currency();
            boolean money = f.indicator().measure().money();
            t.row().text(f.kind().word()).text(f.countryName()).text(f.country()).text(f.period().label())
                    .text(f.period().iso()).text(OverviewSheet.label(f.indicator()))
                    .figure(money ? null : f.before(), CellStyles.Kind.COUNT).figure(money ? null : f.after(), CellStyles.Kind.COUNT)
                    .money(money ? f.before() : null, currency, cents, false).money(money ? f.after() : null, currency, cents, false)
                    .text(money ? currency : "[z]").text(f.changedInputs());
        }
        book.list(t.finish(), "What differs from the previous run: figures added, removed and revised, with the old and"
                + " new figure and the input files that changed.");
    }

    private static boolean hasCents(Figure f) {
        return f != null && f.available() && f.value().stripTrailingZeros().scale() > 0;
    }
}
