package org.armswatch.job;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 server for the tests, started once per test JVM from the binaries Maven Central ships
 * (io.zonky.test.postgres), and stopped when the JVM ends. Each test gets a database of its own. With
 * ARMSWATCH_TEST_POSTGRES (a JDBC URL of an existing server's maintenance database, user included) the tests use that
 * server instead. PostgreSQL refuses to run as root: as root, the server runs as the user postgres (or nobody).
 */
final class PostgresServer {

    static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    /** The maintenance database's URL, e.g. jdbc:postgresql://localhost:5432/postgres?user=armswatch. */
    private final String adminUrl;

    private PostgresServer(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    static synchronized PostgresServer shared() throws IOException, InterruptedException {
        if (shared != null) return shared;
        String given = System.getenv("ARMSWATCH_TEST_POSTGRES");
        shared = new PostgresServer(given != null && !given.isBlank() ? given : start());
        return shared;
    }

    /** A new, empty database on the server, as the URL the job takes (--spring.datasource.url=...). */
    String freshDatabase() throws SQLException {
        String name = "armswatch_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int path = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', path);
        return adminUrl.substring(0, path + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    private static String start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("armswatch-postgres");
        Path dist = home.resolve("dist");
        Path data = home.resolve("data");
        Files.createDirectories(dist);
        try (InputStream txz = PostgresServer.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (txz == null) throw new IllegalStateException(BINARIES + " is not on the test classpath (see pom.xml)");
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", dist.toString())
                    .redirectErrorStream(true)
                    .start();
            try (var in = tar.getOutputStream()) {
                txz.transferTo(in);
            }
            check(tar, "tar");
        }
        List<String> asUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = exists("postgres") ? "postgres" : "nobody";
            run(List.of("chmod", "-R", "a+rwX", home.toString()));
            asUser.addAll(List.of("runuser", "-u", user, "--"));
        }
        // initdb makes the data folder itself, so that the server's user owns it.
        List<String> initdb = new ArrayList<>(asUser);
        initdb.addAll(List.of(
                dist.resolve("bin/initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "armswatch",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C"));
        run(initdb);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> start = new ArrayList<>(asUser);
        start.addAll(List.of(
                dist.resolve("bin/pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-l",
                home.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=localhost -c fsync=off",
                "start"));
        run(start);
        List<String> stop = new ArrayList<>(asUser);
        stop.addAll(List.of(dist.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder(stop).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the JVM ends; a server left running dies with the machine's next clean-up of /tmp
            }
        }));
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=armswatch";
    }

    private static boolean exists(String user) throws IOException, InterruptedException {
        return new ProcessBuilder("id", user).start().waitFor() == 0;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        check(new ProcessBuilder(command).redirectErrorStream(true).start(), String.join(" ", command));
    }

    private static void check(Process p, String what) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + out);
        }
    }
}
