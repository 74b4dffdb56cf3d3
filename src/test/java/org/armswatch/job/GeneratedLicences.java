package org.armswatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A licence list in the job's own format for tests that need a large one: one row per licence, each its reference. */
final class GeneratedLicences {

    private static final String[] DESTINATIONS = {"KZ", "TR", "EG", "DZ", "IN", "BR", "SA", "QA"};

    private GeneratedLicences() {}

    /** Quarterly rows to eight destinations over 2019-2022; the list's number shifts destinations and references. */
    static void write(Path file, int list, int rows, String source) throws IOException {
        StringBuilder csv = new StringBuilder(
                "exporter,destination,period,category,licences,value_eur,status,source,notes,reference\n");
        for (int i = 0; i < rows; i++) {
            csv.append("DE,")
                    .append(DESTINATIONS[(i + list) % DESTINATIONS.length])
                    .append(',')
                    .append(2019 + i % 4)
                    .append("-Q")
                    .append(1 + (i / 4) % 4)
                    .append(",,1,")
                    .append(1000 + (long) i * 37 % 100_000)
                    .append(",issued,")
                    .append(source)
                    .append(",,G")
                    .append(list)
                    .append('-')
                    .append(i)
                    .append('\n');
        }
        Files.writeString(file, csv);
    }

    /** The euros {@link #write} gives a destination in a quarter, summed as the job must. */
    static double value(int list, int rows, String destination, int year, int quarter) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            if (!DESTINATIONS[(i + list) % DESTINATIONS.length].equals(destination)) continue;
            if (2019 + i % 4 != year || 1 + (i / 4) % 4 != quarter) continue;
            sum += 1000 + (long) i * 37 % 100_000;
        }
        return sum;
    }
}
