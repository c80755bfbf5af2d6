package jp.kakehashi.incidentdesk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kakehashi.notification.webhook.TppNotice;
import jp.kakehashi.notification.webhook.TppNotices;
import jp.kakehashi.portal.PortalSection;
import org.springframework.stereotype.Component;

/** The portal home's section of the bank's latest notices to the TPP (A6, E6), with the way to its incident page. */
@Component
class PortalNoticesSection extends PortalSection {

    private final TppNotices notices;

    PortalNoticesSection(TppNotices notices) {
        super("portal/sections/notices", 50);
        this.notices = notices;
    }

    @Override
    public Optional<Latest> content(String tppId, Locale locale) {
        List<TppNotice> all = notices.of(tppId);
        return Optional.of(new Latest(tppId, all.stream().limit(5)
                .map(notice -> new Line(notice, notices.subject(notice, locale))).toList(), all.size()));
    }

    /** The latest notices, with the subject in the page's language. */
    record Latest(String tppId, List<Line> notices, int total) {
    }

    record Line(TppNotice notice, String subject) {
    }
}
