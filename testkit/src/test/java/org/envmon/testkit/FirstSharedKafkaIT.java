package org.envmon.testkit;

import org.junit.jupiter.api.Test;

/** One of two classes proving that every test class of a JVM shares one started broker. */
@WithKafka
class FirstSharedKafkaIT {
  @Test
  void usesTheOneSharedBroker(TestKafka kafka) throws Exception {
    SharedBrokerProbe.assertSharedAndStartedOnce(kafka);
    SharedBrokerProbe.assertRoundTrip(kafka, "first");
  }
}
