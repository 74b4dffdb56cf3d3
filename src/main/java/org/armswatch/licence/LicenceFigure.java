package org.armswatch.licence;

import java.math.BigDecimal;
import org.armswatch.period.Period;

/**
 * One row of a licence file: licences and their value for one exporter, destination and period. Rows are additive
 * records (one per licence or licence group), summed wherever they share a key; a null count or value is "not
 * available" ([x]), never zero.
 *
 * @param currency ISO 4217 code of the value; never assumed silently (inputs.md section 1)
 * @param reference the file's record identifier (a licence or case number), or "" where the file has none: the only
 *     thing that makes two rows duplicates
 */
public record LicenceFigure(
        long line,
        String exporter,
        String destination,
        Period period,
        String category,
        LicenceStatus status,
        Long licences,
        BigDecimal value,
        String currency,
        String reference,
        String source,
        String notes) {}
