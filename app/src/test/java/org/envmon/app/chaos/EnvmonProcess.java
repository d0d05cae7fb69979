package org.envmon.app.chaos;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One {@code envmon} subcommand running as its own OS process ({@code java -cp
 * <build>/classes:<build>/lib/* org.envmon.app.EnvmonCli ...}), started from the repository root,
 * its output appended to a log file. It can be killed hard (SIGKILL) and started again with
 * the same arguments, which is what the chaos run does to it.
 */
final class EnvmonProcess implements AutoCloseable {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Path repoRoot;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  /**
   * @param name    short name for messages and the log file ({@code <logDir>/<name>.log})
   * @param build   directory with the application's {@code classes} and {@code lib} (see {@link AppBuild})
   * @param heap    maximum heap of the JVM, e.g. {@code 512m}
   * @param args    the envmon arguments, e.g. {@code broker --data-dir ...}
   */
  EnvmonProcess(String name, Path repoRoot, Path build, Path logDir, String heap, List<String> args) {
    this.name = name;
    this.repoRoot = repoRoot;
    this.log = logDir.resolve(name + ".log");
    String classpath = build.resolve("classes") + File.pathSeparator + build.resolve("lib") + File.separator + "*";
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+UseSerialGC",
        "-cp", classpath, "org.envmon.app.EnvmonCli"));
    cmd.addAll(args);
    this.command = List.copyOf(cmd);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts the process (again), appending to its log. */
  synchronized EnvmonProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.writeString(log, "---- start " + (++starts) + ": " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start envmon " + name + ": " + e.getMessage(), e);
    }
    return this;
  }

  /**
   * Waits until the log of the current start contains {@code line} (the process says it is ready).
   *
   * @throws IllegalStateException when the process exits first or the timeout passes; the message
   *                               ends with the log's tail
   */
  EnvmonProcess awaitLog(String line, Duration timeout) {
    int start = starts;
    try {
      Awaitility.await(name + " printing '" + line + "'").atMost(timeout).pollInterval(Duration.ofMillis(200))
          .until(() -> {
            if (!isAlive()) {
              throw new IllegalStateException("envmon " + name + " exited with code " + exitCode()
                  + " before printing '" + line + "'; its log " + log + " ends with:\n" + logTail());
            }
            return currentStartLog(start).contains(line);
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("envmon " + name + " did not print '" + line + "' within " + timeout
          + "; its log " + log + " ends with:\n" + logTail(), e);
    }
    return this;
  }

  /** Waits for a normal exit and returns its code; kills the process on timeout. */
  int awaitExit(Duration timeout) throws InterruptedException {
    Process p = current();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new IllegalStateException("envmon " + name + " did not finish within " + timeout
          + "; its log " + log + " ends with:\n" + logTail());
    }
    return p.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  void kill() throws InterruptedException {
    Process p = current();
    p.destroyForcibly();
    p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path log() {
    return log;
  }

  String logTail() {
    List<String> lines = logLines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private String currentStartLog(int start) {
    String all = String.join("\n", logLines());
    int at = all.lastIndexOf("---- start " + start + ":");
    return at < 0 ? "" : all.substring(at);
  }

  private List<String> logLines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return List.of("(log unreadable: " + e.getMessage() + ")");
    }
  }

  private synchronized Process current() {
    if (process == null) {
      throw new IllegalStateException("envmon " + name + " was never started");
    }
    return process;
  }

  private String exitCode() {
    Process p = current();
    return p.isAlive() ? "(running)" : String.valueOf(p.exitValue());
  }

  /** Stops the process gracefully (SIGTERM, shutdown hooks run), SIGKILL if it does not end in time. */
  @Override
  public void close() {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }
}
