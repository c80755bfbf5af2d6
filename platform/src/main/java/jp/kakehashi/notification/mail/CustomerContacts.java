package jp.kakehashi.notification.mail;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where the bank reaches a customer, from the bank's customer file (B10); see V12__customer_contacts.sql. */
@Repository
public class CustomerContacts {

    private final JdbcClient jdbc;

    CustomerContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's mail address and language. */
    public record Contact(String customerId, String email, Locale locale) {
    }

    /** Records or replaces a customer's contact (the bank's onboarding, the demo data). */
    public void register(String customerId, String email, Locale locale) {
        jdbc.sql("""
                insert into customer_contacts (customer_id, email, locale) values (?, ?, ?)
                on conflict (customer_id) do update set email = excluded.email, locale = excluded.locale
                """).params(customerId, email, "en".equals(locale.getLanguage()) ? "en" : "ja").update();
    }

    public Optional<Contact> of(String customerId) {
        return jdbc.sql("select * from customer_contacts where customer_id = ?").param(customerId)
                .query((rs, row) -> new Contact(rs.getString("customer_id"), rs.getString("email"),
                        Locale.forLanguageTag(rs.getString("locale"))))
                .optional();
    }
}
