package org.armswatch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.armswatch.aggregate.ReportData;
import org.armswatch.aggregate.RunChanges;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.aggregate.StoryLeads;
import org.armswatch.input.InputCatalog;
import org.armswatch.input.InputFile;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.period.Granularity;
import org.armswatch.publish.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides what this start does for its run date (start, resume, nothing, or a forced rerun), runs the job, and tells
 * cron in one line how it went, with an exit code of its own.
 */
@Component
class NightlyRun implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);
    /** Warnings printed under the summary line; all of them stand in Data_quality. */
    private static final int MAX_WARNING_LINES = 5;

    private final RunOptions options;
    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final StagingStore store;
    private final ReportData data;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<StagingWorkers> workers;
    private final Step stageInput;
    private ExitCode exit = ExitCode.OK;

    NightlyRun(
            RunOptions options,
            JobOperator operator,
            JobRepository repository,
            Job job,
            StagingStore store,
            ReportData data,
            JdbcTemplate jdbc,
            ObjectProvider<StagingWorkers> workers,
            Step stageInput) {
        this.options = options;
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.store = store;
        this.data = data;
        this.jdbc = jdbc;
        this.workers = workers;
        this.stageInput = stageInput;
    }

    @Override
    public int getExitCode() {
        return exit.code();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (args.containsOption("help")) {
            System.out.println(Usage.TEXT);
            return;
        }
        if (options.worker()) {
            workers.getObject().serve(stageInput);
            return;
        }
        Instant started = Instant.now();
        List<JobExecution> earlier = executionsOfRunDate();
        JobExecution last = earlier.isEmpty() ? null : earlier.get(0);
        JobExecution execution;
        if (last == null) {
            execution = start(RunParameters.of(options.runDate(), options.period(), 0, options.readingSettings()));
        } else if (last.getStatus() == BatchStatus.COMPLETED) {
            if (!options.rerun()) {
                System.out.println("armswatch " + options.runDate() + ": already done (run " + last.getJobInstanceId()
                        + ", finished " + last.getEndTime() + "), see "
                        + new RunFolder(options.output(), options.runDate()).published()
                        + "; --rerun forces a fresh run");
                return;
            }
            execution = start(RunParameters.of(
                    options.runDate(), options.period(), nextRerun(earlier), options.readingSettings()));
        } else {
            if (last.getStatus().isRunning()) {
                // We hold the lock, so no live process runs it: it was killed. Mark it failed, then resume.
                log.info(
                        "run {} of {} was left {} by a process that died; recovering it",
                        last.getJobInstanceId(),
                        options.runDate(),
                        last.getStatus());
                last = operator.recover(last);
            }
            String afresh = reasonToStartAfresh(last);
            if (afresh != null) {
                // Its staged rows no longer match what it would read: resuming would publish stale figures.
                log.info(
                        "run {} of {} is not resumed: {}; starting it afresh",
                        last.getJobInstanceId(),
                        options.runDate(),
                        afresh);
                operator.abandon(last);
                store.abandonRun(last.getJobInstanceId());
                execution = start(RunParameters.of(
                        options.runDate(), options.period(), nextRerun(earlier), options.readingSettings()));
            } else {
                log.info("resuming run {} of {} from where it stopped", last.getJobInstanceId(), options.runDate());
                // The same identifying parameters restart the instance: finished steps are skipped,
                // and the staging partitions go on after their last committed chunk.
                execution = operator.start(job, last.getJobParameters());
            }
        }
        report(execution, started);
    }

    private static long nextRerun(List<JobExecution> earlier) {
        return earlier.stream().map(JobExecution::getJobInstanceId).distinct().count();
    }

    /**
     * Why a failed or stopped run must not be resumed, or null to resume it: --rerun was asked for, the report period
     * differs, or an input file was changed, added or removed since it began (the usual fix after a failure), which
     * finished staging steps would never read again.
     */
    private String reasonToStartAfresh(JobExecution last) {
        if (options.rerun()) return "--rerun was given";
        if (store.stagedByEarlierVersion(last.getJobInstanceId())) {
            return "an earlier version of armswatch staged its licence rows where this one does not read them";
        }
        Granularity began = Granularity.valueOf(last.getJobParameters().getString(RunParameters.PERIOD));
        if (began != options.period()) {
            throw new UsageException("the run of " + options.runDate() + " began with --period="
                    + began.name().toLowerCase(Locale.ROOT) + "; start it again with that period to finish it,"
                    + " or with --rerun to make it afresh by "
                    + options.period().name().toLowerCase(Locale.ROOT));
        }
        String reading = last.getJobParameters().getString(RunParameters.READING);
        if (reading != null && !reading.equals(options.readingSettings())) {
            return "its column mappings, country aliases or extra metrics changed since it began";
        }
        // A file's SHA-256 is recorded when it is staged; one not staged yet is read afresh anyway, so only its
        // presence counts.
        Map<String, String> recorded = new TreeMap<>();
        store.sourceFiles(last.getJobInstanceId())
                .forEach(f -> recorded.put(f.name(), Objects.toString(f.sha256(), "")));
        if (recorded.isEmpty()) return null; // it died before it listed its inputs
        Map<String, String> now = new TreeMap<>();
        try {
            for (InputFile f : InputCatalog.find(options.input(), options.mappings())) {
                boolean staged = !recorded.getOrDefault(f.name(), "").isEmpty();
                now.put(f.name(), staged ? InputScan.of(f.scan().file()).sha256() : "");
            }
        } catch (InputFileException e) {
            return null; // the resumed run fails with this file's name, as a fresh one would
        }
        if (now.equals(recorded)) return null;
        List<String> changed = new ArrayList<>();
        for (String name : new TreeSet<>(union(recorded.keySet(), now.keySet()))) {
            if (!now.containsKey(name)) changed.add(name + " removed");
            else if (!recorded.containsKey(name)) changed.add(name + " added");
            else if (!now.get(name).equals(recorded.get(name))) changed.add(name + " changed");
        }
        return "its inputs changed since it began (" + String.join(", ", changed) + ")";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Starts a new job instance. A process killed between creating the instance and its first execution leaves an
     * instance with no execution, which Spring Batch can neither start nor restart: such an orphan holds nothing, so it
     * is removed first.
     */
    private JobExecution start(JobParameters parameters) throws Exception {
        JobInstance orphan = repository.getJobInstance(NightlyJobConfiguration.JOB, parameters);
        if (orphan != null && repository.getLastJobExecution(orphan) == null) {
            log.info(
                    "removing run {} of {}, left without an execution by a process that died",
                    orphan.getInstanceId(),
                    options.runDate());
            repository.deleteJobInstance(orphan);
        }
        return operator.start(job, parameters);
    }

    /** This run date's executions, newest first (all its job instances: the first run and any reruns). */
    private List<JobExecution> executionsOfRunDate() {
        List<JobExecution> found = new ArrayList<>();
        for (JobInstance instance : repository.findJobInstances(NightlyJobConfiguration.JOB)) {
            JobExecution e = repository.getLastJobExecution(instance);
            if (e != null
                    && options.runDate().toString().equals(e.getJobParameters().getString(RunParameters.RUN_DATE))) {
                found.add(e);
            }
        }
        found.sort(Comparator.comparingLong(JobExecution::getJobInstanceId).reversed());
        return found;
    }

    private void report(JobExecution execution, Instant started) throws Exception {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        RunParameters run = RunParameters.of(execution);
        switch (execution.getStatus()) {
            case COMPLETED -> {
                exit = ExitCode.OK;
                // The comparison with the previous run reads both runs' figures whole: once for the summary and the
                // leads.
                var changes = data.changes(run.runId());
                var warnings = data.warnings(run.runId());
                System.out.println(summary(run, seconds, changes, warnings.size()));
                warnings.stream().limit(MAX_WARNING_LINES).forEach(w -> System.out.println("warning: " + w.line()));
                if (warnings.size() > MAX_WARNING_LINES) {
                    System.out.println(
                            "warning: and " + (warnings.size() - MAX_WARNING_LINES) + " more, listed in Data_quality");
                }
                String lead = newlyFlagged(run, changes.previousRunId());
                if (!lead.isEmpty()) System.out.println(lead);
            }
            case STOPPED -> {
                exit = ExitCode.STOPPED;
                System.out.println(
                        "armswatch " + run.runDate() + ": stopped (exit " + exit.code() + ": " + exit.meaning + ")");
            }
            default -> {
                exit = ExitCode.RUN_FAILED;
                System.out.println("armswatch " + run.runDate() + " failed: " + Failures.reason(execution) + " (exit "
                        + exit.code() + ": " + exit.meaning + ")");
            }
        }
    }

    private String summary(RunParameters run, double seconds, RunChanges changes, int warnings) throws IOException {
        List<SourceFileRecord> files = store.sourceFiles(run.runId());
        int used = files.stream().mapToInt(SourceFileRecord::rowsUsed).sum();
        int rejected = files.stream().mapToInt(SourceFileRecord::rowsRejected).sum();
        int replaced = files.stream().mapToInt(SourceFileRecord::rowsReplaced).sum();
        Integer countries = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT country) FROM aw_figure WHERE run_id = ?", Integer.class, run.runId());
        Integer periods = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT period) FROM aw_figure WHERE run_id = ?", Integer.class, run.runId());
        Path folder = new RunFolder(options.output(), run.runDate()).published();
        long written;
        try (Stream<Path> walk = Files.walk(folder)) {
            written = walk.filter(Files::isRegularFile).count();
        }
        return String.format(
                Locale.ROOT,
                "armswatch %s: %d countries, %d periods, %d rows used, %d rejected,"
                        + " %d duplicates replaced, from %d files; %d files written to %s in %.1f s%s%s",
                run.runDate(),
                countries,
                periods,
                used,
                rejected,
                replaced,
                files.size(),
                written,
                folder,
                seconds,
                changes.comparable() ? "; changes since " + changes.previousRunDate() + ": " + changes.counts() : "",
                warnings == 0
                        ? ""
                        : "; " + warnings + (warnings == 1 ? " warning" : " warnings")
                                + " (below, and in Data_quality)");
    }

    /** Story leads of this run that the last completed run did not have, most unusual first: the morning's lead. */
    private String newlyFlagged(RunParameters run, Long previous) {
        List<StoryLeads.Lead> now = StoryLeads.find(data.overview(run.runId()));
        // previous: the same earlier run the Changes sheet compares with (the closest earlier date, same period).
        Set<String> before = new TreeSet<>();
        if (previous != null) {
            StoryLeads.find(data.overview(previous))
                    .forEach(l ->
                            before.add(l.country() + "|" + l.unrest().period().iso()));
        }
        List<String> fresh = now.stream()
                .filter(l ->
                        !before.contains(l.country() + "|" + l.unrest().period().iso()))
                .map(l -> l.countryName() + " " + l.unrest().period().label() + (l.illustrative() ? " [i]" : ""))
                .toList();
        return leadsLine(fresh);
    }

    /** Leads named on the cron line at most; the rest are counted, so that a mail stays readable on a busy night. */
    static final int LEADS_NAMED = 10;

    static String leadsLine(List<String> fresh) {
        if (fresh.isEmpty()) return "";
        String named = String.join(", ", fresh.subList(0, Math.min(LEADS_NAMED, fresh.size())));
        int more = fresh.size() - LEADS_NAMED;
        return "new story leads (licences before unusual unrest; the Leads sheet says why): " + named
                + (more > 0 ? " and " + more + " more" : "");
    }
}
