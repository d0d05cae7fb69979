package org.envmon.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.envmon.schemas.topics.Topic;

/**
 * Creates envmon's topics on any Kafka cluster (embedded or external), idempotently: topics that
 * already exist are left untouched, compacted topics get {@code cleanup.policy=compact}.
 */
public final class TopicAdmin {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LEADER_POLL = Duration.ofMillis(50);

  private final Map<String, Object> adminConfig;

  /** For a cluster reachable without authentication at {@code bootstrapServers}. */
  public TopicAdmin(String bootstrapServers) {
    this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** For any cluster: {@code adminConfig} holds bootstrap servers and any security settings. */
  public TopicAdmin(Map<String, Object> adminConfig) {
    if (!adminConfig.containsKey(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException("admin config needs " + AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }
    this.adminConfig = Map.copyOf(adminConfig);
  }

  /**
   * Creates every topic that does not exist yet with {@code partitions} partitions and replication
   * factor 1 (or the cluster default if it has more brokers); returns the names it created.
   */
  public Set<String> createTopics(Collection<? extends Topic<?, ?>> topics, int partitions) {
    return create(topics.stream().map(t -> newTopic(t.name(), partitions, t.compacted())).toList());
  }

  /** Creates one topic unless it exists; returns whether it created it. */
  public boolean createTopic(String name, int partitions, boolean compacted) {
    return !create(List.of(newTopic(name, partitions, compacted))).isEmpty();
  }

  /** Names of all non-internal topics of the cluster. */
  public Set<String> listTopics() {
    try (Admin admin = Admin.create(adminConfig)) {
      return admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list topics at " + bootstrap() + ": " + reason(e), e);
    }
  }

  private static NewTopic newTopic(String name, int partitions, boolean compacted) {
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
    }
    // Empty replication factor = the broker's default.replication.factor (1 on the embedded broker).
    NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
    if (compacted) {
      topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return topic;
  }

  private Set<String> create(List<NewTopic> topics) {
    Set<String> created = new LinkedHashSet<>();
    try (Admin admin = Admin.create(adminConfig)) {
      CreateTopicsResult result = admin.createTopics(topics);
      for (var entry : result.values().entrySet()) {
        try {
          entry.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + entry.getKey() + " at " + bootstrap()
                + ": " + reason(e), e);
          }
        }
      }
      awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topics at " + bootstrap() + " took longer than " + TIMEOUT
          + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "") + "; is the cluster reachable?", e);
    }
    return created;
  }

  /**
   * Waits until every partition of the topics has a leader: the controller confirms creation
   * before the brokers have applied it, and clients asking in between see no such topic.
   */
  private void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> described =
            admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        boolean ready = described.values().stream()
            .allMatch(d -> !d.partitions().isEmpty() && d.partitions().stream().allMatch(p -> p.leader() != null));
        if (ready) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException("cannot describe topics " + names + " at " + bootstrap() + ": " + reason(e), e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("topics " + names + " have no leader after " + TIMEOUT);
      }
      Thread.sleep(LEADER_POLL.toMillis());
    }
  }

  private Object bootstrap() {
    return adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
