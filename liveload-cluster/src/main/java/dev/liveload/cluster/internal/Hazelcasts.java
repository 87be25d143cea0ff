package dev.liveload.cluster.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/**
 * The one place that configures Hazelcast for LiveLoad: an explicit TCP-IP member list on one bound interface,
 * no multicast or auto-detection, no phone-home, fast failure detection (1 s heartbeats, 5 s to declare a member
 * dead), logs through SLF4J at WARN ({@link HazelcastLogs}), and no user code deployment.
 */
public final class Hazelcasts {
  /** Topic of per-second intervals of a run; suffixed with the run id. */
  public static final String INTERVALS = "liveload.intervals.";
  /** Topic of controller orders ({@code abort:<reason>}) and heartbeats; suffixed with the run id. */
  public static final String CONTROL = "liveload.control.";
  /** A member list of just {@code k8s:<service-dns>} joins through Kubernetes discovery instead. */
  public static final String KUBERNETES = "k8s:";
  /** Map of workers: member UUID → worker description (JSON). */
  public static final String WORKERS = "liveload.workers";

  private Hazelcasts() {}

  /**
   * Starts the controller's lite member and makes sure it joined workers: a lite member that finds nobody forms a
   * cluster of its own, which workers would only merge with minutes later, so it leaves and tries again.
   *
   * @param deadlineNanos give up after this ({@link System#nanoTime()} scale)
   * @return the member, in a cluster with at least one data member, or null when the deadline passed
   */
  public static HazelcastInstance startController(String cluster, List<String> members, String bind, int port,
      String name, long deadlineNanos) {
    while (true) {
      // Hazelcast's own join wait (300 s by default) must not outlast the cluster's join timeout.
      long left = Math.max(5, (deadlineNanos - System.nanoTime()) / 1_000_000_000L);
      HazelcastInstance hz;
      try {
        hz = start(cluster, members, bind, port, true, name, (int) Math.min(left, 300));
      } catch (IllegalStateException failedToJoin) {
        if (System.nanoTime() > deadlineNanos) {
          return null;
        }
        continue;
      }
      if (hz.getCluster().getMembers().stream().anyMatch(m -> !m.isLiteMember())) {
        return hz;
      }
      hz.shutdown();
      if (System.nanoTime() > deadlineNanos) {
        return null;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /**
   * Starts a member.
   *
   * @param cluster  cluster name (required: members of other clusters are refused)
   * @param members  explicit member addresses, {@code host:port} each
   * @param bind     the one interface to bind
   * @param port     first port to try (auto-incremented up to 100 ports)
   * @param lite     a lite member (the controller) holds no data and runs no tasks
   * @param name     instance name
   * @return the running member
   */
  public static HazelcastInstance start(String cluster, List<String> members, String bind, int port, boolean lite,
      String name) {
    return start(cluster, members, bind, port, lite, name, 300);
  }

  /**
   * Starts a member that waits at most {@code maxJoinSeconds} to join.
   *
   * @throws IllegalStateException when it could not join in that time (Hazelcast's "Node failed to start!")
   */
  public static HazelcastInstance start(String cluster, List<String> members, String bind, int port, boolean lite,
      String name, int maxJoinSeconds) {
    HazelcastLogs.install();
    Config config = new Config();
    config.setClusterName(cluster);
    config.setInstanceName(name);
    config.setLiteMember(lite);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.max.join.seconds", Integer.toString(maxJoinSeconds));
    // Members started at the same moment may form separate clusters; merge them in seconds, not minutes.
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.getJetConfig().setEnabled(false);
    config.getUserCodeDeploymentConfig().setEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true).setPortCount(100);
    network.getInterfaces().setEnabled(true).addInterface(bind);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (members.size() == 1 && members.get(0).startsWith(KUBERNETES)) {
      // Hazelcast's built-in Kubernetes discovery, DNS lookup mode: the members are a headless service's pods.
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", members.get(0).substring(KUBERNETES.length()));
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(2);
    }
    return Hazelcast.newHazelcastInstance(config);
  }
}
