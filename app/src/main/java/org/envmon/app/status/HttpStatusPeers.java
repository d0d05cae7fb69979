package org.envmon.app.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;
import org.envmon.streams.status.StatusPeers;
import org.envmon.streams.status.StatusUnavailableException;
import org.envmon.streams.status.StatusView;

/** Asks other envmon instances' status servers for the store parts they hold, over HTTP. */
final class HttpStatusPeers implements StatusPeers {
  private final HttpClient client;
  private final Duration timeout;

  HttpStatusPeers(Duration timeout) {
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
  }

  @Override
  public <T> List<T> all(HostInfo peer, StatusView<?, T> view) {
    return fetch(peer, view, "");
  }

  @Override
  public <T> List<T> get(HostInfo peer, StatusView<?, T> view, List<String> keys) {
    return fetch(peer, view, keys.stream().map(k -> "key=" + URLEncoder.encode(k, StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", "")));
  }

  private <T> List<T> fetch(HostInfo peer, StatusView<?, T> view, String query) {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + StatusPaths.PEER + view.store() + query);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StatusUnavailableException("instance " + peer + " holding part of " + view.store()
          + " did not answer (" + e.getMessage() + "); it may be restarting", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatusUnavailableException("interrupted while asking instance " + peer, e);
    }
    if (response.statusCode() == 503) {
      throw new StatusUnavailableException("instance " + peer + " cannot answer for " + view.store()
          + " right now: " + new String(response.body(), StandardCharsets.UTF_8));
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("instance " + peer + " answered " + response.statusCode() + " for " + uri
          + ": " + new String(response.body(), StandardCharsets.UTF_8)
          + " (are all instances running the same envmon version?)");
    }
    try {
      return StatusJson.readList(response.body(), view);
    } catch (IOException e) {
      throw new IllegalStateException("instance " + peer + " sent unreadable JSON for " + view.store()
          + " (are all instances running the same envmon version?)", e);
    }
  }
}
