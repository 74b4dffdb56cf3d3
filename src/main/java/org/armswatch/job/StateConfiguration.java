package org.armswatch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.armswatch.aggregate.ReportData;
import org.armswatch.aggregate.RunAggregation;
import org.armswatch.aggregate.StagingStore;
import org.armswatch.country.CountryResolver;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.ApplicationDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order things must happen in at start: options checked, then the lock taken, then the database opened. Each bean
 * depends on the one before, so Spring keeps that order.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArmswatchProperties.class)
class StateConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    RunOptions runOptions(ArmswatchProperties properties, ApplicationArguments args, Clock clock) {
        return RunOptions.of(properties, args, clock);
    }

    @Bean(destroyMethod = "close")
    RunLock runLock(RunOptions options) {
        try {
            // A staging worker is no run: it takes a lock of its own, and may share a run's output folder.
            return options.worker()
                    ? RunLock.take(options.stateDir(), RunLock.WORKER, "staging worker")
                    : RunLock.take(options.stateDir(), "run date " + options.runDate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock in " + options.stateDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The embedded H2 file under output/.state unless spring.datasource.url names another database (PostgreSQL, say).
     * Built here because H2 wants an absolute path. WRITE_DELAY=0: a commit is on disk before the step goes on, so a
     * kill -9 never loses a committed chunk (H2 would otherwise hold commits back for up to half a second). A 64 MB
     * page cache keeps a large run's staged rows in memory while the workbook reads them.
     */
    @Bean
    DataSource dataSource(RunOptions options, RunLock lock, Environment env) {
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            url = "jdbc:h2:file:"
                    + options.stateDir().toAbsolutePath().normalize().resolve("armswatch")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=16384";
            return DataSourceBuilder.create()
                    .url(url)
                    .username("sa")
                    .password("")
                    .build();
        }
        return DataSourceBuilder.create()
                .url(batchedInserts(url))
                .username(env.getProperty("spring.datasource.username"))
                .password(env.getProperty("spring.datasource.password"))
                .build();
    }

    /**
     * PostgreSQL's driver sends a batch of inserts as one multi-row INSERT when asked to: the run's figures, rejected
     * rows and Spring Batch's records. L on PostgreSQL 17: 13.38-13.50 s against 13.90 s (alternating runs). A URL that
     * says otherwise is left as it is.
     */
    static String batchedInserts(String url) {
        if (!url.startsWith("jdbc:postgresql:")
                || url.toLowerCase(java.util.Locale.ROOT).contains("rewritebatchedinserts")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    /**
     * The job's own tables (armswatch-schema.sql), by Boot's initializer. On PostgreSQL in one transaction under an
     * advisory lock: JVMs that start at once on a fresh database (a run and its staging workers) otherwise race in
     * CREATE TABLE IF NOT EXISTS, which PostgreSQL does not make safe (a worker failed to start in CI with "duplicate
     * key value violates unique constraint pg_type_typname_nsp_index").
     */
    @Bean
    ApplicationDataSourceScriptDatabaseInitializer armswatchSchema(DataSource dataSource) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(java.util.List.of("classpath:armswatch-schema.sql"));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        settings.setContinueOnError(false);
        return new ApplicationDataSourceScriptDatabaseInitializer(dataSource, settings) {
            @Override
            protected void runScripts(Scripts scripts) {
                if (!isPostgres(dataSource)) {
                    super.runScripts(scripts);
                    return;
                }
                oneJvmAtATime(dataSource, "armswatch-schema", () -> super.runScripts(scripts));
            }
        };
    }

    /**
     * Work on PostgreSQL's schema by one JVM at a time: in one transaction (PostgreSQL's DDL is transactional), under
     * an advisory lock of that name, released at its end.
     */
    static void oneJvmAtATime(DataSource dataSource, String lock, Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            new JdbcTemplate(dataSource)
                    .queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class, lock);
            work.run();
        });
    }

    static boolean isPostgres(DataSource dataSource) {
        return "PostgreSQL".equals(productName(dataSource));
    }

    static String productName(DataSource dataSource) {
        return new JdbcTemplate(dataSource)
                .execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
    }

    @Bean
    CountryResolver countryResolver(RunOptions options) {
        CountryResolver bundled = CountryResolver.bundled();
        if (options.countryAliases() == null) return bundled;
        try {
            return bundled.withUserAliases(options.countryAliases());
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("country alias file " + options.countryAliases() + ": " + e.getMessage());
        }
    }

    @Bean
    StagingStore stagingStore(JdbcTemplate jdbc) {
        return new StagingStore(jdbc);
    }

    @Bean
    RunAggregation runAggregation(JdbcTemplate jdbc) {
        return new RunAggregation(jdbc);
    }

    @Bean
    ReportData reportData(JdbcTemplate jdbc, CountryResolver countries) {
        return new ReportData(jdbc, countries);
    }
}
