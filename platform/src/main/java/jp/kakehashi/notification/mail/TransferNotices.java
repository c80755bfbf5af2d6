package jp.kakehashi.notification.mail;

import java.text.NumberFormat;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusChanged;
import jp.kakehashi.shared.CustomerDateTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the customer of every transfer a TPP made for them (B10): when it waits for their confirmation at the bank,
 * is scheduled, completed, failed or cancelled. The notice names the service, the amount, the fee and the payee, and
 * never carries a link: the customer opens the bank's site themselves (a link in a mail is what phishing imitates).
 * Delivered after the transfer's transaction commits and retried until the mail server takes it (Spring Modulith's
 * publication registry); without a mail server configured ({@code spring.mail.host}) notices are only logged.
 */
@Component
class TransferNotices {

    private static final Logger log = LoggerFactory.getLogger(TransferNotices.class);
    private static final Set<TransferStatus> NOTIFIED = EnumSet.of(TransferStatus.AWAITING_CONFIRMATION,
            TransferStatus.SCHEDULED, TransferStatus.COMPLETED, TransferStatus.FAILED, TransferStatus.CANCELLED);

    private final CustomerContacts contacts;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final NotificationProperties properties;

    TransferNotices(CustomerContacts contacts, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            NotificationProperties properties) {
        MailStreamProviderLookup.nameTheProvider();
        this.contacts = contacts;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
    }

    // no transaction: a connection must not wait on the mail server (one lookup, then SMTP)
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TransferStatusChanged changed) {
        if (!NOTIFIED.contains(changed.status())) {
            return;
        }
        var contact = contacts.of(changed.customerId().value());
        if (contact.isEmpty()) {
            log.info("transfer {} {}: customer {} has no contact on file, no notice sent", changed.applyNo(),
                    changed.status(), changed.customerId());
            return;
        }
        SimpleMailMessage message = compose(changed, contact.get());
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            // the customer's id, never the address: logs are read more widely than the customer file
            log.info("transfer {} {}: no mail server configured, notice to customer {} not sent", changed.applyNo(),
                    changed.status(), changed.customerId());
            return;
        }
        sender.send(message);
    }

    SimpleMailMessage compose(TransferStatusChanged changed, CustomerContacts.Contact contact) {
        Locale locale = contact.locale();
        var date = CustomerDateTimes.formatter(locale);
        NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
        String status = changed.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Object[] values = { changed.serviceName() == null ? "-" : changed.serviceName(),
                yen.format(changed.amount().amount()), yen.format(changed.fee().amount()), changed.payee(),
                changed.executionDate().toString(), changed.applyNo(),
                changed.confirmBy() == null ? "" : date.format(changed.confirmBy()),
                changed.reasonCode() == null ? "" : changed.reasonCode().name(), properties.bankName(locale) };
        var message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(contact.email());
        message.setSubject(messages.getMessage("notice.transfer." + status + ".subject", values, locale));
        message.setText(messages.getMessage("notice.transfer." + status + ".body", values, locale) + "\n\n"
                + messages.getMessage("notice.transfer.details", values, locale) + "\n\n"
                + messages.getMessage("notice.footer", values, locale));
        return message;
    }
}
