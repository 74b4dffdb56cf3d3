package org.armswatch.publish;

import java.util.Locale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * manifest.json: what a run read and wrote, with checksums, counts and step durations. The clock
 * time of the run lives here, not in the workbook, so that workbooks of the same inputs match.
 */
public final class Manifest {

    /** An input file as the manifest lists it. */
    public record Input(String name, String sha256, long bytes, int rowsRead, int rowsUsed, int rowsRejected,
                        int rowsReplaced, int rowsSkipped) {}

    private Manifest() {}

    public static void write(Path runFolder, LocalDate runDate, long runId, String period, Instant startedAt,
                             Instant finishedAt, List<Input> inputs, Map<String, Double> stepSeconds) throws IOException {
        StringBuilder json = new StringBuilder(4096);
        json.append("{\n");
        field(json, "runDate", runDate.toString()).append(",\n");
        json.append("  \"runId\": ").append(runId).append(",\n");
        field(json, "period", period).append(",\n");
        field(json, "startedAt", startedAt.toString()).append(",\n");
        field(json, "finishedAt", finishedAt.toString()).append(",\n");
        json.append("  \"inputs\": [");
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(in.name()))
                    .append(", \"sha256\": ").append(quote(in.sha256())).append(", \"bytes\": ").append(in.bytes())
                    .append(", \"rowsRead\": ").append(in.rowsRead()).append(", \"rowsUsed\": ").append(in.rowsUsed())
                    .append(", \"rowsRejected\": ").append(in.rowsRejected())
                    .append(", \"rowsReplaced\": ").append(in.rowsReplaced())
                    .append(", \"rowsSkipped\": ").append(in.rowsSkipped()).append('}');
        }
        json.append("\n  ],\n  \"outputs\": [");
        List<Path> outputs;
        try (Stream<Path> walk = Files.walk(runFolder)) {
            outputs = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("manifest.json"))
                    .sorted().toList();
        }
        for (int i = 0; i < outputs.size(); i++) {
            Path p = outputs.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ")
                    .append(quote(runFolder.relativize(p).toString().replace('\\', '/')))
                    .append(", \"sha256\": ").append(quote(sha256(p))).append(", \"bytes\": ").append(Files.size(p)).append('}');
        }
        json.append("\n  ],\n  \"stepSeconds\": {");
        int i = 0;
        for (Map.Entry<String, Double> e : stepSeconds.entrySet()) {
            json.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ")
                    .append(String.format(Locale.ROOT, "%.3f", e.getValue()));
        }
        json.append("\n  }\n}\n");
        Files.writeString(runFolder.resolve("manifest.json"), json);
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

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append("  ").append(quote(name)).append(": ").append(quote(value));
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c)); else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
