package org.armswatch.workbook;

import java.util.List;

/** The Notes sheet: every note, by the number titles and headers refer to, the same in every run and workbook. */
final class NotesSheet {

    private NotesSheet() {}

    static void write(Book book) {
        TableSheet t = new TableSheet(
                book,
                "Notes",
                "Notes",
                "Notes that titles and headers refer to as [note 1] and so on. A note keeps its number in every run and"
                        + " in every workbook of a run.",
                List.of(new TableSheet.Column("Note number", 8), new TableSheet.Column("Note text", 100)));
        List<String> texts = NoteList.all();
        for (int i = 0; i < texts.size(); i++) {
            t.row().text("note " + (i + 1)).text(texts.get(i));
        }
        book.list(t.finish(), "The notes that titles and headers refer to, as [note 1] and so on.");
    }
}
