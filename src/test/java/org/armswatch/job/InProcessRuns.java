package org.armswatch.job;

import java.nio.file.Path;

/** The job run in this JVM, for tests of other packages that read what a run wrote. */
public final class InProcessRuns {

    private InProcessRuns() {}

    /**
     * Runs the job on a copy of the bundled input/ into dir/output; fails unless it exits 0. @return the output folder
     */
    public static Path bundled(Path dir, String runDate) throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        int code = ArmswatchApplication.run("--input=" + input, "--output=" + output, "--run-date=" + runDate);
        if (code != 0) throw new AssertionError("the job exited " + code);
        return output;
    }
}
