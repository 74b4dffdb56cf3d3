package org.armswatch.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can set, in application.yml under armswatch.* or on the command line (--period=year is short
 * for --armswatch.period=year; application.yml maps the short names).
 */
@ConfigurationProperties("armswatch")
public record ArmswatchProperties(
        @DefaultValue("input") Path input,
        @DefaultValue("output") Path output,
        @DefaultValue("quarter") String period,
        @DefaultValue("") String runDate,
        @DefaultValue("0.05") String rejectThreshold,
        @DefaultValue("") String countryAliases,
        @DefaultValue List<String> extraMetrics,
        @DefaultValue("The data desk") String desk,
        @DefaultValue("") String contact,
        /** Files in other shapes, read through a column mapping (README, "Files in other shapes"). */
        @DefaultValue List<Mapping> mappings,
        @DefaultValue List<String> countries,
        @DefaultValue("1048573") int maxRowsPerSheet,
        /** local, or workers: staging by worker JVMs on a shared PostgreSQL (README, "PostgreSQL"). */
        @DefaultValue("local") String staging,
        /** How long a run with staging by workers waits for them to stage every file before it fails. */
        @DefaultValue("1h") java.time.Duration workerTimeout) {

    /** One mapping as written in application.yml; RunOptions checks it and makes a ColumnMapping. */
    public record Mapping(
            String name,
            String files,
            Map<String, String> columns,
            Map<String, String> constants,
            @DefaultValue("0") int skipLines,
            String delimiter,
            String decimalMark,
            String encoding,
            String dateFormat,
            String dateLocale,
            String periodIs,
            String currency,
            Map<String, Map<String, String>> values) {}
}
