package cancu;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j Community embedded, reachable only over Bolt on 127.0.0.1.
 *
 * <p>Usage: {@code LocalNeo4j --data-dir DIR [--port N] [--state-file FILE] [--exit-on-stdin-eof]}
 *
 * <p>Prints {@code cancu-neo4j ready bolt://127.0.0.1:PORT} once the default database answers, and
 * writes the same URI with its pid to the state file so that another process can find and reuse this
 * server instead of fighting over the store lock. A shutdown hook (run on SIGINT and SIGTERM) closes the
 * store cleanly and removes the state file. With {@code --exit-on-stdin-eof} the database also stops
 * when the parent process goes away, so a crashed parent never leaves an orphan holding the lock.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = null;
    int port = 0;
    Path stateFile = null;
    boolean exitOnStdinEof = false;
    String pageCache = "256m";
    // any other Neo4j setting, as name=value (CANCU_NEO4J_SETTINGS); applied after the defaults below
    Map<String, String> extraSettings = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--state-file" -> stateFile = Path.of(args[++i]);
        case "--page-cache" -> pageCache = args[++i];
        case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
        case "--setting" -> {
          String pair = args[++i];
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            fail("--setting needs name=value, got " + pair);
          }
          extraSettings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        default -> fail("unknown argument " + args[i]);
      }
    }
    if (dataDir == null) {
      fail("--data-dir is required");
    }
    Files.createDirectories(dataDir);
    if (port == 0) {
      port = freeLoopbackPort();
    }

    // Neo4j reads settings given by name from a properties file; write the extra ones to one
    Path extraConfig = dataDir.resolve("cancu-extra-settings.conf");
    StringBuilder lines = new StringBuilder();
    extraSettings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
    Files.writeString(extraConfig, lines.toString(), StandardCharsets.UTF_8);

    DatabaseManagementService dbms;
    try {
      dbms =
          new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
              .loadPropertiesFromFile(extraConfig)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
              .setConfig(HttpConnector.enabled, false)
              // Loopback only and single-user: the local default needs no password. A shared
              // server is reached through NEO4J_URI with its own authentication instead.
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
              .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
              .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
              .build();
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      fail("could not open the store in " + dataDir + ": " + root.getMessage());
      return;
    }

    final Path state = stateFile;
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("cancu-neo4j stopping");
                  dbms.shutdown();
                  if (state != null) {
                    try {
                      Files.deleteIfExists(state);
                    } catch (IOException ignored) {
                      // nothing useful to do while the JVM exits
                    }
                  }
                  System.out.println("cancu-neo4j stopped");
                  stopped.countDown();
                },
                "cancu-neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      fail("the default database did not become available");
    }
    String uri = "bolt://127.0.0.1:" + port;
    if (stateFile != null) {
      String json =
          "{\"pid\":" + ProcessHandle.current().pid() + ",\"boltUri\":\"" + uri + "\",\"dataDir\":\""
              + dataDir.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n";
      Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.println("cancu-neo4j ready " + uri);
    System.out.flush();

    if (exitOnStdinEof) {
      Thread watcher =
          new Thread(
              () -> {
                try (InputStream in = System.in) {
                  byte[] buffer = new byte[256];
                  while (in.read(buffer) >= 0) {
                    // the parent writes nothing; EOF means it is gone
                  }
                } catch (IOException ignored) {
                  // treated like EOF
                }
                System.exit(0);
              },
              "cancu-neo4j-parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void fail(String message) {
    System.err.println("cancu-neo4j error: " + message);
    System.exit(2);
  }
}
