package jp.kakehashi.authorization.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node that an authorization changed (a token issued, refreshed, revoked; its grant revoked), so caches
 * of access tokens drop what they hold for it (docs/architecture.md, "How modules talk": caches are invalidated by PostgreSQL LISTEN/NOTIFY, so a
 * revocation takes effect on every node at once, B8).
 * <p>
 * The notification is sent inside the changing transaction, so PostgreSQL delivers it exactly when the change
 * commits, and never for a change that rolled back. This node's own subscribers hear of it at once as well. While the
 * listening connection is down, {@link #isListening()} is false and subscribers must not trust what they cached;
 * subscribers are also told {@link #EVERYTHING} whenever listening (re)starts, because changes may have been missed.
 */
@Component
public class AuthorizationChanges implements SmartLifecycle {

    /** The payload that means "anything may have changed". */
    public static final String EVERYTHING = "*";

    private static final String CHANNEL = "kakehashi_authorization_changed";
    private static final Logger log = LoggerFactory.getLogger(AuthorizationChanges.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    AuthorizationChanges(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Subscribes to changed authorization ids (or {@link #EVERYTHING}). */
    public void subscribe(Consumer<String> subscriber) {
        subscribers.add(subscriber);
    }

    public boolean isListening() {
        return listening;
    }

    /** Announces a change of one authorization; call inside the transaction that changes it. */
    void changed(String authorizationId) {
        notifySubscribers(authorizationId);
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, authorizationId).query((rs, row) -> 1).list();
    }

    private void notifySubscribers(String payload) {
        subscribers.forEach(subscriber -> subscriber.accept(payload));
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("authorization-changes").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening = true;
                notifySubscribers(EVERYTHING);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            notifySubscribers(notification.getParameter());
                        }
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                listening = false;
                notifySubscribers(EVERYTHING);
                if (running) {
                    log.warn("Listening for authorization changes failed; token caching is off until it is back: {}",
                            e.getMessage());
                    try {
                        Thread.sleep(1_000); // back off before reconnecting; nothing to await here
                    }
                    catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
        listening = false;
    }
}
