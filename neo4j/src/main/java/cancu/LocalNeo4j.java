package cancu;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j Community embedded, reachable only over Bolt on 127.0.0.1, with authentication on.
 *
 * <p>Usage: {@code LocalNeo4j --data-dir DIR [--port N] [--state-file FILE] [--exit-on-stdin-eof]}
 *
 * <p>The user {@code neo4j} has a random password per store, kept in {@link #PASSWORD_FILE} in the
 * data folder (mode 0600). A store without that file (a new one, or one made by an older cancu that
 * ran without authentication) is first opened with Bolt off, so that nobody can log in with the
 * default {@code neo4j/neo4j} while the password is being set; then it is reopened with Bolt on.
 *
 * <p>Prints {@code cancu-neo4j ready bolt://127.0.0.1:PORT} once the default database answers, and
 * writes the same URI with its pid and the credentials to the state file (mode 0600) so that another
 * cancu process can find and reuse this server instead of fighting over the store lock. A shutdown
 * hook (run on SIGINT and SIGTERM) closes the store cleanly and removes the state file. With {@code
 * --exit-on-stdin-eof} the database also stops when the parent process goes away, so a crashed parent
 * never leaves an orphan holding the lock.
 */
public final class LocalNeo4j {
  /** The password of the user neo4j, alone on one line; readable by the owner only. */
  public static final String PASSWORD_FILE = "cancu-neo4j-password";

  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

  /** The DBMS currently open (the password-setting one, then the serving one), for the shutdown hook. */
  private static volatile DatabaseManagementService current;

  private static volatile boolean stopping;

  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = null;
    int port = 0;
    Path stateFile = null;
    boolean exitOnStdinEof = false;
    String pageCache = "256m";
    // any other Neo4j setting, as name=value (CANCU_NEO4J_SETTINGS); the settings configure() sets
    // (address, authentication, LOAD CSV, memory) win over these: they cannot open the server up
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
    // the store, the password and the state file are this user's alone
    try {
      Files.setPosixFilePermissions(dataDir, OWNER_ONLY_DIR);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      System.err.println("cancu-neo4j warning: could not make " + dataDir + " private: " + e.getMessage());
    }
    if (port == 0) {
      port = freeLoopbackPort();
    }

    // Neo4j reads settings given by name from a properties file; write the extra ones to one
    Path extraConfig = dataDir.resolve("cancu-extra-settings.conf");
    StringBuilder lines = new StringBuilder();
    extraSettings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
    Files.writeString(extraConfig, lines.toString(), StandardCharsets.UTF_8);

    final Path state = stateFile;
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping = true;
                  System.out.println("cancu-neo4j stopping");
                  DatabaseManagementService open = current;
                  if (open != null) {
                    open.shutdown();
                  }
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

    Path passwordFile = dataDir.resolve(PASSWORD_FILE);
    String password = readPassword(passwordFile);
    if (password == null || !systemDatabaseExists(dataDir)) {
      password = setNewPassword(dataDir, extraConfig, pageCache, passwordFile);
    }
    if (stopping) {
      stopped.await();
      return;
    }

    DatabaseManagementService dbms =
        open(
            dataDir,
            configure(dataDir, extraConfig, pageCache)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port)));
    current = dbms;
    if (stopping) {
      // the shutdown hook ran while the store was opening and found nothing to close
      dbms.shutdown();
      return;
    }

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
      fail("the default database did not become available");
    }
    String uri = "bolt://127.0.0.1:" + port;
    if (stateFile != null) {
      String json =
          "{\"pid\":" + ProcessHandle.current().pid() + ",\"boltUri\":\"" + uri + "\",\"dataDir\":\""
              + jsonEscape(dataDir.toAbsolutePath().toString()) + "\",\"user\":\"neo4j\",\"password\":\""
              + jsonEscape(password) + "\"}\n";
      writePrivately(stateFile, json);
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

  /**
   * The settings both openings share. Authentication is on, without lock-out; Cypher may not read local files ({@code
   * LOAD CSV FROM 'file:///…'}) nor fetch URLs from any address ({@code LOAD CSV FROM 'http://…'}, a
   * way to reach services that only this machine can); HTTP is off.
   */
  private static DatabaseManagementServiceBuilder configure(Path dataDir, Path extraConfig, String pageCache) {
    return new DatabaseManagementServiceBuilder(dataDir.toAbsolutePath())
        .loadPropertiesFromFile(extraConfig)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // no lock-out after failed logins: with a 256-bit random password guessing is hopeless, and a
        // lock-out would let anyone on this machine lock cancu out by trying three wrong passwords
        .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(
            GraphDatabaseInternalSettings.cypher_ip_blocklist,
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2));
  }

  private static DatabaseManagementService open(Path dataDir, DatabaseManagementServiceBuilder builder) {
    try {
      return builder.build();
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      fail("could not open the store in " + dataDir + ": " + root.getMessage());
      return null;
    }
  }

  /**
   * Gives the user neo4j a new random password, with Bolt off (no network client can log in meanwhile,
   * not even with the default neo4j/neo4j of a new store), then writes it to the password file. In
   * that order: a crash in between leaves no file, and the next start sets a password again.
   */
  private static String setNewPassword(Path dataDir, Path extraConfig, String pageCache, Path passwordFile)
      throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    DatabaseManagementService dbms =
        open(dataDir, configure(dataDir, extraConfig, pageCache).setConfig(BoltConnector.enabled, false));
    current = dbms;
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      writePrivately(passwordFile, password + "\n");
    } finally {
      current = null;
      dbms.shutdown();
    }
    return password;
  }

  private static String readPassword(Path passwordFile) throws IOException {
    try {
      String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
      return password.isEmpty() ? null : password;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** A store whose system database is gone (or never was) gets the default user again: reset it. */
  private static boolean systemDatabaseExists(Path dataDir) {
    return Files.isDirectory(dataDir.resolve("data").resolve("databases").resolve("system"));
  }

  /** Writes `text` to `file` atomically, through a temporary file created with mode 0600. */
  private static void writePrivately(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
    try {
      Files.createFile(tmp, ownerOnly);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process is writing " + file, e);
    }
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String jsonEscape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
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
