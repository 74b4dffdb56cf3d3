package org.armswatch.workbook;

import java.util.List;
import org.armswatch.aggregate.Figure;
import org.armswatch.aggregate.FigureChange;
import org.armswatch.aggregate.RunChanges;

/**
 * The Changes sheet: every Overview figure added, removed or revised since the previous run, with the old and the new
 * figure and the input files that changed. Counts and money stand in columns of their own, so each column has one unit
 * and one number format.
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
                    + ", with the difference. Counts and values stand in columns of their own (a value in the row's"
                    + " currency). [z] = not applicable (no previous figure for an added one, no new figure for a removed"
                    + " one, or a figure of the other unit); [x] = not available; ≥ = at least "
                    + notes.ref(NoteList.AT_LEAST) + ".";
        }
        TableSheet t = new TableSheet(
                book,
                "Changes",
                "Changes " + c.scope().place() + " since the previous run " + notes.ref(NoteList.CHANGES),
                description,
                List.of(
                        new TableSheet.Column("Change", 9),
                        new TableSheet.Column("Country", 30),
                        new TableSheet.Column("ISO code", 8),
                        new TableSheet.Column("Period", 16),
                        new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column("Figure", 36),
                        new TableSheet.Column("Previous (number)", 12),
                        new TableSheet.Column("New (number)", 12),
                        new TableSheet.Column("Difference (number)", 12),
                        new TableSheet.Column("Previous value (in the row's currency)", 24),
                        new TableSheet.Column("New value (in the row's currency)", 24),
                        new TableSheet.Column("Difference in value (in the row's currency)", 24),
                        new TableSheet.Column("Currency", 9),
                        new TableSheet.Column("Difference (%)", 10),
                        new TableSheet.Column("Figure key", 36),
                        new TableSheet.Column("Input files changed", 60)));
        for (FigureChange f : changes.figures()) {
            String currency = f.indicator().currency();
            boolean money = f.indicator().measure().money();
            Figure difference = difference(f.before(), f.after());
            t.row()
                    .text(f.kind().word())
                    .text(f.countryName())
                    .text(f.country())
                    .text(f.period().label())
                    .text(f.period().iso())
                    .text(OverviewSheet.label(f.indicator()))
                    .figure(money ? null : f.before())
                    .figure(money ? null : f.after())
                    .figure(money ? null : difference)
                    .money(money ? f.before() : null, currency, false, false)
                    .money(money ? f.after() : null, currency, false, false)
                    .money(money ? difference : null, currency, false, false)
                    .text(money ? currency : "[z]")
                    .percent(percent(f.before(), f.after()))
                    .text(f.country() + " " + f.period().iso() + " "
                            + f.indicator().key())
                    .text(f.changedInputs());
        }
        book.list(
                t.finish(),
                "What differs from the previous run: figures added, removed and revised, with the old and"
                        + " new figure, the difference and the input files that changed.");
    }

    /** New less old, where both are numbers; null ([z]) for an added or removed figure. */
    static Figure difference(Figure before, Figure after) {
        if (before == null || after == null) return null;
        if (!before.available() || !after.available()) return Figure.NOT_AVAILABLE;
        // Between two exact figures the difference is exact; with a floor or an estimate on either side, it is about.
        boolean exact = before.qualifier() == org.armswatch.unrest.Qualifier.EXACT
                && after.qualifier() == org.armswatch.unrest.Qualifier.EXACT;
        return new Figure(
                after.value().subtract(before.value()),
                exact ? org.armswatch.unrest.Qualifier.EXACT : org.armswatch.unrest.Qualifier.ABOUT,
                before.illustrative() || after.illustrative());
    }

    /** The change as a share of the old figure; null ([z]) where there is no old figure or it was zero. */
    static Double percent(Figure before, Figure after) {
        if (before == null
                || after == null
                || !before.available()
                || !after.available()
                || before.value().signum() == 0) {
            return null;
        }
        return after.value().subtract(before.value()).doubleValue()
                / before.value().doubleValue();
    }
}
