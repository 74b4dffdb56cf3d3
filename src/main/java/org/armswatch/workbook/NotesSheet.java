package org.armswatch.workbook;

import java.util.List;

/** The Notes sheet, written after every sheet that refers to a note, so the numbers follow first reference. */
final class NotesSheet {

    private NotesSheet() {}

    static void write(Book book) {
        TableSheet t = new TableSheet(book, "Notes", "Notes",
                "Notes that titles and headers refer to as [note 1] and so on, numbered in the order of first reference.",
                List.of(new TableSheet.Column("Note number", 8), new TableSheet.Column("Note text", 100)));
        List<String> texts = book.notes.texts();
        for (int i = 0; i < texts.size(); i++) {
            t.row().text("note " + (i + 1)).text(texts.get(i));
        }
        book.list(t.finish(), "The notes that titles and headers refer to, as [note 1] and so on.");
    }
}
