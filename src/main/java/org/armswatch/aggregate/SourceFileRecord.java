package org.armswatch.aggregate;

import org.armswatch.input.InputShape;

/** An input file as a run recorded it: provenance and the per-file reconciliation. */
public record SourceFileRecord(
        int fileNo,
        String name,
        InputShape shape,
        String sha256,
        long bytes,
        String encoding,
        boolean staged,
        int rowsRead,
        int rowsUsed,
        int rowsRejected,
        int rowsReplaced,
        int rowsSkipped,
        String notes) {

    /**
     * rows read = rows used + rows rejected + duplicates replaced (inputs.md "Bad rows"), plus rows skipped on purpose
     * (HDX rows below country level), which are neither used nor bad.
     */
    public boolean reconciles() {
        return rowsRead == rowsUsed + rowsRejected + rowsReplaced + rowsSkipped;
    }

    public double rejectedShare() {
        return rowsRead == 0 ? 0 : (double) rowsRejected / rowsRead;
    }
}
