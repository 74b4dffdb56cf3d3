package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateConfigurationTest {

    @Test
    void aPostgresUrlGetsBatchedInsertsUnlessItSaysOtherwise() {
        assertThat(StateConfiguration.batchedInserts("jdbc:postgresql://db/armswatch"))
                .isEqualTo("jdbc:postgresql://db/armswatch?reWriteBatchedInserts=true");
        assertThat(StateConfiguration.batchedInserts("jdbc:postgresql://db/armswatch?user=a"))
                .isEqualTo("jdbc:postgresql://db/armswatch?user=a&reWriteBatchedInserts=true");
        assertThat(StateConfiguration.batchedInserts("jdbc:postgresql://db/a?reWriteBatchedInserts=false"))
                .isEqualTo("jdbc:postgresql://db/a?reWriteBatchedInserts=false");
        assertThat(StateConfiguration.batchedInserts("jdbc:h2:file:/tmp/x")).isEqualTo("jdbc:h2:file:/tmp/x");
    }
}
