package org.armswatch.aggregate;

import org.armswatch.period.Period;

/** One row of the Licences sheet: one exporter, destination, period, category, status and file. */
public record LicenceRow(String exporter, String exporterName, String destination, String destinationName,
                         Period period, String category, String status, Figure licences, Figure valueEur,
                         String sources, String file) {}
