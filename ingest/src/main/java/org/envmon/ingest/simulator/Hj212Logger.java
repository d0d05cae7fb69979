package org.envmon.ingest.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.envmon.ingest.core.ReadingValidator.Candidate;
import org.envmon.ingest.hj212.Hj212CodeTable;
import org.envmon.ingest.hj212.Hj212Crc;
import org.envmon.standards.BeijingZone;
import org.envmon.standards.Parameter;

/**
 * A simulated data logger: sends a station's hourly data as HJ 212-2017 CN=2061 packets over
 * one TCP connection, asks for the data answer (Flag A bit) and waits for the 9014 before the
 * next packet, as a real logger does. Used by the demo so simulated air stations reach envmon
 * through the real HJ 212 receiver.
 */
public final class Hj212Logger implements AutoCloseable {
  private static final DateTimeFormatter DATA_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(BeijingZone.OFFSET);
  private static final DateTimeFormatter QN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(BeijingZone.OFFSET);

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String mn;
  private final String password;
  private final Hj212CodeTable codes;

  public Hj212Logger(InetSocketAddress server, String mn, String password, Hj212CodeTable codes, Duration timeout)
      throws IOException {
    this.socket = new Socket();
    socket.connect(server, (int) timeout.toMillis());
    socket.setSoTimeout((int) timeout.toMillis());
    socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
    this.mn = mn;
    this.password = password;
    this.codes = codes;
  }

  /**
   * Sends one hour of a station's values (all of one DataTime) and waits for the answer.
   *
   * @return true when envmon answered 9014 (it has the data in Kafka)
   */
  public boolean sendHour(Instant dataTime, List<Candidate> values) throws IOException {
    StringBuilder cp = new StringBuilder("DataTime=").append(DATA_TIME.format(dataTime));
    for (Candidate c : values) {
      Parameter p = Parameter.fromCode(c.parameter()).orElseThrow(
          () -> new IllegalArgumentException("unknown parameter " + c.parameter()));
      String code = codes.codeOf(p).orElseThrow(
          () -> new IllegalArgumentException("no HJ 212 code for " + p + " in the code table"));
      cp.append(';').append(code).append("-Avg=").append(c.value())
          .append(',').append(code).append("-Flag=").append(c.flag() == null ? "N" : c.flag());
    }
    String qn = QN.format(Instant.now());
    String data = "QN=" + qn + ";ST=22;CN=2061;PW=" + password + ";MN=" + mn + ";Flag=5;CP=&&" + cp + "&&";
    byte[] body = data.getBytes(StandardCharsets.US_ASCII);
    String frame = String.format("##%04d%s%s\r\n", body.length, data, Hj212Crc.hex(Hj212Crc.hj212(body)));
    out.write(frame.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String answer = readLine();
    return answer.contains("CN=9014") && answer.contains("QN=" + qn);
  }

  private String readLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b; (b = in.read()) != -1; ) {
      if (b == '\n') {
        return sb.toString();
      }
      sb.append((char) b);
    }
    throw new IOException("envmon closed the HJ 212 connection without answering");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
