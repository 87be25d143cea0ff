package dev.liveload.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import dev.liveload.InvalidOptionException;
import dev.liveload.cluster.internal.Hazelcasts;
import dev.liveload.cluster.internal.Messages;
import dev.liveload.cluster.internal.PlanCodec;
import dev.liveload.cluster.internal.Secrets;
import dev.liveload.cluster.internal.Signer;
import dev.liveload.cluster.internal.WorkerRuntime;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load generator of a distributed run: a JVM with the scenarios on its class path that joins the cluster and
 * runs whatever part of a run a controller sends it — but only plans signed with the cluster's shared secret, and
 * only when its scenario classes are the controller's (start every worker from the same jar of test classes and
 * dependencies). It tells of members joining and leaving in one line each (the CLI prints them; an embedded worker
 * logs them at INFO); Hazelcast's own log is at WARN.
 *
 * <pre>
 * java -cp my-app-1.0-load-tests.jar dev.liveload.cluster.Worker \
 *     --cluster load-test --members 10.0.0.11:5701,10.0.0.12:5701 --bind 10.0.0.11 --secret-file /etc/liveload/secret
 * </pre>
 *
 * <pre>{@code
 * try (Worker worker = Worker.builder().cluster("load-test").members("127.0.0.1:5701").start()) {
 *   worker.awaitShutdown();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private final HazelcastInstance hazelcast;
  private final String name;
  private final CountDownLatch closed = new CountDownLatch(1);

  private final java.util.function.Consumer<String> events;

  private Worker(HazelcastInstance hazelcast, String name, java.util.function.Consumer<String> events) {
    this.hazelcast = hazelcast;
    this.name = name;
    this.events = events;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return this worker's name */
  public String name() {
    return name;
  }

  /** Blocks until the worker is closed (or the JVM is interrupted). */
  public void awaitShutdown() throws InterruptedException {
    closed.await();
  }

  /** Leaves the cluster; a run in progress on this worker stops (its controller marks it failed). */
  @Override
  public void close() {
    try {
      hazelcast.getMap(Hazelcasts.WORKERS).remove(hazelcast.getCluster().getLocalMember().getUuid().toString());
    } catch (RuntimeException ignored) {
      // leaving anyway
    }
    if (closed.getCount() > 0) {
      hazelcast.shutdown();
      events.accept("LiveLoad worker " + name + " left the cluster");
    }
    closed.countDown();
  }

  /**
   * Runs a worker until the JVM stops. Options: {@code --cluster NAME} (required), {@code --members h1:p,h2:p}
   * (required), {@code --bind ADDRESS} (default 127.0.0.1), {@code --port N} (default 5701), {@code --name N},
   * {@code --secret-file FILE} (else {@code LIVELOAD_CLUSTER_SECRET}; required unless bound to loopback),
   * {@code --capacity N} (share of load, default the number of cores).
   *
   * @param args the options
   */
  public static void main(String[] args) throws InterruptedException {
    Builder b = builder();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        switch (a) {
          case "--cluster" -> b.cluster(value(a, v));
          case "--members" -> b.members(value(a, v).split(","));
          case "--bind" -> b.bind(value(a, v));
          case "--port" -> b.port(Integer.parseInt(value(a, v)));
          case "--name" -> b.name(value(a, v));
          case "--secret-file" -> b.secretFile(Path.of(value(a, v)));
          case "--capacity" -> b.capacity(Double.parseDouble(value(a, v)));
          case "--help", "-h" -> {
            System.out.println(USAGE);
            return;
          }
          default -> throw new InvalidOptionException("argument", a, "unknown; " + USAGE);
        }
        i++;
      }
      b.events = System.out::println;
      Worker worker = b.start();
      Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
      worker.awaitShutdown();
    } catch (InvalidOptionException | NumberFormatException e) {
      System.err.println("worker not started: " + e.getMessage());
      System.exit(2);
    }
  }

  private static final String USAGE = "usage: Worker --cluster NAME --members host:port[,host:port...] "
      + "[--bind 127.0.0.1] [--port 5701] [--name NAME] [--secret-file FILE] [--capacity N]";

  private static String value(String option, String v) {
    if (v == null || v.startsWith("--")) {
      throw new InvalidOptionException(option, null, "needs a value; " + USAGE);
    }
    return v;
  }

  /**
   * Configures a worker. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private String cluster;
    private final List<String> members = new ArrayList<>();
    private String bind = "127.0.0.1";
    private int port = 5701;
    private String name;
    private String secret;
    private Path secretFile;
    private double capacity = Runtime.getRuntime().availableProcessors();
    /** Where membership changes are told: the CLI prints them, an embedded worker logs them. */
    private java.util.function.Consumer<String> events = LOG::info;

    private Builder() {}

    /** @param name the cluster name, required @return this builder */
    public Builder cluster(String name) {
      this.cluster = name;
      return this;
    }

    /**
     * @param addresses members to contact, {@code host:port} each, or one {@code k8s:<headless-service-dns>} for
     *                  Kubernetes discovery
     * @return this builder
     */
    public Builder members(String... addresses) {
      Arrays.stream(addresses).map(String::trim).filter(s -> !s.isEmpty()).forEach(members::add);
      return this;
    }

    /** @param address the one interface to bind (default 127.0.0.1) @return this builder */
    public Builder bind(String address) {
      this.bind = address;
      return this;
    }

    /** @param port first port to try, 1..65535 (default 5701, auto-incremented) @return this builder */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new InvalidOptionException("port", port, "must be between 1 and 65535");
      }
      this.port = port;
      return this;
    }

    /** @param name the worker's name in results (default host and port) @return this builder */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** @param secret the shared secret plans are signed with @return this builder */
    public Builder secret(String secret) {
      this.secret = secret;
      return this;
    }

    /** @param file a file holding the shared secret @return this builder */
    public Builder secretFile(Path file) {
      this.secretFile = file;
      return this;
    }

    /** @param capacity this worker's share of load relative to others, > 0 (default: cores) @return this builder */
    public Builder capacity(double capacity) {
      if (!(capacity > 0)) {
        throw new InvalidOptionException("capacity", capacity, "must be > 0");
      }
      this.capacity = capacity;
      return this;
    }

    /**
     * Joins the cluster.
     *
     * @return the running worker
     * @throws InvalidOptionException when the cluster name or members are missing, or a secret is needed
     */
    public Worker start() {
      if (cluster == null || cluster.isBlank()) {
        throw new InvalidOptionException("cluster", cluster, "a cluster name is required");
      }
      if (members.isEmpty()) {
        throw new InvalidOptionException("members", "none", "list the cluster members, host:port each");
      }
      byte[] key = Secrets.resolve(secret, secretFile, bind);
      HazelcastInstance hz = Hazelcasts.start(cluster, members, bind, port, false,
          "liveload-worker-" + (name == null ? port : name));
      var address = hz.getCluster().getLocalMember().getAddress();
      String workerName = name != null ? name : address.getHost() + ":" + address.getPort();
      var info = new Messages.WorkerInfo(workerName, host(), address.getHost() + ":" + address.getPort(),
          Runtime.getRuntime().availableProcessors(), capacity);
      WorkerRuntime.install(new WorkerRuntime(hz, new Signer(key), info));
      String registration = PlanCodec.toJson(info);
      Runnable register = () -> {
        try {
          if (hz.getLifecycleService().isRunning()) {
            hz.getMap(Hazelcasts.WORKERS).set(hz.getCluster().getLocalMember().getUuid().toString(), registration);
          }
        } catch (RuntimeException stopping) {
          // the member is shutting down: nothing to register with
        }
      };
      register.run();
      // Registry entries can be lost when partitions move after a member failed, and a member that merged after a
      // split gets a new identity: register again (idempotent) after every membership change and merge, off
      // Hazelcast's event threads.
      hz.getLifecycleService().addLifecycleListener(event -> {
        if (event.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.MERGED) {
          Thread.ofVirtual().name("liveload-worker-register").start(register);
        }
      });
      var told = events;
      long controllers = hz.getCluster().getMembers().stream().filter(Member::isLiteMember).count();
      told.accept("LiveLoad worker " + workerName + " joined cluster '" + cluster + "' at " + info.address() + " ("
          + (hz.getCluster().getMembers().size() - controllers) + " workers" + (controllers == 0 ? ""
              : ", " + controllers + " controller") + ")");
      hz.getCluster().addMembershipListener(new MembershipListener() {
        @Override
        public void memberAdded(MembershipEvent event) {
          Thread.ofVirtual().name("liveload-worker-register").start(register);
          told.accept("LiveLoad worker " + workerName + ": " + role(event.getMember()) + " "
              + event.getMember().getAddress() + " joined");
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
          Thread.ofVirtual().name("liveload-worker-register").start(register);
          told.accept("LiveLoad worker " + workerName + ": " + role(event.getMember()) + " "
              + event.getMember().getAddress() + " left");
        }
      });
      return new Worker(hz, workerName, told);
    }

    private static String role(Member m) {
      return m.isLiteMember() ? "controller" : "worker";
    }

    private static String host() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (Exception e) {
        return "unknown";
      }
    }
  }
}
