package org.envmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finding and checking local TCP ports for servers started by envmon and its tests. */
public final class FreePorts {
  private FreePorts() {}

  /**
   * {@code count} different ports that were free on {@code host} a moment ago. Another process
   * may take one before the caller binds it; callers that chose ports this way retry with new
   * ones on a bind failure.
   */
  public static int[] pickDistinct(String host, int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      InetAddress address = InetAddress.getByName(host);
      int[] ports = new int[count];
      // All sockets stay open until every port is chosen, so the OS cannot hand out one twice.
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, address);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + count + " local ports on " + host + ": " + e.getMessage(), e);
    } finally {
      for (ServerSocket socket : sockets) {
        closeQuietly(socket);
      }
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // The port is released either way.
      }
    }
  }

  /** Whether nothing listens on {@code host:port} (the port can be bound right now). */
  public static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // SO_REUSEADDR as servers set it, so a port in TIME_WAIT after our own restart counts as free.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
