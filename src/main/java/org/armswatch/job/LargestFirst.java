package org.armswatch.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs a step's partitions on as many threads as there are cores, handing them out largest first (by the weight in
 * their execution context): the longest partition never starts last, when the other threads have nothing left to do
 * beside it. Spring Batch's own handler takes them in no order.
 */
final class LargestFirst extends TaskExecutorPartitionHandler {

    /** A partition's weight, such as its files' bytes; the heaviest start first. */
    static final String WEIGHT = "weight";

    LargestFirst(Step worker) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("armswatch-" + worker.getName() + "-");
        // A partition waits for a free thread in the order handed out.
        threads.setConcurrencyLimit(cores);
        setTaskExecutor(threads);
        setStep(worker);
        setGridSize(cores);
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        return super.doHandle(manager, ordered(partitions));
    }

    /** The partitions heaviest first, as handlers hand them out (to threads here, to worker JVMs by StagingWorkers). */
    static Set<StepExecution> ordered(Set<StepExecution> partitions) {
        List<StepExecution> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparingLong(
                        (StepExecution e) -> e.getExecutionContext().getLong(WEIGHT, 0))
                .reversed()
                .thenComparing(StepExecution::getStepName));
        return new LinkedHashSet<>(ordered);
    }
}
