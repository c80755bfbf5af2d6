package jp.kakehashi.systemtests.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bank's external PostgreSQL, as production runs it (not the embedded one of local runs): Debian's server
 * binaries, a private cluster made with initdb in a fresh directory under /tmp, started with pg_ctl on a free port of
 * 127.0.0.1 with password (SCRAM) authentication, and stopped and removed at the end, also when the test JVM is
 * killed ({@link Reaper}). PostgreSQL refuses to run as root, so a root run (CI) runs it as the {@code postgres}
 * system user through runuser.
 * <p>
 * It has one database, {@value #DATABASE}, with three roles: the superuser, an owner role that owns the database
 * and runs the migrations, and a runtime role for the nodes that gets only DML rights on what the owner creates.
 */
public final class ExternalPostgres implements AutoCloseable {

    public static final String DATABASE = "kakehashi";

    /** A login role and its password. */
    public record Role(String name, String password) {
    }

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;
    private final Reaper reaper;
    private final Role superuser = new Role("postgres", secret());
    private final Role owner = new Role("kakehashi_owner", secret());
    private final Role runtime = new Role("kakehashi_app", secret());
    private final List<HikariDataSource> pools = new ArrayList<>();

    private ExternalPostgres(Path bin, Path directory, int port, boolean asPostgresUser, Reaper reaper) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.reaper = reaper;
    }

    /** Makes, starts and prepares a cluster; fails with what to install when the server binaries are missing. */
    public static ExternalPostgres start() throws Exception {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "kakehashi-postgres-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (root) {
            UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
        }
        int port = freePort();
        String stop = (root ? "runuser -u postgres -- " : "") + quote(bin.resolve("pg_ctl")) + " -D "
                + quote(directory.resolve("data")) + " stop -m immediate; rm -rf " + quote(directory);
        ExternalPostgres postgres = new ExternalPostgres(bin, directory, port, root, Reaper.onExit(stop));
        try {
            postgres.initialise();
            postgres.createDatabaseAndRoles();
            return postgres;
        }
        catch (Exception e) {
            postgres.close();
            throw e;
        }
    }

    private static Path serverBinaries() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                var newest = installed.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("initdb"))
                                && Files.isExecutable(candidate.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(candidate -> major(candidate.getParent())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("the production topology tests need Debian's PostgreSQL server (initdb and"
                + " pg_ctl under /usr/lib/postgresql/<version>/bin), which is not installed: apt-get install postgresql");
    }

    private static int major(Path version) {
        try {
            return Integer.parseInt(version.getFileName().toString());
        }
        catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    private void initialise() throws Exception {
        Path passwordFile = directory.resolve("superuser-password");
        Files.writeString(passwordFile, superuser.password() + "\n");
        handOver(passwordFile);
        run(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", superuser.name(),
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C");
        Files.delete(passwordFile);
        // a private server: this host only, its own socket directory, room for every node's pool
        Files.writeString(directory.resolve("data/postgresql.conf"), String.join("\n", "",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + directory + "'",
                "max_connections = 200",
                ""), java.nio.file.StandardOpenOption.APPEND);
        run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
                directory.resolve("server.log").toString(), "-w", "-t", "60", "start");
    }

    /**
     * The roles and the database exactly as the README's production section tells the bank's DBA to make them: the
     * owner role owns the database and so creates the schemas, tables and triggers (migrations); the runtime role may
     * only connect. What it may do with the tables the platform grants after each migration (only SELECT and INSERT
     * on append-only evidence, C1, C4), so that nothing here is more generous than production.
     */
    private void createDatabaseAndRoles() {
        try (HikariDataSource server = connect("postgres", superuser, 1)) {
            JdbcClient sql = JdbcClient.create(server);
            for (Role role : List.of(owner, runtime)) {
                sql.sql("create role " + role.name() + " login password '" + role.password()
                        + "' nosuperuser nocreatedb nocreaterole").update();
            }
            sql.sql("create database " + DATABASE + " owner " + owner.name()).update();
        }
        try (HikariDataSource database = connect(DATABASE, superuser, 1)) {
            JdbcClient sql = JdbcClient.create(database);
            sql.sql("revoke all on database " + DATABASE + " from public").update();
            sql.sql("grant connect, temporary on database " + DATABASE + " to " + runtime.name()).update();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Role superuser() {
        return superuser;
    }

    public Role owner() {
        return owner;
    }

    public Role runtime() {
        return runtime;
    }

    /**
     * A small pool on the database as the superuser, for what the tests read and set up as the bank's staff; closed
     * with the server.
     */
    public synchronized DataSource dataSource() {
        HikariDataSource pool = connect(DATABASE, superuser, 4);
        pools.add(pool);
        return pool;
    }

    private HikariDataSource connect(String database, Role role, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + database);
        config.setUsername(role.name());
        config.setPassword(role.password());
        config.setMaximumPoolSize(size);
        config.setPoolName("test-" + database);
        return new HikariDataSource(config);
    }

    /** The server's own log, for diagnosis. */
    public Path log() {
        return directory.resolve("server.log");
    }

    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        try {
            if (Files.exists(directory.resolve("data/postmaster.pid"))) {
                run(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "fast", "-w",
                        "stop");
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            reaper.disarm();
        }
        catch (Exception e) {
            // the reaper stops and removes it when this JVM ends
            System.err.println("could not stop PostgreSQL in " + directory + ": " + e);
        }
    }

    private void handOver(Path file) throws IOException {
        if (asPostgresUser) {
            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path output = Files.createTempFile("postgres-command-", ".log");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not end within 90 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (exit " + process.exitValue()
                        + "):\n" + Files.readString(output) + (Files.exists(log()) ? "\n" + Files.readString(log()) : ""));
            }
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
