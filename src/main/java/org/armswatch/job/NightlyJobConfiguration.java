package org.armswatch.job;

import java.util.ArrayList;
import java.util.List;

import org.armswatch.aggregate.ReportData;
import org.armswatch.aggregate.RunAggregation;
import org.armswatch.aggregate.SourceFileRecord;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputCatalog;
import org.armswatch.input.InputFile;
import org.armswatch.input.InputShape;
import org.armswatch.publish.RunFolder;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job, step by step. Every step is a tasklet whose each call is one transaction:
 * a restart resumes at the first step, and within it the first file, that did not commit.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    static final String JOB = "nightly";

    /**
     * Licences (and the tally) and the unrest events are staged side by side: the first is mostly
     * database inserts, the second mostly CSV parsing, so on two cores they overlap well. Each
     * step still restarts on its own.
     */
    @Bean
    Job nightly(JobRepository repository, List<Step> steps, JobOperator operator) {
        Flow licences = new FlowBuilder<SimpleFlow>("stageLicenceFiles")
                .start(step(steps, "stageLicences")).next(step(steps, "stageReportedFigures")).build();
        Flow events = new FlowBuilder<SimpleFlow>("stageEventFiles")
                .start(step(steps, "stageEvents")).next(step(steps, "stageEventCounts")).build();
        Flow staging = new FlowBuilder<SimpleFlow>("staging")
                .split(new SimpleAsyncTaskExecutor("armswatch-staging-")).add(licences, events).build();
        Flow nightly = new FlowBuilder<SimpleFlow>(JOB)
                .start(step(steps, "findInputs"))
                .next(staging)
                .next(step(steps, "checkRejects"))
                .next(step(steps, "aggregate"))
                .next(step(steps, "writeReport"))
                .next(step(steps, "publish"))
                .build();
        return new JobBuilder(JOB, repository)
                .listener(new GracefulStop(operator))
                .start(nightly)
                .end()
                .build();
    }

    /** Every step is a tasklet with progress lines; each call of the tasklet is one transaction. */
    private static Step tasklet(String name, JobRepository repository, PlatformTransactionManager tm,
                                RunOptions options, Tasklet tasklet) {
        StepProgress progress = new StepProgress(options.slowDownPerChunkMillis());
        return new StepBuilder(name, repository).tasklet(tasklet, tm)
                .listener((StepExecutionListener) progress).listener((ChunkListener<?, ?>) progress).build();
    }

    private static Step step(List<Step> steps, String name) {
        return steps.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no step " + name));
    }

    @Bean
    InputStaging inputStaging(RunOptions options, StagingStore store, CountryResolver countries) {
        return new InputStaging(options, store, countries);
    }

    /** Lists and checksums the input files; a missing folder or unreadable file fails here, before any staging. */
    @Bean
    Step findInputs(JobRepository repository, PlatformTransactionManager tm, RunOptions options, StagingStore store) {
        return tasklet("findInputs", repository, tm, options, (contribution, chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            List<InputFile> files = InputCatalog.find(options.input(), options.mappings());
            if (store.beginRun(run.runId(), run.runDate(), run.period(), files)) {
                // A fresh run starts from a clean work folder; a resumed one keeps what it made.
                RunFolder.deleteTree(new RunFolder(options.output(), run.runDate()).work());
            }
            contribution.incrementReadCount();
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step stageLicences(JobRepository repository, PlatformTransactionManager tm, RunOptions options, InputStaging staging) {
        return stagingStep("stageLicences", InputShape.LICENCES, repository, tm, options, staging);
    }

    @Bean
    Step stageReportedFigures(JobRepository repository, PlatformTransactionManager tm, RunOptions options,
                              InputStaging staging) {
        return stagingStep("stageReportedFigures", InputShape.REPORTED_FIGURES, repository, tm, options, staging);
    }

    @Bean
    Step stageEvents(JobRepository repository, PlatformTransactionManager tm, RunOptions options, InputStaging staging) {
        return stagingStep("stageEvents", InputShape.ACLED_EVENTS, repository, tm, options, staging);
    }

    @Bean
    Step stageEventCounts(JobRepository repository, PlatformTransactionManager tm, RunOptions options,
                          InputStaging staging) {
        return stagingStep("stageEventCounts", InputShape.HDX_COUNTS, repository, tm, options, staging);
    }

    private static Step stagingStep(String name, InputShape shape, JobRepository repository,
                                    PlatformTransactionManager tm, RunOptions options, InputStaging staging) {
        return tasklet(name, repository, tm, options, (contribution, chunk) -> {
            InputStaging.Staged staged = staging.stageNext(RunParameters.of(chunk), shape);
            contribution.incrementWriteCount(staged.rows());
            return RepeatStatus.continueIf(staged.more());
        });
    }

    /** Every file must reconcile, and none may reject more than the threshold allows: checked before anything is written. */
    @Bean
    Step checkRejects(JobRepository repository, PlatformTransactionManager tm, RunOptions options,
                      StagingStore store, ReportData data) {
        return tasklet("checkRejects", repository, tm, options, (contribution, chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            List<String> tooMany = new ArrayList<>();
            for (SourceFileRecord f : store.sourceFiles(run.runId())) {
                if (!f.reconciles()) {
                    throw new IllegalStateException(f.name() + ": rows do not reconcile: " + f.rowsRead() + " read, "
                            + f.rowsUsed() + " used, " + f.rowsRejected() + " rejected, " + f.rowsReplaced()
                            + " replaced, " + f.rowsSkipped() + " skipped");
                }
                if (f.rejectedShare() > options.rejectThreshold()) {
                    tooMany.add(RejectThresholdException.describe(f, options.rejectThreshold(),
                            data.rejectReasonCounts(run.runId(), f.fileNo())));
                }
            }
            // Every file over the threshold is named at once, so one look at the cron mail finds them all.
            if (!tooMany.isEmpty()) throw new RejectThresholdException(String.join(" | ", tooMany));
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step aggregate(JobRepository repository, PlatformTransactionManager tm, RunOptions options,
                   RunAggregation aggregation) {
        return tasklet("aggregate", repository, tm, options, (contribution, chunk) -> {
            RunParameters run = RunParameters.of(chunk);
            aggregation.aggregate(run.runId(), run.period());
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step writeReport(JobRepository repository, PlatformTransactionManager tm, RunOptions options, ReportData data,
                     StagingStore store) {
        ReportWriting writing = new ReportWriting(options, data, store);
        return tasklet("writeReport", repository, tm, options, (contribution, chunk) -> {
            writing.write(RunParameters.of(chunk));
            return RepeatStatus.FINISHED;
        });
    }

    @Bean
    Step publish(JobRepository repository, PlatformTransactionManager tm, RunOptions options, StagingStore store) {
        Publishing publishing = new Publishing(options, store);
        return tasklet("publish", repository, tm, options, (contribution, chunk) -> {
            publishing.publish(RunParameters.of(chunk), chunk.getStepContext().getStepExecution().getJobExecution());
            return RepeatStatus.FINISHED;
        });
    }
}
