package org.envmon.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real InfluxDB 1.x server, started once per test JVM on first use and stopped at
 * the end of the run. Inject it as an {@link InfluxDbServer} parameter; use {@link WithInfluxDb}
 * on the class. Tests that stop the server must launch their own with {@link InfluxDbServer#launch()}.
 */
public final class InfluxDbExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InfluxDbExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == InfluxDbServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return influxDb(context);
  }

  /** The shared server, launching it if this is the first test to ask. */
  public static InfluxDbServer influxDb(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(InfluxDbServer.class, key -> InfluxDbServer.launch(), InfluxDbServer.class);
  }
}
