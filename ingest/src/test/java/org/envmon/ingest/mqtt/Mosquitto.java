package org.envmon.ingest.mqtt;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.envmon.ingest.json.ExternalTool;

/** A real Mosquitto broker on a free local port, started from the Debian binary for one test class. */
final class Mosquitto implements AutoCloseable {
  static final String BINARY = "/usr/sbin/mosquitto";
  static final String PUB = "/usr/bin/mosquitto_pub";

  private final Process process;
  private final int port;

  private Mosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Mosquitto start(Path dir) throws IOException {
    ExternalTool.require(BINARY, "mosquitto");
    ExternalTool.require(PUB, "mosquitto-clients");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
        + "log_dest stdout\n");
    Process process = new ProcessBuilder(BINARY, "-c", config.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
    Mosquitto mosquitto = new Mosquitto(process, port);
    await("mosquitto listening on port " + port).atMost(Duration.ofSeconds(10)).until(mosquitto::accepts);
    return mosquitto;
  }

  private boolean accepts() {
    if (!process.isAlive()) {
      throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see mosquitto.log");
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Publishes with the real mosquitto_pub client, QoS 1, MQTT v5. */
  void publish(String topic, String payload) throws IOException, InterruptedException {
    ExternalTool.run(List.of(PUB, "-h", "127.0.0.1", "-p", String.valueOf(port), "-V", "mqttv5", "-q", "1",
        "-t", topic, "-s"), payload);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
