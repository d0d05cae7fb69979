package org.envmon.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka broker (embedded KRaft, free ports, temporary directory), started once
 * per test JVM on first use and stopped when the test run ends. Inject it as a {@link TestKafka}
 * parameter of a test, lifecycle method or constructor; use {@link WithKafka} on the class.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestKafka.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return kafka(context);
  }

  /** The shared broker, starting it if this is the first test to ask. */
  public static TestKafka kafka(ExtensionContext context) {
    // The root store lives for the whole test run and closes AutoCloseable values at its end.
    return context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(TestKafka.class, key -> TestKafka.start(), TestKafka.class);
  }
}
