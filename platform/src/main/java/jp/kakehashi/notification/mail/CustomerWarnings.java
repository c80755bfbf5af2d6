package jp.kakehashi.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.kakehashi.incident.CustomerWarningRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Warns the customers an incident may touch (E2: the bank contacts them when the TPP cannot), in each one's language,
 * and records who was warned when and how. Like transfer notices, the mail carries no link: the customer opens the
 * bank's site themselves to end the service's access. If a run fails half way, the resubmitted run skips those
 * already warned for this request.
 */
@Component
public class CustomerWarnings {

    private static final Logger log = LoggerFactory.getLogger(CustomerWarnings.class);

    private final JdbcClient jdbc;
    private final CustomerContacts contacts;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final String inquiryPhone;
    private final Clock clock;

    CustomerWarnings(JdbcClient jdbc, CustomerContacts contacts, ObjectProvider<JavaMailSender> mail,
            MessageSource messages, NotificationProperties properties,
            @Value("${kakehashi.bank.inquiry-phone:0120-000-000}") String inquiryPhone, Clock clock) {
        MailStreamProviderLookup.nameTheProvider();
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.inquiryPhone = inquiryPhone;
        this.clock = clock;
    }

    /** Who was warned about an incident, newest first (the console's incident page). */
    public List<CustomerWarning> of(String incidentId) {
        return jdbc.sql("select * from customer_warning where incident_id = ? order by warned_at desc, customer_id")
                .param(incidentId)
                .query((rs, row) -> new CustomerWarning(rs.getString("incident_id"), rs.getString("customer_id"),
                        rs.getString("requested_by"), rs.getTimestamp("warned_at").toInstant(),
                        CustomerWarning.Outcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    // no transaction: each warning is recorded as it goes out, and no connection waits on the mail server
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(CustomerWarningRequested requested) {
        for (String customerId : requested.customerIds()) {
            if (alreadyWarned(requested, customerId)) {
                continue;
            }
            record(requested, customerId, warn(requested, customerId));
        }
    }

    private CustomerWarning.Outcome warn(CustomerWarningRequested requested, String customerId) {
        var contact = contacts.of(customerId);
        if (contact.isEmpty()) {
            return CustomerWarning.Outcome.NO_CONTACT;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return CustomerWarning.Outcome.NO_MAIL_SERVER;
        }
        try {
            sender.send(compose(requested, contact.get()));
        } catch (MailException e) {
            // one bad address must not keep every customer after it unwarned, run after run
            log.warn("warning mail for incident {} to customer {} failed: {}", requested.incidentId(), customerId,
                    e.getMessage());
            return CustomerWarning.Outcome.FAILED;
        }
        return CustomerWarning.Outcome.MAILED;
    }

    SimpleMailMessage compose(CustomerWarningRequested requested, CustomerContacts.Contact contact) {
        Locale locale = contact.locale();
        boolean english = "en".equals(locale.getLanguage());
        Object[] values = { english ? requested.serviceNameEn() : requested.serviceName(),
                properties.bankName(locale), inquiryPhone, requested.incidentId() };
        var message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(contact.email());
        message.setSubject(messages.getMessage("incidents.warning.subject", values, locale));
        message.setText(messages.getMessage("incidents.warning.body", values, locale));
        return message;
    }

    private boolean alreadyWarned(CustomerWarningRequested requested, String customerId) {
        return jdbc.sql("""
                select count(*) from customer_warning where incident_id = ? and customer_id = ? and warned_at >= ?
                """).params(requested.incidentId(), customerId, Timestamp.from(requested.requestedAt()))
                .query(Integer.class).single() > 0;
    }

    private void record(CustomerWarningRequested requested, String customerId, CustomerWarning.Outcome outcome) {
        jdbc.sql("""
                insert into customer_warning (incident_id, customer_id, requested_by, warned_at, outcome)
                values (?, ?, ?, ?, ?)
                """).params(requested.incidentId(), customerId, requested.requestedBy(),
                Timestamp.from(clock.instant()), outcome.name()).update();
    }
}
