package org.armswatch.workbook;

import java.util.List;
import org.armswatch.aggregate.SourceFileRecord;

/** Data_quality: the per-file reconciliation first, then every rejected row and the replaced duplicates listed. */
final class DataQualitySheet {

    private DataQualitySheet() {}

    static void write(Book book, ReportContent c) {
        TableSheet t = new TableSheet(
                book,
                "Data_quality",
                "Data quality: rows read, used and rejected, and every rejected row with its reason",
                "First one row per input file (line [z]); then each warning, where the job could not be sure of a"
                        + " figure and says how it counted it; then each rejected row and each duplicate that a later row"
                        + " replaced (of ACLED's revised events, which can run to tens of thousands, the first ones by"
                        + " file and line; the file's notes say how many are listed, and all are counted)."
                        + " Rows read = used + rejected + replaced + skipped for every file; skipped rows are"
                        + " passed over on purpose (HDX rows below country level).",
                List.of(
                        new TableSheet.Column("Input file", 40),
                        new TableSheet.Column("Line (number)", 9),
                        new TableSheet.Column("What", 12),
                        new TableSheet.Column("Rows read (number)", 10),
                        new TableSheet.Column("Rows used (number)", 10),
                        new TableSheet.Column("Rows rejected (number)", 10),
                        new TableSheet.Column("Duplicates replaced (number)", 11),
                        new TableSheet.Column("Skipped on purpose (number)", 11),
                        new TableSheet.Column("Reason", 60),
                        new TableSheet.Column("Raw text", 80)));
        for (SourceFileRecord f : c.files()) {
            t.row()
                    .text(f.name())
                    .marker(TableSheet.NOT_APPLICABLE)
                    .text("file")
                    .number(f.rowsRead())
                    .number(f.rowsUsed())
                    .number(f.rowsRejected())
                    .number(f.rowsReplaced())
                    .number(f.rowsSkipped())
                    .text(f.reconciles() ? "reconciles" : "does not reconcile")
                    .text(f.notes() == null ? "" : f.notes());
        }
        for (var w : c.warnings()) {
            t.row()
                    .text(w.file().isEmpty() ? "(the run)" : w.file())
                    .marker(TableSheet.NOT_APPLICABLE)
                    .text("warning")
                    .marker(TableSheet.NOT_APPLICABLE)
                    .marker(TableSheet.NOT_APPLICABLE)
                    .marker(TableSheet.NOT_APPLICABLE)
                    .marker(TableSheet.NOT_APPLICABLE)
                    .marker(TableSheet.NOT_APPLICABLE)
                    .text(w.message())
                    .text("");
        }
        c.dataQuality()
                .accept(r -> t.row()
                        .text(r.file())
                        .number(r.line())
                        .text(r.kind())
                        .marker(TableSheet.NOT_APPLICABLE)
                        .marker(TableSheet.NOT_APPLICABLE)
                        .marker(TableSheet.NOT_APPLICABLE)
                        .marker(TableSheet.NOT_APPLICABLE)
                        .marker(TableSheet.NOT_APPLICABLE)
                        .text(r.reason())
                        .text(r.raw()));
        book.list(
                t.finish(),
                "Per input file: rows read, used, rejected, replaced and skipped; then every rejected row with its reason.");
    }
}
