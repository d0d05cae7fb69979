package org.envmon.ingest.hj212;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A data logger for tests: a plain {@link Socket} that writes frames byte for byte, optionally in
 * several TCP segments, and reads the platform's CR LF-terminated answers.
 */
final class LoggerClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  LoggerClient(int port, Duration readTimeout) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true); // every write leaves as its own segment
    socket.setSoTimeout((int) readTimeout.toMillis());
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** The address the server sees this logger at, as it names it in dead letters. */
  String address() {
    return socket.getLocalSocketAddress().toString();
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Writes {@code bytes} in {@code parts} separate writes with a short pause between them, so
   * the server receives them as separate reads (the pause only spaces the segments out; nothing
   * waits on it for a result).
   */
  void sendInParts(byte[] bytes, int parts) throws IOException, InterruptedException {
    int step = (bytes.length + parts - 1) / parts;
    for (int from = 0; from < bytes.length; from += step) {
      send(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + step)));
      Thread.sleep(100);
    }
  }

  /** The next answer without CR LF; fails if none arrives within the read timeout. */
  String readAnswer() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("server closed the connection; received so far: "
            + line.toString(StandardCharsets.UTF_8));
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
  }

  /** True if the server closed the connection (end of stream) within {@code wait}. */
  boolean closedByServer(Duration wait) throws IOException {
    int timeout = socket.getSoTimeout();
    socket.setSoTimeout((int) wait.toMillis());
    try {
      return closedByServer();
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(timeout);
      }
    }
  }

  /** True if the server closed the connection (end of stream) before the read timeout. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by peer
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
