package jp.kakehashi.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kakehashi.availability.Announcement.Announced;
import jp.kakehashi.availability.Announcement.Refusal;
import jp.kakehashi.availability.Announcement.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The availability module's façade (E6): announces, cancels and lists service stops of the bank and of TPPs. A
 * planned stop must be announced at least the notice period ahead; an emergency stop may start at once but must say
 * why. Every announcement is published as {@link ServiceStopAnnounced} in the same transaction.
 */
@Service
public class ServiceStops {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AvailabilityProperties properties;
    private final StopsInEffect inEffect;

    ServiceStops(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, AvailabilityProperties properties,
            StopsInEffect inEffect) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.inEffect = inEffect;
    }

    @Transactional
    public Announcement announce(StopAnnouncement announcement) {
        Instant now = clock.instant();
        Optional<Refusal> refusal = check(announcement, now);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        var stop = new ServiceStop(UUID.randomUUID().toString(), announcement.side(), announcement.tppId(),
                announcement.api(), announcement.startsAt(), announcement.endsAt(), announcement.reason().strip(),
                announcement.emergency(), announcement.announcedBy(), now, null);
        jdbc.sql("""
                insert into service_stop (id, side, tpp_id, api, starts_at, ends_at, reason, emergency, announced_by,
                                          announced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(stop.id(), stop.side().name(), stop.tppId(), stop.api().name(),
                Timestamp.from(stop.startsAt()), Timestamp.from(stop.endsAt()), stop.reason(), stop.emergency(),
                stop.announcedBy(), Timestamp.from(now)).update();
        events.publishEvent(new ServiceStopAnnounced(stop));
        inEffect.reloadAfterCommit();
        return new Announced(stop);
    }

    /** Calls a stop off (or ends a running one now); false if there is no such stop still to come or running. */
    @Transactional
    public boolean cancel(String stopId, String cancelledBy) {
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update service_stop set cancelled_at = ?, cancelled_by = ?
                where id = ? and cancelled_at is null and ends_at > ?
                """).params(Timestamp.from(now), cancelledBy, stopId, Timestamp.from(now)).update();
        if (changed == 0) {
            return false;
        }
        events.publishEvent(new ServiceStopCancelled(find(stopId).orElseThrow(), cancelledBy));
        inEffect.reloadAfterCommit();
        return true;
    }

    /** How far ahead a planned stop must be announced (E6), for the forms that explain it. */
    public java.time.Duration noticePeriod() {
        return properties.noticePeriod();
    }

    public Optional<ServiceStop> find(String stopId) {
        return jdbc.sql("select * from service_stop where id = ?").param(stopId).query(ServiceStops::stop).optional();
    }

    /** Stops not yet over, of the bank and of every TPP, soonest first (the console's list). */
    public List<ServiceStop> upcoming() {
        return jdbc.sql("select * from service_stop where ends_at > ? order by starts_at, id")
                .param(Timestamp.from(clock.instant())).query(ServiceStops::stop).list();
    }

    /** The stops a TPP announced for its own service, newest first (the portal). */
    public List<ServiceStop> ofTpp(String tppId) {
        return jdbc.sql("select * from service_stop where tpp_id = ? order by starts_at desc, id").param(tppId)
                .query(ServiceStops::stop).list();
    }

    /** The bank's own stops not yet over and not cancelled, read by every node's {@link StopsInEffect}. */
    List<ServiceStop> bankStopsNotOver(Instant now) {
        return jdbc.sql("""
                select * from service_stop where side = 'BANK' and cancelled_at is null and ends_at > ?
                order by starts_at
                """).param(Timestamp.from(now)).query(ServiceStops::stop).list();
    }

    private Optional<Refusal> check(StopAnnouncement announcement, Instant now) {
        if (announcement.reason() == null || announcement.reason().isBlank()) {
            return Optional.of(Refusal.REASON_MISSING);
        }
        if (announcement.startsAt() == null || announcement.endsAt() == null || announcement.api() == null
                || !announcement.endsAt().isAfter(announcement.startsAt())) {
            return Optional.of(Refusal.PERIOD_INVALID);
        }
        if (!announcement.endsAt().isAfter(now)) {
            return Optional.of(Refusal.ALREADY_OVER);
        }
        if (!announcement.emergency() && announcement.startsAt().isBefore(now.plus(properties.noticePeriod()))) {
            return Optional.of(Refusal.NOTICE_TOO_SHORT);
        }
        return Optional.empty();
    }

    private static ServiceStop stop(ResultSet rs, int row) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new ServiceStop(rs.getString("id"), ServiceStop.Side.valueOf(rs.getString("side")),
                rs.getString("tpp_id"), StoppedApi.valueOf(rs.getString("api")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("reason"), rs.getBoolean("emergency"), rs.getString("announced_by"),
                rs.getTimestamp("announced_at").toInstant(), cancelled == null ? null : cancelled.toInstant());
    }
}
