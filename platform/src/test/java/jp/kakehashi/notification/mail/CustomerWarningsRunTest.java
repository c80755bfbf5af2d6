package jp.kakehashi.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.incident.CustomerWarningRequested;
import jp.kakehashi.incident.IncidentKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** E2: a run of warnings records each customer's outcome; one address the mail server refuses stops nobody else. */
@PlatformTest
class CustomerWarningsRunTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerContacts contacts;

    @Autowired
    MessageSource messages;

    @Autowired
    NotificationProperties properties;

    @Autowired
    Clock clock;

    @Test
    void onWhenTheMailServerRefusesOneCustomerThenItIsRecordedFailedAndTheOthersAreStillWarned() {
        String prefix = "W" + UUID.randomUUID().toString().substring(0, 6);
        List<String> customers = List.of(prefix + "-1", prefix + "-2", prefix + "-3");
        customers.forEach(id -> contacts.register(id, id + "@example.jp", Locale.JAPANESE));
        var refusing = new RefusingMailSender(prefix + "-2@example.jp");
        var warnings = new CustomerWarnings(jdbc, contacts, new StaticListableBeanFactory(
                Map.of("mail", refusing)).getBeanProvider(JavaMailSender.class), messages, properties,
                "0120-000-000", clock);
        String incidentId = "inc-" + prefix;

        warnings.on(new CustomerWarningRequested(incidentId, "tpp-1", "かけいぼ", "Kakeibo", IncidentKind.DATA_LEAK,
                customers, "staff-a", Instant.now()));

        assertThat(warnings.of(incidentId)).extracting(CustomerWarning::customerId, CustomerWarning::outcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(prefix + "-1", CustomerWarning.Outcome.MAILED),
                        org.assertj.core.groups.Tuple.tuple(prefix + "-2", CustomerWarning.Outcome.FAILED),
                        org.assertj.core.groups.Tuple.tuple(prefix + "-3", CustomerWarning.Outcome.MAILED));
        assertThat(refusing.sent).containsExactly(prefix + "-1@example.jp", prefix + "-3@example.jp");
    }

    /** A mail server that takes every mail but one address's, as one with a mailbox that no longer exists. */
    private static final class RefusingMailSender extends JavaMailSenderImpl {

        private final String refused;
        private final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        RefusingMailSender(String refused) {
            this.refused = refused;
        }

        @Override
        public void send(SimpleMailMessage... messages) {
            for (SimpleMailMessage message : messages) {
                if (message.getTo()[0].equals(refused)) {
                    throw new MailSendException("550 mailbox unavailable: " + refused);
                }
                sent.add(message.getTo()[0]);
            }
        }

        @Override
        public void send(SimpleMailMessage message) {
            send(new SimpleMailMessage[] { message });
        }
    }
}
