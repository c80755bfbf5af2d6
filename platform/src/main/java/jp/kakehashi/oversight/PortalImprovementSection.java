package jp.kakehashi.oversight;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kakehashi.portal.PortalSection;
import jp.kakehashi.tpp.monitoring.ImprovementRequest;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.springframework.stereotype.Component;

/**
 * The portal's section on the bank's improvement requests (A5, A6 "findings lead to improvement requests with
 * deadlines", "the TPP is notified"): the requests not yet closed, with their deadlines, overdue ones marked. Read-only:
 * the TPP answers through its contact at the bank, who records the answer in the console. Left out while there is
 * nothing open, so a TPP in good standing sees no empty box.
 */
@Component
class PortalImprovementSection extends PortalSection {

    private final TppMonitoring monitoring;

    PortalImprovementSection(TppMonitoring monitoring) {
        // before the chained parties (40): a deadline asks more of the TPP than a registration form
        super("portal/sections/improvement-requests", 30);
        this.monitoring = monitoring;
    }

    /** What the fragment shows: the open requests, judged against the business date in Tokyo. */
    record Content(String tppId, LocalDate today, List<Line> requests) {
    }

    /** One request as the TPP sees it. */
    record Line(ImprovementRequest request, boolean overdue) {
    }

    @Override
    public Optional<Content> content(String tppId, Locale locale) {
        LocalDate today = monitoring.today();
        List<Line> open = monitoring.requests(tppId).stream()
                .filter(request -> request.status() != ImprovementRequest.Status.CLOSED)
                .map(request -> new Line(request, request.overdueOn(today))).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of(new Content(tppId, today, open));
    }
}
