package org.armswatch.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.armswatch.period.Granularity;
import org.armswatch.unrest.ReportedFigureReader;
import org.springframework.boot.ApplicationArguments;

/**
 * The run's options, checked before anything is touched: a typo on the command line must say
 * what is allowed, not half-run the job.
 */
public record RunOptions(Path input, Path output, Granularity period, LocalDate runDate, boolean rerun,
                         double rejectThreshold, Path countryAliases, Set<String> metrics, String desk, String contact,
                         long slowDownPerChunkMillis) {

    /** Short options the command line takes; any armswatch.*, spring.* or logging.* property also works. */
    static final List<String> OPTIONS = List.of("input", "output", "period", "run-date", "rerun", "reject-threshold",
            "country-aliases", "help");

    static RunOptions of(ArmswatchProperties p, ApplicationArguments args, Clock clock) {
        for (String name : args.getOptionNames()) {
            if (!OPTIONS.contains(name) && !name.startsWith("armswatch.") && !name.startsWith("spring.")
                    && !name.startsWith("logging.")) {
                throw new UsageException("unknown option --" + name + "; allowed: --" + String.join(", --", OPTIONS));
            }
        }
        if (!args.getNonOptionArgs().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.getNonOptionArgs().get(0)
                    + "'; options are written --name=value, e.g. --period=year");
        }
        Granularity period;
        try {
            period = Granularity.ofReportOption(p.period());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LocalDate runDate;
        try {
            runDate = p.runDate().isBlank() ? LocalDate.now(clock) : LocalDate.parse(p.runDate().trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("run date '" + p.runDate() + "' is not a date: use YYYY-MM-DD, e.g. --run-date=2026-11-28");
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
        p.extraMetrics().forEach(m -> metrics.add(m.trim().toLowerCase(java.util.Locale.ROOT)));
        return new RunOptions(p.input(), p.output(), period, runDate, args.containsOption("rerun"), threshold,
                aliases, Set.copyOf(metrics), p.desk(), p.contact(), Math.max(0, p.slowDownPerChunkMs()));
    }

    Path stateDir() {
        return output.resolve(".state");
    }
}
