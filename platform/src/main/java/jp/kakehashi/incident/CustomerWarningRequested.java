package jp.kakehashi.incident;

import java.time.Instant;
import java.util.List;

/**
 * Staff asked that the customers an incident may touch be warned (E2: the bank contacts them when the TPP cannot).
 * Notification mails each and records who was warned when.
 *
 * @param serviceName the TPP's service, as customers know it (Japanese)
 * @param serviceNameEn the same in English
 * @param requestedAt   when staff asked; a customer warned since is not warned twice for this request
 */
public record CustomerWarningRequested(String incidentId, String tppId, String serviceName, String serviceNameEn,
        IncidentKind kind, List<String> customerIds, String requestedBy, Instant requestedAt) {

    public CustomerWarningRequested {
        customerIds = List.copyOf(customerIds);
    }
}
