package org.armswatch.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * manifest.json: what a run read and wrote, with checksums, counts and step durations. The clock time of the run lives
 * here, not in the workbook, so that workbooks of the same inputs match.
 *
 * @param outputs every file of the run folder but the manifest itself, by path within the folder
 * @param stepSeconds each step's duration (a partitioned step's partitions are summed under the step)
 */
public record Manifest(
        LocalDate runDate,
        long runId,
        String period,
        Instant startedAt,
        Instant finishedAt,
        List<Input> inputs,
        List<Output> outputs,
        Map<String, Double> stepSeconds) {

    /** An input file as the manifest lists it. */
    public record Input(
            String name,
            String sha256,
            long bytes,
            int rowsRead,
            int rowsUsed,
            int rowsRejected,
            int rowsReplaced,
            int rowsSkipped) {}

    /** A file the run wrote. */
    public record Output(String name, String sha256, long bytes) {}

    public static final String FILE_NAME = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Lists the run folder's files and writes the manifest among them. */
    public static void write(
            Path runFolder,
            LocalDate runDate,
            long runId,
            String period,
            Instant startedAt,
            Instant finishedAt,
            List<Input> inputs,
            Map<String, Double> stepSeconds)
            throws IOException {
        List<Output> outputs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(runFolder)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(FILE_NAME))
                    .sorted()
                    .toList()) {
                outputs.add(
                        new Output(runFolder.relativize(p).toString().replace('\\', '/'), sha256(p), Files.size(p)));
            }
        }
        Map<String, Double> rounded = new LinkedHashMap<>();
        stepSeconds.forEach((step, seconds) -> rounded.put(step, Math.round(seconds * 1000) / 1000.0));
        Manifest manifest = new Manifest(runDate, runId, period, startedAt, finishedAt, inputs, outputs, rounded);
        Files.writeString(runFolder.resolve(FILE_NAME), JSON.writeValueAsString(manifest) + "\n");
    }

    /** The manifest of a run folder, as written. */
    public static Manifest read(Path runFolder) throws IOException {
        return JSON.readValue(Files.readString(runFolder.resolve(FILE_NAME)), Manifest.class);
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
