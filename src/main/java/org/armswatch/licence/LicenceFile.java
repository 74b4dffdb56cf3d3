package org.armswatch.licence;

import java.util.List;
import org.armswatch.input.RejectedRow;

/**
 * What one licence file gave: the figures used (duplicates already resolved), the rows rejected with their reasons, the
 * earlier rows that a later duplicate replaced, and the SHA-256 of the bytes read.
 */
public record LicenceFile(
        int rowsRead,
        List<LicenceFigure> figures,
        List<RejectedRow> rejected,
        List<RejectedRow> replaced,
        List<String> notes,
        String sha256) {

    public boolean reconciles() {
        return rowsRead == figures.size() + rejected.size() + replaced.size();
    }
}
