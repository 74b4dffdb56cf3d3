package org.armswatch.licence;

import java.util.List;

import org.armswatch.input.RejectedRow;

/**
 * What one licence file gave: the figures used (duplicates already resolved), the rows rejected
 * with their reasons, and the earlier rows that a later duplicate replaced.
 */
public record LicenceFile(
        int rowsRead,
        List<LicenceFigure> figures,
        List<RejectedRow> rejected,
        List<RejectedRow> replaced,
        List<String> notes) {

    public boolean reconciles() {
        return rowsRead == figures.size() + rejected.size() + replaced.size();
    }
}
