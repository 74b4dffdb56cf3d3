package org.armswatch.workbook;

import java.util.List;

/** The Contents sheet: each sheet after it, linked to its A1, with one line on what it holds. */
final class ContentsSheet {

    private ContentsSheet() {}

    static void write(Book book) {
        List<Book.Entry> entries = book.entries();
        TableSheet t = new TableSheet(
                        book,
                        "Contents",
                        "Contents",
                        "The sheets of this workbook; each name links to its sheet.",
                        List.of(new TableSheet.Column("Sheet", 16), new TableSheet.Column("What it holds", 100)))
                .cellByCell();
        for (Book.Entry e : entries) {
            t.row().link(e.sheet()).text(e.description());
        }
        t.finish();
    }
}
