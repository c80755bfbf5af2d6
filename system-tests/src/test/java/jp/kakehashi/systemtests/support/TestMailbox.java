package jp.kakehashi.systemtests.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A real SMTP server (GreenMail) for the mail the platform sends, started once per test JVM on a free port; the
 * platform of {@link RunningPlatform} is configured to send through it.
 */
public final class TestMailbox {

    private static TestMailbox instance;

    private final GreenMail server;

    private TestMailbox(GreenMail server) {
        this.server = server;
    }

    public static synchronized TestMailbox get() {
        if (instance == null) {
            var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            instance = new TestMailbox(server);
        }
        return instance;
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** A received mail, decoded. */
    public record Mail(String to, String from, String subject, String text) {
    }

    /** Waits (up to 20 s) for a mail to {@code address} that matches, and returns it. */
    public Mail await(String address, Predicate<Mail> wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(address).stream().filter(wanted).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Every mail received for {@code address} so far. */
    public List<Mail> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).map(TestMailbox::mail)
                .filter(mail -> mail.to().contains(address)).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(String.join(",", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
                    message.getFrom()[0].toString(), message.getSubject(), message.getContent().toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
