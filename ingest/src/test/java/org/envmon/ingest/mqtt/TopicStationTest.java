package org.envmon.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicStationTest {
  @Test
  void theFirstPlusLevelOfTheFilterIsTheStation() {
    TopicStation station = new TopicStation("envmon/stations/+/readings");

    assertThat(station.namesStation()).isTrue();
    assertThat(station.of("envmon/stations/Dongsi/readings")).contains("Dongsi");
    assertThat(station.of("envmon/stations//readings")).isEmpty();
    assertThat(station.of("envmon")).isEmpty();
  }

  @Test
  void aSharedSubscriptionNamesTheStationOfItsFilter() {
    TopicStation station = new TopicStation("$share/envmon/envmon/stations/+/readings");

    assertThat(station.of("envmon/stations/Guanyuan/readings")).contains("Guanyuan");
  }

  @Test
  void aFilterWithoutPlusNamesNoStation() {
    TopicStation station = new TopicStation("plant/#");

    assertThat(station.namesStation()).isFalse();
    assertThat(station.of("plant/Dongsi")).isEmpty();
  }
}
