package org.armswatch.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.ColumnMapping;
import org.armswatch.input.ReadingOptions;
import org.armswatch.licence.Currencies;
import org.armswatch.period.DatePattern;
import org.armswatch.period.Granularity;
import org.armswatch.unrest.ReportedFigureReader;
import org.springframework.boot.ApplicationArguments;

/**
 * The run's options, checked before anything is touched: a typo on the command line must say what is allowed, not
 * half-run the job.
 */
public record RunOptions(
        Path input,
        Path output,
        Granularity period,
        LocalDate runDate,
        boolean rerun,
        double rejectThreshold,
        Path countryAliases,
        Set<String> metrics,
        String desk,
        String contact,
        List<ColumnMapping> mappings,
        List<String> countries,
        int maxRowsPerSheet,
        boolean stagingByWorkers,
        java.time.Duration workerTimeout,
        boolean worker,
        String readingSettings) {

    /** Short options the command line takes; any armswatch.*, spring.* or logging.* property also works. */
    static final List<String> OPTIONS = List.of(
            "input",
            "output",
            "period",
            "run-date",
            "rerun",
            "reject-threshold",
            "country-aliases",
            "staging",
            "worker",
            "help");

    static RunOptions of(ArmswatchProperties p, ApplicationArguments args, Clock clock) {
        for (String name : args.getOptionNames()) {
            if (!OPTIONS.contains(name)
                    && !name.startsWith("armswatch.")
                    && !name.startsWith("spring.")
                    && !name.startsWith("logging.")) {
                throw new UsageException("unknown option --" + name + "; allowed: --" + String.join(", --", OPTIONS));
            }
        }
        if (!args.getNonOptionArgs().isEmpty()) {
            throw new UsageException("unexpected argument '"
                    + args.getNonOptionArgs().get(0) + "'; options are written --name=value, e.g. --period=year");
        }
        Granularity period;
        try {
            period = Granularity.ofReportOption(p.period());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LocalDate runDate;
        try {
            runDate = p.runDate().isBlank()
                    ? LocalDate.now(clock)
                    : LocalDate.parse(p.runDate().trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "run date '" + p.runDate() + "' is not a date: use YYYY-MM-DD, e.g. --run-date=2026-11-28");
        }
        double threshold;
        try {
            threshold = new BigDecimal(p.rejectThreshold().trim().replace("%", "")).doubleValue()
                    / (p.rejectThreshold().contains("%") ? 100 : 1);
        } catch (NumberFormatException e) {
            threshold = -1;
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UsageException("reject threshold '" + p.rejectThreshold()
                    + "' is not a share between 0 and 1 (or 0% and 100%), e.g. --reject-threshold=0.05");
        }
        Path aliases = null;
        if (!p.countryAliases().isBlank()) {
            aliases = Path.of(p.countryAliases().trim());
            if (!Files.isReadable(aliases)) {
                throw new UsageException("country alias file '" + aliases + "' cannot be read");
            }
        }
        List<String> metrics = new ArrayList<>(ReportedFigureReader.STANDARD_METRICS);
        p.extraMetrics().forEach(m -> metrics.add(m.trim().toLowerCase(Locale.ROOT)));
        int maxRows = p.maxRowsPerSheet();
        if (maxRows < 1 || maxRows > MAX_ROWS_PER_SHEET) {
            throw new UsageException("armswatch.max-rows-per-sheet " + maxRows + " is not between 1 and "
                    + MAX_ROWS_PER_SHEET + " (Excel's 1,048,576 rows less the 3 above a table)");
        }
        if (!p.staging().equals("local") && !p.staging().equals("workers")) {
            throw new UsageException("staging '" + p.staging() + "' is not local or workers");
        }
        if (p.workerTimeout().isNegative() || p.workerTimeout().isZero()) {
            throw new UsageException("armswatch.worker-timeout " + p.workerTimeout() + " is not a positive duration");
        }
        return new RunOptions(
                p.input(),
                p.output(),
                period,
                runDate,
                args.containsOption("rerun"),
                threshold,
                aliases,
                Set.copyOf(metrics),
                p.desk(),
                p.contact(),
                mappings(p.mappings()),
                countryCodes(p.countries(), aliases),
                maxRows,
                p.staging().equals("workers"),
                p.workerTimeout(),
                args.containsOption("worker"),
                readingSettings(p, aliases, metrics));
    }

    /**
     * A digest of the settings besides the files that decide how rows become figures: the column mappings as
     * configured, the country alias file's bytes and the tally metrics. A worker that stages a run's files must read
     * them with the run's settings (StagingWorkers), and a resumed run with those it began with.
     */
    private static String readingSettings(ArmswatchProperties p, Path aliases, List<String> metrics) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(p.mappings().toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (aliases != null) sha.update(Files.readAllBytes(aliases));
            sha.update((byte) 0);
            sha.update(new TreeSet<>(metrics).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot digest the reading settings: " + e.getMessage(), e);
        }
    }

    /** Excel's rows per sheet less the title, description and header rows above a table. */
    static final int MAX_ROWS_PER_SHEET = 1_048_576 - 3;

    /** The configured countries as ISO codes, resolved as an input's country cell would be (aliases included). */
    private static List<String> countryCodes(List<String> cells, Path aliases) {
        if (cells.isEmpty()) return List.of();
        CountryResolver resolver = CountryResolver.bundled();
        if (aliases != null) {
            try {
                resolver = resolver.withUserAliases(aliases);
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<String> codes = new ArrayList<>();
        for (String cell : cells) {
            if (cell.isBlank()) continue;
            String code = resolver.resolve(cell.trim())
                    .map(Country::code)
                    .orElseThrow(() -> new UsageException(
                            "armswatch.countries: '" + cell.trim() + "' is not a country code or name we know"
                                    + " (use an ISO code such as KZ, or add an alias with --country-aliases)"));
            if (!codes.contains(code)) codes.add(code);
        }
        return List.copyOf(codes);
    }

    /** Checks each configured mapping; a mistake says which mapping and what is allowed. */
    static List<ColumnMapping> mappings(List<ArmswatchProperties.Mapping> configured) {
        List<ColumnMapping> out = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            ArmswatchProperties.Mapping m = configured.get(i);
            String name = m.name() == null || m.name().isBlank() ? "mapping " + (i + 1) : m.name();
            String where = "armswatch.mappings[" + i + "] (" + name + "): ";
            if (m.files() == null || m.files().isBlank()) {
                throw new UsageException(
                        where + "files is missing: a pattern under the input folder, e.g. licences/okfde_*.csv");
            }
            Character delimiter = null;
            if (m.delimiter() != null) {
                String d = m.delimiter().equalsIgnoreCase("tab") ? "\t" : m.delimiter();
                if (d.length() != 1)
                    throw new UsageException(where + "delimiter '" + m.delimiter() + "' is not one character (or tab)");
                delimiter = d.charAt(0);
            }
            Boolean decimalComma = null;
            if (m.decimalMark() != null) {
                if (!m.decimalMark().equals(",") && !m.decimalMark().equals(".")) {
                    throw new UsageException(where + "decimal-mark '" + m.decimalMark() + "' is not ',' or '.'");
                }
                decimalComma = m.decimalMark().equals(",");
            }
            Charset charset = null;
            if (m.encoding() != null) {
                try {
                    charset = Charset.forName(m.encoding());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(
                            where + "encoding '" + m.encoding() + "' is not known; e.g. UTF-8, windows-1252");
                }
            }
            DatePattern datePattern = null;
            if (m.dateFormat() != null) {
                try {
                    datePattern = DatePattern.of(m.dateFormat(), m.dateLocale());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(where + "date-format " + e.getMessage());
                }
            } else if (m.dateLocale() != null) {
                throw new UsageException(where + "date-locale is given without a date-format for it to apply to");
            }
            Granularity periodIs = null;
            if (m.periodIs() != null) {
                if (!List.of("day", "month", "quarter", "year").contains(m.periodIs())) {
                    throw new UsageException(
                            where + "period-is '" + m.periodIs() + "' is not day, month, quarter or year");
                }
                periodIs = Granularity.valueOf(m.periodIs().toUpperCase(Locale.ROOT));
            }
            if (m.skipLines() < 0) throw new UsageException(where + "skip-lines must be 0 or more");
            Map<String, String> constants = new HashMap<>(m.constants() == null ? Map.of() : m.constants());
            if (m.currency() != null) {
                String code = Currencies.parse(m.currency())
                        .orElseThrow(() -> new UsageException(where + "currency '" + m.currency()
                                + "' is not an ISO 4217 code such as EUR, GBP or CHF"));
                String constant = constants.get("currency");
                if (constant != null && !code.equals(Currencies.parse(constant).orElse(constant))) {
                    throw new UsageException(where + "currency '" + m.currency() + "' and constants.currency '"
                            + constant + "' say two currencies");
                }
                constants.put("currency", code);
            }
            Map<String, Map<String, String>> values = m.values() == null ? Map.of() : m.values();
            values.forEach((field, words) -> {
                if (words == null || words.isEmpty())
                    throw new UsageException(where + "values." + field + " lists no values");
            });
            out.add(new ColumnMapping(
                    name,
                    m.files(),
                    m.columns() == null ? Map.of() : m.columns(),
                    constants,
                    new ReadingOptions(m.skipLines(), delimiter, charset, decimalComma),
                    datePattern,
                    periodIs,
                    values));
        }
        return List.copyOf(out);
    }

    Path stateDir() {
        return output.resolve(".state");
    }
}
