package org.envmon.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real command-line peers the integration tests need (mosquitto_pub, kcat, keytool). */
public final class ExternalTool {
  private ExternalTool() {}

  /** The executable, or a failed test telling how to install it. */
  public static Path require(String path, String debianPackage) {
    Path p = Path.of(path);
    if (!Files.isExecutable(p)) {
      fail(path + " not found (Debian package " + debianPackage + "): run scripts/test (installs mosquitto, "
          + "mosquitto-clients and kcat)");
    }
    return p;
  }

  /** Runs the command with {@code stdin} as input and fails the test unless it exits 0 within 30 s. */
  public static void run(List<String> command, String stdin) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      process.destroyForcibly();
      fail(command + " did not finish within 30 s; output: " + output);
    }
    if (process.exitValue() != 0) {
      fail("exit code " + process.exitValue() + " of " + command + ", output: " + output);
    }
  }
}
