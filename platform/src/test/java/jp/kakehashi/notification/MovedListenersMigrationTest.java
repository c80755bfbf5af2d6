package jp.kakehashi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * V27_1: event publications still outstanding for a notification listener from before its move to a sub-package
 * name the listener where it is now, so Spring Modulith delivers them again (B10, A6, C6, E1, F3).
 */
class MovedListenersMigrationTest {

    private static final List<String> MOVED = List.of("jp.kakehashi.notification.mail.CustomerWarnings",
            "jp.kakehashi.notification.mail.TransferNotices", "jp.kakehashi.notification.webhook.TppNoticeListeners",
            "jp.kakehashi.notification.secevent.SecurityEventTransmissions");

    @Test
    void migrateWhenPublicationsOutstandingForMovedListenersThenTheyNameEachListenerWhereItIsNow() throws Exception {
        try (var database = new MigratedDatabase("25.1")) {
            var owner = JdbcClient.create(database.owner());
            // every listener method of the moved classes, by the id Spring gives it now and had before the move
            Map<String, String> nowByBefore = listenerIds().stream()
                    .collect(Collectors.toMap(MovedListenersMigrationTest::beforeTheMove, id -> id));
            nowByBefore.keySet().forEach(before -> outstanding(owner, before));
            String untouched = "jp.kakehashi.audit.TransferAuditTrail.on(jp.kakehashi.banking.TransferStatusChanged)";
            outstanding(owner, untouched);

            database.migrate(null);

            List<String> listeners = owner.sql("select listener_id from event_publication").query(String.class).list();
            assertThat(nowByBefore).hasSize(11);
            assertThat(listeners).containsExactlyInAnyOrderElementsOf(
                    concat(nowByBefore.values().stream().toList(), untouched));
        }
    }

    private static List<String> listenerIds() throws ClassNotFoundException {
        var ids = new java.util.ArrayList<String>();
        for (String name : MOVED) {
            Class<?> listener = Class.forName(name);
            for (Method method : listener.getDeclaredMethods()) {
                if (method.isAnnotationPresent(ApplicationModuleListener.class)) {
                    // the id Spring Modulith stores with a publication: the listener method's qualified name
                    ids.add(new ApplicationListenerMethodAdapter("listener", listener, method).getListenerId());
                }
            }
        }
        return ids;
    }

    private static String beforeTheMove(String listenerId) {
        return Arrays.stream(new String[] { ".mail.", ".webhook.", ".secevent." })
                .filter(sub -> listenerId.startsWith("jp.kakehashi.notification" + sub)).findFirst()
                .map(sub -> "jp.kakehashi.notification." + listenerId.substring(("jp.kakehashi.notification" + sub)
                        .length()))
                .orElseThrow();
    }

    private static void outstanding(JdbcClient owner, String listenerId) {
        owner.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts)
                values (?, ?, 'jp.kakehashi.banking.TransferStatusChanged', '{}', ?, 'PUBLISHED', 1)
                """).params(UUID.randomUUID(), listenerId, Timestamp.from(Instant.now())).update();
    }

    private static List<String> concat(List<String> values, String more) {
        var all = new java.util.ArrayList<>(values);
        all.add(more);
        return all;
    }
}
