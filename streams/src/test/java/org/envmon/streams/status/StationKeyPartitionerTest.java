package org.envmon.streams.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StationKeyPartitionerTest {
  private static int producerPartition(String station, int partitions) {
    return BuiltInPartitioner.partitionForKey(new StringSerializer().serialize("envmon.readings", station), partitions);
  }

  @Test
  void aStatusKeyGoesWhereKafkaPutsItsStationsReadings() {
    for (String station : new String[] {"Dongsi", "Tiantan", "load-00042", "东四", "half-load-00999"}) {
      for (int partitions : new int[] {1, 3, 4, 12}) {
        Set<Integer> expected = Set.of(producerPartition(station, partitions));
        assertThat(StationKeyPartitioner.INSTANCE.partitions("t", station + "|PM2_5", null, partitions))
            .as("%s over %d", station, partitions).contains(expected);
        assertThat(StationKeyPartitioner.INSTANCE.partitions("t", station + "|DAY", null, partitions)).contains(expected);
      }
    }
  }

  @Test
  void theStationIsEverythingBeforeTheLastSeparator() {
    assertThat(StationKeyPartitioner.INSTANCE.partitions("t", "park|a|VOC_TOTAL", null, 12))
        .contains(Set.of(producerPartition("park|a", 12)));
    assertThatThrownBy(() -> StationKeyPartitioner.INSTANCE.partitions("t", "Dongsi", null, 3))
        .hasMessageContaining("'Dongsi' is not a station|... status key");
  }
}
