package org.armswatch.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.core.io.ClassPathResource;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.messaging.Message;

/**
 * Staging by worker JVMs that share the job's PostgreSQL database: Spring Batch's remote partitioning. The run started
 * with --staging=workers queues one request per staging partition and waits until the job repository shows every
 * partition finished; each JVM started with --worker takes requests one at a time and runs the staging partition step
 * on them. The requests wait in a table, through Spring Integration's JDBC channel store, where PostgreSQL hands each
 * to one worker (FOR UPDATE SKIP LOCKED): no broker to run, and results come from the repository, not a reply queue.
 *
 * <p>Made on demand rather than as beans of each side: the launcher's ahead-of-time bean definitions are fixed when the
 * jar is built, so which side a JVM plays is decided here, at run time, from its options.
 */
final class StagingWorkers {

    private static final Logger log = LoggerFactory.getLogger(StagingWorkers.class);
    /** The queue's name in INT_CHANNEL_MESSAGE. */
    static final String QUEUE = "armswatch-staging";
    /** How often a worker looks for a request, and the run for finished partitions. */
    private static final long POLL_MILLIS = 200;
    /** The step execution context's record of the process that staged a partition (pid@host). */
    static final String STAGED_BY = "stagedBy";

    private final JobRepository repository;
    private final QueueChannel requests;

    StagingWorkers(DataSource dataSource, JobRepository repository) {
        this.repository = repository;
        String database = StateConfiguration.productName(dataSource);
        if (!"PostgreSQL".equals(database)) {
            throw new UsageException("--staging=workers and --worker need the job's database shared by every JVM:"
                    + " PostgreSQL (--spring.datasource.url=jdbc:postgresql://...), not " + database);
        }
        createQueueTable(dataSource);
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setCheckDatabaseOnStart(false);
        store.afterPropertiesSet();
        this.requests = new QueueChannel(new MessageGroupQueue(store, QUEUE));
    }

    /**
     * Spring Integration's tables, from its own script, the first time a JVM of the desk needs them; the manager and
     * its workers may start at once, so one looks at a time.
     */
    private static void createQueueTable(DataSource dataSource) {
        StateConfiguration.oneJvmAtATime(dataSource, "armswatch-staging-queue", () -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            if (jdbc.queryForObject("SELECT to_regclass('int_channel_message') IS NULL", Boolean.class)) {
                new ResourceDatabasePopulator(
                                new ClassPathResource("org/springframework/integration/jdbc/schema-postgresql.sql"))
                        .execute(dataSource);
            }
        });
    }

    /** The staging step's partition handler on the run's side: requests out, results from the repository. */
    PartitionHandler partitionHandler(Step worker, Duration timeout) {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler() {
            @Override
            protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions)
                    throws Exception {
                try {
                    Set<StepExecution> done = super.doHandle(manager, LargestFirst.ordered(partitions));
                    // Their failures are in the repository as text, not in this JVM: the first says why.
                    for (StepExecution partition : done) {
                        if (partition.getStatus().isUnsuccessful()) {
                            throw new IllegalStateException(Failures.reasonInTrace(
                                    partition.getExitStatus().getExitDescription()));
                        }
                    }
                    return done;
                } catch (TimeoutException e) {
                    throw new IllegalStateException("the staging workers did not stage every input file within "
                            + timeout.toMinutes() + " minutes: are JVMs started with --worker on this database"
                            + " and with the same input folder? (README, \"PostgreSQL\")");
                }
            }
        };
        handler.setStepName(worker.getName());
        handler.setMessagingOperations(new MessagingTemplate(requests));
        handler.setJobRepository(repository);
        handler.setPollInterval(POLL_MILLIS);
        handler.setTimeout(timeout.toMillis());
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return handler;
    }

    /**
     * Takes staging requests and runs the worker step on each until the JVM is told to stop; a stop (SIGTERM) waits for
     * the partition being staged, so no partition is left half-done by a worker that was asked to go.
     */
    void serve(Step worker) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        StepLocator steps = name -> name.equals(worker.getName()) ? worker : null;
        handler.setStepLocator(steps);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch left = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                left.await(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("armswatch worker " + thisProcess() + ": staging files for runs with --staging=workers"
                + " on this database; stop it with SIGTERM (it finishes the file it is staging)");
        try {
            while (!stopping.get()) {
                Message<?> message = requests.receive(0);
                if (message == null) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
                StepExecution done = handler.handle(request);
                if (done.getStatus().isUnsuccessful()) {
                    // A failure the step could not record itself (its repository update failed, say).
                    repository.update(done);
                }
                log.info(
                        "staged partition {} of run {}: {}",
                        done.getStepName(),
                        done.getJobExecution().getJobInstance().getInstanceId(),
                        done.getStatus());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            left.countDown();
        }
    }

    /** This JVM as pid@host, recorded with each partition it stages. */
    static String thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }
}
