package org.armswatch.job;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can set, in application.yml under armswatch.* or on the command line
 * (--period=year is short for --armswatch.period=year; application.yml maps the short names).
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
        @DefaultValue List<String> countries,
        @DefaultValue("1048573") int maxRowsPerSheet) {}
