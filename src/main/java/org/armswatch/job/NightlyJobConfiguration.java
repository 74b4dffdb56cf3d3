package org.armswatch.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.armswatch.aggregate.ReportData;
import org.armswatch.aggregate.RunAggregation;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.chart.ChartDrawer;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputCatalog;
import org.armswatch.input.InputFile;
import org.armswatch.input.InputShape;
import org.armswatch.publish.RunFolder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, step by step (README, "How it is built"). Staging and the workbooks are partitioned where the data
 * is: one partition per input file, one per workbook. A restart runs only the partitions that did not complete, and the
 * charts from their last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    static final String JOB = "nightly";
    /** Charts drawn per transaction: a restart draws again at most this many. */
    static final int CHARTS_PER_CHUNK = 4;
    /** Keys of a partition's execution context. */
    static final String SHAPE = "shape";

    static final String FILES = "files";
    /** The run's input folder, absolute: a worker JVM reads the files there, as the run listed them. */
    static final String INPUT = "input";
    /** The run's {@link RunOptions#readingSettings()}, which whoever stages a partition must share. */
    static final String READING = "reading";

    static final String WORKBOOK = "workbook";

    @Bean
    Job nightly(
            JobRepository repository,
            JobOperator operator,
            Step findInputs,
            Step stageInputs,
            Step checkRejects,
            Step aggregate,
            Step drawCharts,
            Step writeWorkbooks,
            Step writePage,
            Step publish) {
        return new JobBuilder(JOB, repository)
                .listener(new GracefulStop(operator))
                .start(findInputs)
                .next(stageInputs)
                .next(checkRejects)
                .next(aggregate)
                .next(drawCharts)
                .next(writeWorkbooks)
                .next(writePage)
                .next(publish)
                .build();
    }

    /** A tasklet step whose each call is one transaction, with progress lines. */
    private static Step tasklet(String name, JobRepository repository, PlatformTransactionManager tm, Tasklet tasklet) {
        return new StepBuilder(name, repository)
                .tasklet(tasklet, tm)
                .listener(new StepProgress())
                .build();
    }

    /** A step that runs the worker once per partition, on every core, largest partition first. */
    private static Step partitioned(String name, JobRepository repository, Partitioner partitioner, Step worker) {
        return partitioned(name, repository, partitioner, worker, new LargestFirst(worker));
    }

    private static Step partitioned(
            String name, JobRepository repository, Partitioner partitioner, Step worker, PartitionHandler handler) {
        return new StepBuilder(name, repository)
                .partitioner(worker.getName(), partitioner)
                .splitter(new PartitionsOnRestart(repository, worker.getName(), partitioner))
                .partitionHandler(handler)
                .aggregator(StepProgress.ROWS_OF_PARTITIONS)
                .listener(new StepProgress())
                .build();
    }

    /** Made only where a JVM stages by or as a worker (--staging=workers, --worker): it needs PostgreSQL. */
    @Bean
    @Lazy
    StagingWorkers stagingWorkers(DataSource dataSource, JobRepository repository) {
        return new StagingWorkers(dataSource, repository);
    }

    @Bean
    InputStaging inputStaging(RunOptions options, StagingStore store, CountryResolver countries) {
        return new InputStaging(options, store, countries);
    }

    @Bean
    ReportPlan.Plans reportPlans(RunOptions options, ReportData data, StagingStore store) {
        return new ReportPlan.Plans(options, data, store);
    }

    /** Lists and checksums the input files; a missing folder or unreadable file fails here, before any staging. */
    @Bean
    Step findInputs(JobRepository repository, PlatformTransactionManager tm, RunOptions options, StagingStore store) {
        return tasklet("findInputs", repository, tm, (contribution, chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            List<InputFile> files = InputCatalog.find(options.input(), options.mappings());
            if (store.beginRun(run.runId(), run.runDate(), run.period(), files)) {
                List<String> notRead = InputCatalog.notRead(options.input());
                if (!notRead.isEmpty()) store.insertRunWarning(run.runId(), InputCatalog.notReadWarning(notRead));
                // A fresh run starts from a clean work folder; a resumed one keeps what it made.
                RunFolder.deleteTree(new RunFolder(options.output(), run.runDate()).work());
            }
            contribution.incrementReadCount();
            return RepeatStatus.FINISHED;
        });
    }

    // ---- Staging: one partition per input file; the ACLED exports are one partition, de-duplicated together.

    /**
     * Partitions of files beyond which files of a shape share partitions: each partition is a step execution in the job
     * repository, and with ten thousand of them Spring Batch's own bookkeeping took minutes.
     */
    static final int MOST_FILE_PARTITIONS = 64;

    /** Staged by this JVM's threads, or with --staging=workers by worker JVMs on the same PostgreSQL. */
    @Bean
    Step stageInputs(
            JobRepository repository,
            Partitioner inputFiles,
            Step stageInput,
            RunOptions options,
            ObjectProvider<StagingWorkers> workers) {
        if (!options.stagingByWorkers()) return partitioned("stageInputs", repository, inputFiles, stageInput);
        return partitioned(
                "stageInputs",
                repository,
                inputFiles,
                stageInput,
                workers.getObject().partitionHandler(stageInput, options.workerTimeout()));
    }

    /**
     * The run's input files as partitions, named after the file, weighed by their bytes; past
     * {@link #MOST_FILE_PARTITIONS} files of a shape, they are dealt into that many partitions, largest file first to
     * the lightest partition.
     */
    @Bean
    @StepScope
    Partitioner inputFiles(
            StagingStore store,
            RunOptions options,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            Map<InputShape, List<SourceFileRecord>> byShape = new java.util.EnumMap<>(InputShape.class);
            store.sourceFiles(runId)
                    .forEach(f -> byShape.computeIfAbsent(f.shape(), s -> new ArrayList<>())
                            .add(f));
            byShape.forEach((shape, files) -> {
                if (shape == InputShape.ACLED_EVENTS) {
                    partitions.put("ACLED exports", stagingPartition(options, shape, files));
                } else if (files.size() <= MOST_FILE_PARTITIONS) {
                    files.forEach(f -> partitions.put(f.name(), stagingPartition(options, shape, List.of(f))));
                } else {
                    for (List<SourceFileRecord> group : dealt(files, MOST_FILE_PARTITIONS)) {
                        partitions.put(
                                group.get(0).name() + " and " + (group.size() - 1) + " more",
                                stagingPartition(options, shape, group));
                    }
                }
            });
            return partitions;
        };
    }

    /** Files dealt into groups of about equal bytes: each file, largest first, to the lightest group. */
    static List<List<SourceFileRecord>> dealt(List<SourceFileRecord> files, int groups) {
        List<List<SourceFileRecord>> dealt = new ArrayList<>();
        long[] bytes = new long[groups];
        for (int g = 0; g < groups; g++) dealt.add(new ArrayList<>());
        files.stream()
                .sorted(java.util.Comparator.comparingLong(SourceFileRecord::bytes)
                        .reversed()
                        .thenComparingInt(SourceFileRecord::fileNo))
                .forEach(f -> {
                    int lightest = 0;
                    for (int g = 1; g < groups; g++) if (bytes[g] < bytes[lightest]) lightest = g;
                    dealt.get(lightest).add(f);
                    bytes[lightest] += f.bytes();
                });
        // Within a group, the files in reading order.
        dealt.forEach(g -> g.sort(java.util.Comparator.comparingInt(SourceFileRecord::fileNo)));
        return dealt;
    }

    private static ExecutionContext stagingPartition(
            RunOptions options, InputShape shape, List<SourceFileRecord> files) {
        ExecutionContext context = new ExecutionContext();
        context.putString(INPUT, options.input().toAbsolutePath().normalize().toString());
        context.putString(READING, options.readingSettings());
        context.putString(SHAPE, shape.name());
        context.putString(
                FILES, files.stream().map(f -> String.valueOf(f.fileNo())).collect(Collectors.joining(",")));
        context.putLong(
                LargestFirst.WEIGHT,
                files.stream().mapToLong(SourceFileRecord::bytes).sum());
        return context;
    }

    /** Pieces staged a transaction: sixteen blocks of a licence file's rows, or as many whole files of other shapes. */
    static final int PIECES_PER_CHUNK = 16;

    /**
     * Stages one partition's files, chunk-oriented: a restart goes on after the last committed piece, in the middle of
     * a licence file if it stopped there (StagingPieces).
     */
    @Bean
    Step stageInput(
            JobRepository repository,
            PlatformTransactionManager tm,
            StagingPieces stagingPieces,
            ItemWriter<StagingPiece> stagedPieces) {
        return new StepBuilder("stageInput", repository)
                .<StagingPiece, StagingPiece>chunk(PIECES_PER_CHUNK)
                .transactionManager(tm)
                .reader(stagingPieces)
                .writer(stagedPieces)
                .listener(new StepProgress())
                .build();
    }

    /** The partition's files as units to stage: the ACLED exports one unit, any other file one each. */
    @Bean
    @StepScope
    StagingPieces stagingPieces(
            InputStaging staging, RunOptions options, @Value("#{stepExecution}") StepExecution step) {
        ExecutionContext partition = step.getExecutionContext();
        // Rows read under other settings would be figures the run's own settings would not give.
        String reading = partition.containsKey(READING) ? partition.getString(READING) : null;
        String refusal = reading == null || reading.equals(options.readingSettings())
                ? null
                : "this JVM would read the input files with other settings than the run that listed them (its column"
                        + " mappings, country aliases or extra metrics differ): start workers with the run's"
                        + " configuration";
        // A partition listed by an earlier version has no input folder: this JVM's own stands, as it did then.
        Path folder = partition.containsKey(INPUT) ? Path.of(partition.getString(INPUT)) : options.input();
        InputShape shape = InputShape.valueOf(partition.getString(SHAPE));
        List<Integer> fileNos = Arrays.stream(partition.getString(FILES).split(","))
                .map(Integer::valueOf)
                .toList();
        List<List<Integer>> units = shape == InputShape.ACLED_EVENTS
                ? List.of(fileNos)
                : fileNos.stream().map(List::of).toList();
        return new StagingPieces(staging, RunParameters.of(step.getJobExecution()), folder, shape, units, refusal);
    }

    /** Stores a chunk's pieces, counting the input rows they account for and which JVM staged them. */
    @Bean
    @StepScope
    ItemWriter<StagingPiece> stagedPieces(@Value("#{stepExecution}") StepExecution step) {
        return pieces -> {
            long rows = 0;
            for (StagingPiece piece : pieces) rows += piece.store();
            ExecutionContext context = step.getExecutionContext();
            context.putLong(StepProgress.ROWS, context.getLong(StepProgress.ROWS, 0) + rows);
            // A worker's, when workers stage (StagingWorkers).
            context.putString(StagingWorkers.STAGED_BY, StagingWorkers.thisProcess());
        };
    }

    /**
     * Every file must reconcile, and none may reject more than the threshold allows: checked before anything is
     * written.
     */
    @Bean
    Step checkRejects(
            JobRepository repository,
            PlatformTransactionManager tm,
            RunOptions options,
            StagingStore store,
            ReportData data) {
        return tasklet("checkRejects", repository, tm, (contribution, chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            List<String> tooMany = new ArrayList<>();
            for (SourceFileRecord f : store.sourceFiles(run.runId())) {
                if (!f.reconciles()) {
                    throw new IllegalStateException(f.name() + ": rows do not reconcile: " + f.rowsRead() + " read, "
                            + f.rowsUsed() + " used, " + f.rowsRejected() + " rejected, " + f.rowsReplaced()
                            + " replaced, " + f.rowsSkipped() + " skipped");
                }
                if (f.rejectedShare() > options.rejectThreshold()) {
                    tooMany.add(RejectThresholdException.describe(
                            f, options.rejectThreshold(), data.rejectReasonCounts(run.runId(), f.fileNo())));
                }
            }
            // Every file over the threshold is named at once, so one look at the cron mail finds them all.
            if (!tooMany.isEmpty()) throw new RejectThresholdException(String.join(" | ", tooMany));
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step aggregate(JobRepository repository, PlatformTransactionManager tm, RunAggregation aggregation) {
        return tasklet("aggregate", repository, tm, (contribution, chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            aggregation.aggregate(run.runId(), run.period());
            return RepeatStatus.FINISHED;
        });
    }

    // ---- The report: the charts, then one partition per workbook, then the page.

    /**
     * Chunk-oriented: a restart draws again only the charts of a chunk that did not commit. One thread draws them, with
     * nothing else running: two threads drawing at once gave a chart whose axis labels stood apart from their gridlines
     * (seen in the cron tests, cause inside Java2D's text measuring not found), and the same inputs must give the same
     * picture.
     */
    @Bean
    Step drawCharts(
            JobRepository repository,
            PlatformTransactionManager tm,
            PlannedCharts plannedCharts,
            ItemWriter<ChartDrawer.ChartToDraw> chartFiles) {
        return new StepBuilder("drawCharts", repository)
                .<ChartDrawer.ChartToDraw, ChartDrawer.ChartToDraw>chunk(CHARTS_PER_CHUNK)
                .transactionManager(tm)
                .reader(plannedCharts)
                .writer(chartFiles)
                .listener(new StepProgress())
                .build();
    }

    @Bean
    @StepScope
    PlannedCharts plannedCharts(ReportPlan.Plans plans, @Value("#{stepExecution}") StepExecution step) {
        return new PlannedCharts(plans.of(RunParameters.of(step.getJobExecution())).toDraw);
    }

    /** Each chart's PNG and SVG, written beside the file and moved into place. */
    @Bean
    @StepScope
    ItemWriter<ChartDrawer.ChartToDraw> chartFiles(
            ReportPlan.Plans plans, @Value("#{stepExecution}") StepExecution step) {
        ReportPlan plan = plans.of(RunParameters.of(step.getJobExecution()));
        return charts -> {
            for (ChartDrawer.ChartToDraw chart : charts) {
                chart.writePng(plan.charts);
                chart.writeSvg(plan.charts);
            }
        };
    }

    @Bean
    Step writeWorkbooks(JobRepository repository, Partitioner workbooks, Step writeWorkbook) {
        return partitioned("writeWorkbooks", repository, workbooks, writeWorkbook);
    }

    /** The main workbook and one per country; the main one holds every row, so it goes first. */
    @Bean
    @StepScope
    Partitioner workbooks(ReportPlan.Plans plans, @Value("#{stepExecution}") StepExecution step) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (String key : plans.of(RunParameters.of(step.getJobExecution())).workbooks()) {
                ExecutionContext context = new ExecutionContext();
                context.putString(WORKBOOK, key);
                context.putLong(LargestFirst.WEIGHT, key.equals(ReportPlan.MAIN) ? 1 : 0);
                partitions.put(key, context);
            }
            return partitions;
        };
    }

    /** One workbook, written and checked against workbook.md's rules in one step execution. */
    @Bean
    Step writeWorkbook(JobRepository repository, PlatformTransactionManager tm, Tasklet workbookOfPartition) {
        return tasklet("writeWorkbook", repository, tm, workbookOfPartition);
    }

    @Bean
    @StepScope
    Tasklet workbookOfPartition(ReportPlan.Plans plans, @Value("#{stepExecutionContext['workbook']}") String key) {
        return (contribution, chunk) -> {
            plans.of(RunParameters.of(chunk)).writeWorkbook(key);
            contribution.incrementWriteCount(1);
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step writePage(JobRepository repository, PlatformTransactionManager tm, ReportPlan.Plans plans) {
        return tasklet("writePage", repository, tm, (contribution, chunk) -> {
            ReportPlan plan = plans.of(RunParameters.of(chunk));
            plan.writePage();
            RunFolder.deleteTree(plan.temp);
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tm, RunOptions options, StagingStore store) {
        Publishing publishing = new Publishing(options, store);
        return tasklet("publish", repository, tm, (contribution, chunk) -> {
            publishing.publish(
                    RunParameters.of(chunk),
                    chunk.getStepContext().getStepExecution().getJobExecution());
            return RepeatStatus.FINISHED;
        });
    }
}
