package org.envmon.app;

import org.envmon.app.bench.BenchCommand;
import org.envmon.app.command.AqiCommand;
import org.envmon.app.command.BrokerCommand;
import org.envmon.app.command.DemoCommand;
import org.envmon.app.command.LeqCommand;
import org.envmon.app.command.ReplayCommand;
import org.envmon.app.command.RunCommand;
import org.envmon.app.command.WaterClassCommand;
import org.envmon.app.config.ConfigLoader.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code envmon} command. */
@Command(name = "envmon", mixinStandardHelpOptions = true, version = "envmon 0.1.0",
    description = "Environmental monitoring pipeline: station feeds -> Kafka -> standard-conformant "
        + "aggregates and alerts -> InfluxDB and subscribers.",
    subcommands = {DemoCommand.class, BrokerCommand.class, RunCommand.class, ReplayCommand.class,
        AqiCommand.class, WaterClassCommand.class, LeqCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class})
public final class EnvmonCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    // The JDK HTTP server (ingest, alerts, status APIs) otherwise waits ~40 ms per response for
    // Nagle's algorithm; it must be set before the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.exit(commandLine().execute(args));
  }

  /** The command line with envmon's error handling: operator errors print one line, exit 2. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new EnvmonCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof InvalidConfigException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("envmon: " + e.getMessage());
        return 2;
      }
      commandLine.getErr().println("envmon: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    });
    return cli;
  }
}
