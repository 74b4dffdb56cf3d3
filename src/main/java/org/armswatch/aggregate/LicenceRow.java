package org.armswatch.aggregate;

import org.armswatch.period.Period;

/**
 * One row of the Licences sheet: one exporter, destination, report period, category, status, currency and file, the sum
 * of the file's rows with that key.
 *
 * @param rows the file's rows summed into it
 * @param currency the value's ISO 4217 code; "" where no row gave a value
 */
public record LicenceRow(
        String exporter,
        String exporterName,
        String destination,
        String destinationName,
        Period period,
        String category,
        String status,
        long rows,
        Figure licences,
        Figure value,
        String currency,
        String sources,
        String file) {}
