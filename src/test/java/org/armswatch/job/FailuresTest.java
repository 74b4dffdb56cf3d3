package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The line an operator reads names what to change. */
class FailuresTest {

    @Test
    void theDeepestMessageWithoutTheStack() {
        assertThat(Failures.reason(
                        new IllegalStateException("step failed", new IOException("input/x.csv: no such file"))))
                .isEqualTo("input/x.csv: no such file");
    }

    @Test
    void runningOutOfMemorySaysHowToGiveTheJobMore() {
        String reason = Failures.reason(new RuntimeException("chunk failed", new OutOfMemoryError("Java heap space")));
        assertThat(reason)
                .startsWith("out of memory (Java heap space) with a maximum heap of ")
                .contains("ARMSWATCH_JAVA_OPTS=-Xmx1g bin/armswatch");
    }
}
