package org.envmon.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a broker data directory by one embedded broker. Taken before Kafka touches the
 * directory: Kafka's own lock comes too late (its controller already writes the metadata log) and
 * its failure ends the whole JVM.
 */
final class DataDirLock implements AutoCloseable {
  static final String LOCK_FILE = "envmon-broker.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    Path file = dataDir.resolve(LOCK_FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(dataDir, "another process");
      }
      return new DataDirLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(dataDir, "another broker in this JVM");
    } catch (BrokerStartException e) {
      closeQuietly(channel);
      throw e;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BrokerStartException("cannot lock the Kafka data directory " + dataDir + ": " + e.getMessage()
          + " (check that it is writable)", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock as well.
    }
    closeQuietly(channel);
  }

  private static BrokerStartException inUse(Path dataDir, String byWhom) {
    return new BrokerStartException("the Kafka data directory " + dataDir + " is in use by " + byWhom
        + " (an envmon broker is running on it); stop that broker or choose another data directory");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }
}
