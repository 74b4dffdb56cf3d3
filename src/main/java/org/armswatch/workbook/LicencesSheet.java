package org.armswatch.workbook;

import java.util.List;

/**
 * The Licences sheet: one row per exporter, destination, period, category, status, currency and input file, the sum of
 * that file's rows with that key.
 */
final class LicencesSheet {

    private LicencesSheet() {}

    static void write(Book book, ReportContent c) {
        NoteList notes = book.notes;
        String whose = c.scope().oneCountry()
                ? " Rows where " + c.scope().countryName() + " is the destination or the exporter."
                : "";
        TableSheet t = new TableSheet(
                book,
                "Licences",
                "Arms-export licences by exporter, destination and period " + notes.ref(NoteList.LICENCE_SOURCES),
                "One row per exporter, destination, period, category, status, currency and input file: the sum of that"
                        + " file's rows with that key (a licence list has a row per licence)." + whose
                        + " Values are in the currency named in their row, never converted."
                        + " [x] = not available; [z] = not applicable; ≥ = at least " + notes.ref(NoteList.AT_LEAST)
                        + ".",
                List.of(
                        new TableSheet.Column("Destination", 30), new TableSheet.Column("Destination ISO code", 11),
                        new TableSheet.Column("Exporter", 24), new TableSheet.Column("Exporter ISO code", 9),
                        new TableSheet.Column("Period", 16), new TableSheet.Column("Period (ISO)", 12),
                        new TableSheet.Column("Category", 20), new TableSheet.Column("Status", 9),
                        new TableSheet.Column("Licences (number)", 12),
                                new TableSheet.Column("Value (in the row's currency)", 24),
                        new TableSheet.Column("Currency", 9), new TableSheet.Column("Input rows summed (number)", 10),
                        new TableSheet.Column("Source", 60), new TableSheet.Column("Input file", 40)));
        boolean cents = c.licenceValuesHaveCents();
        c.licences()
                .accept(r -> t.row()
                        .text(r.destinationName())
                        .text(r.destination())
                        .text(r.exporterName())
                        .text(r.exporter())
                        .text(r.period().label())
                        .text(r.period().iso())
                        .text(r.category().isEmpty() ? "[z]" : r.category())
                        .text(r.status())
                        .figure(r.licences())
                        .money(r.value(), r.currency(), cents, false)
                        .text(r.currency().isEmpty() ? "[z]" : r.currency())
                        .number(r.rows())
                        .text(r.sources())
                        .text(r.file()));
        book.list(t.finish(), "One row per exporter, destination, period, category, status, currency and input file.");
    }
}
