package org.envmon.ingest.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one replay file, plain or gzip (detected by its magic bytes, not its name), line by
 * line so that a broken line (a stray quote, a wrong field count) costs only that line.
 */
final class ReplayFileReader implements Iterator<ReplayLine>, AutoCloseable {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

  private final String name;
  private final CountingInputStream counted;
  private final BufferedReader reader;
  private final CsvLayout layout;
  private long lineNumber = 1;
  private Instant lastTime = Instant.EPOCH;
  private ReplayLine next;

  private ReplayFileReader(String name, CountingInputStream counted, BufferedReader reader, CsvLayout layout) {
    this.name = name;
    this.counted = counted;
    this.reader = reader;
    this.layout = layout;
  }

  /**
   * Opens the file and recognises its layout from the header.
   *
   * @throws IllegalArgumentException if the header is neither the UCI nor the generic layout
   * @throws UncheckedIOException if the file cannot be read
   */
  static ReplayFileReader open(Path file) {
    String name = file.toString();
    CountingInputStream counted = null;
    try {
      counted = new CountingInputStream(Files.newInputStream(file));
      BufferedInputStream buffered = new BufferedInputStream(counted);
      buffered.mark(2);
      boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
      InputStream data = gzip ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
      BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 64 * 1024);
      String header = reader.readLine();
      if (header == null) {
        throw new IllegalArgumentException("replay file " + name + " is empty; it needs a header line");
      }
      List<String> headerFields = fields(header.replace("\uFEFF", ""));
      Optional<CsvLayout> layout = headerFields == null ? Optional.empty() : CsvLayout.forHeader(headerFields);
      if (layout.isEmpty()) {
        throw new IllegalArgumentException("replay file " + name + ": header '" + header + "' is not a known layout;"
            + " expected the UCI layout (No,year,month,day,hour,PM2.5,PM10,SO2,NO2,CO,O3,...,station) or the generic"
            + " one (station,parameter,time,value,unit)");
      }
      return new ReplayFileReader(name, counted, reader, layout.get());
    } catch (IOException e) {
      closeQuietly(counted);
      throw new UncheckedIOException("cannot read replay file " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(counted);
      throw e;
    }
  }

  /** Compressed bytes consumed so far, for progress. */
  long bytesRead() {
    return counted.count;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readLine();
    }
    return next != null;
  }

  @Override
  public ReplayLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException(name + " has no more lines");
    }
    ReplayLine line = next;
    next = null;
    return line;
  }

  private ReplayLine readLine() {
    try {
      String raw;
      do {
        raw = reader.readLine();
        lineNumber++;
      } while (raw != null && raw.isBlank());
      if (raw == null) {
        return null;
      }
      List<String> fields = fields(raw);
      ReplayLine line = fields == null
          ? new ReplayLine.Malformed(name, lineNumber, lastTime, "not a CSV line (unbalanced quotes)", raw)
          : layout.parse(name, lineNumber, fields, raw, lastTime);
      if (line instanceof ReplayLine.Parsed) {
        lastTime = line.time();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read replay file " + name + " after line " + lineNumber + ": "
          + e.getMessage(), e);
    }
  }

  /** The fields of one line, or null if it is not valid CSV. */
  private static List<String> fields(String line) {
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      return records.size() == 1 ? records.get(0).toList() : null;
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close replay file " + name, e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the open failure being reported matters more
      }
    }
  }

  /** Counts the bytes taken from the file, before decompression. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
