package jp.kakehashi.portal;

import java.time.Clock;
import java.util.List;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.screening.Answer;
import jp.kakehashi.tpp.screening.Screening;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a checked application in (A1): opens the applicant's portal account (or, for an address that has one,
 * requires its password through the portal's sign-in check, which counts failures and honours the lockout), records
 * the application with its checklist answers, and ties the new TPP to the account — all or nothing. The open form is
 * limited per client address and account ({@link ApplicationLimits}).
 */
@Service
@EnableConfigurationProperties(ApplicationLimits.Settings.class)
public class ApplicationIntake {

    private final PortalAccounts accounts;
    private final Screening screening;
    private final PasswordEncoder passwords;
    private final PortalPasswords signIn;
    private final ApplicationLimits limits;
    private final Clock clock;

    ApplicationIntake(PortalAccounts accounts, Screening screening, PasswordEncoder passwords, JdbcClient jdbc,
            ApplicationLimits.Settings limits, Clock clock) {
        this.accounts = accounts;
        this.screening = screening;
        this.passwords = passwords;
        this.signIn = new PortalPasswords(jdbc, accounts, passwords, clock);
        this.limits = new ApplicationLimits(jdbc, limits, clock);
        this.clock = clock;
    }

    /** What came of submitting. */
    public sealed interface Intake {
        record Submitted(String tppId) implements Intake {
        }

        /**
         * The address has an account and the password given does not open it (wrong, or the account is locked: the
         * same answer, so the form tells a guesser nothing the sign-in page would not); nothing was recorded.
         */
        record AccountTaken() implements Intake {
        }

        /** Too many applications from this client or for this account within the hour; nothing was recorded. */
        record TooMany() implements Intake {
        }
    }

    /** An application from the open form, limited per client address and account. */
    @Transactional
    public Intake submit(TppApplication application, List<Answer> answers, String password, String clientAddress) {
        if (!limits.allow(clientAddress, application.applicantEmail())) {
            return new Intake.TooMany();
        }
        return submit(application, answers, password);
    }

    /** An application the bank enters itself (demo data, migration): no per-client limit. */
    @Transactional
    public Intake submit(TppApplication application, List<Answer> answers, String password) {
        String email = application.applicantEmail();
        if (!accounts.open(email, passwords.encode(password), clock.instant()) && !opens(email, password)) {
            return new Intake.AccountTaken();
        }
        String tppId = screening.submit(application, answers);
        accounts.addTpp(email, tppId);
        return new Intake.Submitted(tppId);
    }

    private boolean opens(String email, String password) {
        try {
            signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
            return true;
        }
        catch (AuthenticationException wrongOrLocked) {
            return false;
        }
    }
}
