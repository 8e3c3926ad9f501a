package partygraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j community DBMS with only the Bolt connector enabled.
 *
 * <p>Usage: {@code java -cp ... partygraph.Neo4jLauncher [DATA_DIR] [PORT] [LISTEN_ADDRESS]}
 *
 * <p>Each argument can also be given as a system property: {@code -Dpartygraph.neo4j.dir},
 * {@code -Dpartygraph.neo4j.port} (default 7687), {@code -Dpartygraph.neo4j.host} (default
 * 127.0.0.1), {@code -Dpartygraph.neo4j.pagecache} (default 512m). The password of the
 * {@code neo4j} user is taken from the environment variable {@code NEO4J_PASSWORD} and applied
 * on every start (it is never printed). Prints {@code READY bolt://HOST:PORT} on stdout once
 * the server accepts connections with that password; stops cleanly on SIGTERM/SIGINT.
 */
public final class Neo4jLauncher {

    private static final String USER = "neo4j";

    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        String dirArg = arg(args, 0, "partygraph.neo4j.dir", null);
        if (dirArg == null || dirArg.isBlank()) {
            fail("no data directory given: pass it as first argument or -Dpartygraph.neo4j.dir=DIR");
        }
        int port;
        try {
            port = Integer.parseInt(arg(args, 1, "partygraph.neo4j.port", "7687"));
        } catch (NumberFormatException e) {
            fail("the port must be an integer: " + e.getMessage());
            return;
        }
        String host = arg(args, 2, "partygraph.neo4j.host", "127.0.0.1");
        String pageCache = System.getProperty("partygraph.neo4j.pagecache", "512m");

        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            fail("environment variable NEO4J_PASSWORD is not set: set it to the password wanted for user neo4j");
        }
        if (password.length() < 8) {
            fail("NEO4J_PASSWORD is too short: Neo4j requires at least 8 characters");
        }

        Path dataDir = Path.of(dirArg).toAbsolutePath().normalize();
        Path logsDir = dataDir.resolve("logs");
        Files.createDirectories(logsDir);

        long start = System.nanoTime();
        AtomicReference<DatabaseManagementService> serviceRef = new AtomicReference<>();
        CountDownLatch buildDone = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean(false);
        // Registered before building, so that a SIGTERM during startup still shuts down cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("STOPPING");
            System.out.flush();
            try {
                buildDone.await(5, TimeUnit.MINUTES);
                DatabaseManagementService svc = serviceRef.get();
                if (svc != null) {
                    svc.shutdown();
                }
            } catch (Throwable t) {
                System.err.println("error during shutdown: " + t);
            } finally {
                System.out.println("STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            serviceRef.set(new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(GraphDatabaseSettings.data_directory, dataDir)
                    .setConfig(GraphDatabaseSettings.logs_directory, logsDir)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // keep the transaction logs small: this is a dev/test server
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // a free query must not read the server's files (the password file among them)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt waits 5 s + 5 s for idle connections/threads on shutdown by default; the
                    // databases are already checkpointed and closed by then, so do not linger.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .build());
        } catch (Throwable t) {
            // e.g. the Bolt port is already in use, or the store is locked by another process
            buildDone.countDown(); // before exit(), or the shutdown hook would wait for it
            System.err.println("ERROR: Neo4j failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
        }
        buildDone.countDown();
        DatabaseManagementService service = serviceRef.get();

        try {
            setPassword(service, password);
            // make sure the default database is up before announcing readiness
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.SECONDS.toMillis(60))) {
                throw new IllegalStateException("database " + db.databaseName() + " did not become available");
            }
        } catch (Throwable t) {
            if (stopping.get()) {
                // SIGTERM arrived while starting: the shutdown hook takes care of the rest
                stopped.await();
                return;
            }
            System.err.println("ERROR: Neo4j started but could not be prepared: " + t);
            t.printStackTrace();
            System.exit(1);
        }

        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("READY bolt://" + formatHost(host) + ":" + port + " (" + ms + " ms)");
        System.out.flush();

        // Wait until the shutdown hook ran (SIGTERM/SIGINT); non-daemon threads keep us alive too.
        stopped.await();
    }

    /** Sets the password of user neo4j through the system database (idempotent). */
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("cannot be the same")) {
                // already the current password (restart on existing data): just clear the change flag
                System.out.println("password of user " + USER + " unchanged");
                system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
            } else {
                throw e;
            }
        }
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        if (v.endsWith("k")) {
            mult = ByteUnit.kibiBytes(1);
        } else if (v.endsWith("m")) {
            mult = ByteUnit.mebiBytes(1);
        } else if (v.endsWith("g")) {
            mult = ByteUnit.gibiBytes(1);
        }
        if (mult != 1) {
            v = v.substring(0, v.length() - 1);
        }
        return Long.parseLong(v) * mult;
    }

    private static String formatHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String arg(String[] args, int index, String property, String def) {
        if (args.length > index && !args[index].isEmpty()) {
            return args[index];
        }
        return System.getProperty(property, def);
    }

    private static void fail(String message) {
        System.err.println("ERROR: " + message);
        System.exit(2);
    }
}
