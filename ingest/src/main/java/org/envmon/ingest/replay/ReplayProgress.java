package org.envmon.ingest.replay;

import java.time.Instant;

/**
 * A snapshot for the progress bar. Counts are cumulative since the replay started.
 *
 * @param linesRead       data lines read from all files
 * @param readingsSent    readings handed to Kafka
 * @param missingValues   values marked NA or empty, skipped
 * @param outOfRangeLines lines outside --from/--to, skipped
 * @param rejected        DLQ records written (malformed lines, unknown stations, invalid values)
 * @param bytesRead       bytes read from the files (compressed size for .gz)
 * @param totalBytes      size of all files; bytesRead / totalBytes is the fraction done
 * @param eventTime       event time of the last line read, or null before the first
 */
public record ReplayProgress(long linesRead, long readingsSent, long missingValues, long outOfRangeLines,
                             long rejected, long bytesRead, long totalBytes, Instant eventTime) {}
