package jp.kakehashi.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import jp.kakehashi.banking.TransferRefused;
import jp.kakehashi.banking.TransferStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes every status a transfer takes and every refused transfer request to the business event log (C3),
 * with its reason code. Delivered after the publishing transaction commits and retried until it succeeds (Spring
 * Modulith's publication registry), so a transfer is never without its audit record for long and never has two.
 */
@Component
class TransferAuditTrail {

    private final AuditEvents events;

    TransferAuditTrail(AuditEvents events) {
        this.events = events;
    }

    @ApplicationModuleListener
    void on(TransferStatusChanged changed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amount", changed.amount().amount());
        details.put("fee", changed.fee().amount());
        details.put("executionDate", changed.executionDate().toString());
        details.put("grantId", Objects.toString(changed.grantId(), null));
        if (changed.confirmBy() != null) {
            details.put("confirmBy", changed.confirmBy().toString());
        }
        events.append(new AuditEvents.AuditEvent("transfer:" + changed.applyNo() + ":" + changed.status(),
                "transfer.status", changed.occurredAt(), changed.customerId().value(), changed.clientId().value(),
                changed.applyNo(),
                changed.status().name(), changed.reasonCode() == null ? null : changed.reasonCode().name(), details));
    }

    @ApplicationModuleListener
    void on(TransferRefused refused) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (refused.detail() != null) {
            details.put("detail", refused.detail());
        }
        if (refused.amount() != null) {
            details.put("amount", refused.amount());
        }
        if (refused.grantId() != null) {
            details.put("grantId", refused.grantId().value());
        }
        events.append(new AuditEvents.AuditEvent("refusal:" + refused.refusalId(), "transfer.refused",
                refused.occurredAt(), Objects.toString(refused.customerId(), null),
                Objects.toString(refused.clientId(), null), null, "REFUSED",
                refused.reasonCode().name(), details));
    }
}
