package jp.kakehashi.portal;

import java.time.Clock;
import java.util.List;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.screening.Answer;
import jp.kakehashi.tpp.screening.Screening;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a checked application in (A1): opens the applicant's portal account (or, for an address that has one,
 * requires its password), records the application with its checklist answers, and ties the new TPP to the account —
 * all or nothing.
 */
@Service
public class ApplicationIntake {

    private final PortalAccounts accounts;
    private final Screening screening;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ApplicationIntake(PortalAccounts accounts, Screening screening, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.screening = screening;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What came of submitting. */
    public sealed interface Intake {
        record Submitted(String tppId) implements Intake {
        }

        /** The address has an account and the password given is not its password; nothing was recorded. */
        record AccountTaken() implements Intake {
        }
    }

    @Transactional
    public Intake submit(TppApplication application, List<Answer> answers, String password) {
        String email = application.applicantEmail();
        if (!accounts.open(email, passwords.encode(password), clock.instant())
                && !passwords.matches(password, accounts.find(email).orElseThrow().passwordHash())) {
            return new Intake.AccountTaken();
        }
        String tppId = screening.submit(application, answers);
        accounts.addTpp(email, tppId);
        return new Intake.Submitted(tppId);
    }
}
