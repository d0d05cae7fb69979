package org.envmon.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free local port, started from the Debian binary (package
 * {@code mosquitto}), published to with the real {@code mosquitto_pub} ({@code mosquitto-clients}).
 * Anonymous, or with one user whose password only the test knows.
 */
public final class Mosquitto implements AutoCloseable {
  static final String BINARY = "/usr/sbin/mosquitto";
  static final String PUB = "/usr/bin/mosquitto_pub";
  static final String PASSWD = "/usr/bin/mosquitto_passwd";

  private final Process process;
  private final int port;
  private final Path log;
  /** user and password that mosquitto_pub logs in with, when the broker wants one. */
  private final Optional<List<String>> login;

  private Mosquitto(Process process, int port, Path log, Optional<List<String>> login) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.login = login;
  }

  /** An anonymous broker writing its files (configuration, log) into {@code dir}. */
  public static Mosquitto start(Path dir) throws IOException, InterruptedException {
    return start(dir, Optional.empty());
  }

  /** A broker that admits only {@code user} with {@code password}. */
  public static Mosquitto startWithLogin(Path dir, String user, String password)
      throws IOException, InterruptedException {
    return start(dir, Optional.of(List.of(user, password)));
  }

  private static Mosquitto start(Path dir, Optional<List<String>> login) throws IOException, InterruptedException {
    ExternalTool.require(BINARY, "mosquitto");
    ExternalTool.require(PUB, "mosquitto-clients");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String access = "allow_anonymous true\n";
    if (login.isPresent()) {
      ExternalTool.require(PASSWD, "mosquitto");
      Path passwords = dir.resolve("mosquitto.passwd");
      ExternalTool.run(List.of(PASSWD, "-b", "-c", passwords.toString(), login.get().get(0), login.get().get(1)), "");
      access = "allow_anonymous false\npassword_file " + passwords + "\n";
    }
    Path config = dir.resolve("mosquitto.conf");
    // Started as root, mosquitto would switch to the user mosquitto, who cannot read a password
    // file in the test's private directory: stay the user running the tests.
    Files.writeString(config, "listener " + port + " 127.0.0.1\n" + access + "persistence false\n"
        + "log_dest stdout\nconnection_messages true\nuser " + System.getProperty("user.name") + "\n");
    Path log = dir.resolve("mosquitto.log");
    Process process = new ProcessBuilder(BINARY, "-c", config.toString()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    Mosquitto mosquitto = new Mosquitto(process, port, log, login);
    await("mosquitto listening on port " + port).atMost(Duration.ofSeconds(10)).until(mosquitto::accepts);
    return mosquitto;
  }

  private boolean accepts() {
    if (!process.isAlive()) {
      throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + log);
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** What the broker logged so far (connections, refused logins). */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Publishes {@code payload} as one message with the real mosquitto_pub client, QoS 1, MQTT v5. */
  public void publish(String topic, String payload) throws IOException, InterruptedException {
    ExternalTool.run(pub(topic, "-s"), payload);
  }

  /** Publishes each line as its own message, in one run of the real mosquitto_pub, QoS 1, MQTT v5. */
  public void publishLines(String topic, List<String> lines) throws IOException, InterruptedException {
    ExternalTool.run(pub(topic, "-l"), String.join("\n", lines) + "\n");
  }

  private List<String> pub(String topic, String input) {
    List<String> command = new ArrayList<>(List.of(PUB, "-h", "127.0.0.1", "-p", String.valueOf(port),
        "-V", "mqttv5", "-q", "1", "-t", topic, input));
    login.ifPresent(l -> command.addAll(List.of("-u", l.get(0), "-P", l.get(1))));
    return command;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
