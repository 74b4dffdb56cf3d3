package org.armswatch.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The job run in this JVM as main() runs it, with what it printed and its exit code. */
record InProcessRun(int exitCode, String printed) {

    static InProcessRun of(List<String> args) {
        return of(args.toArray(String[]::new));
    }

    static InProcessRun of(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = ArmswatchApplication.run(args);
            return new InProcessRun(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
