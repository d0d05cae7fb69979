package org.envmon.app.config;

/** Prints the configuration table for docs/configuration.md. */
public final class ConfigDocs {
  private ConfigDocs() {}

  public static void main(String[] args) {
    System.out.print(EnvmonConfig.markdownTable());
  }
}
