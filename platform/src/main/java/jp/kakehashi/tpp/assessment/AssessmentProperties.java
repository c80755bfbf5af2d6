package jp.kakehashi.tpp.assessment;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The banks whose assessments this bank relies on, and its own signing identity ({@code kakehashi.assessments.*}).
 *
 * @param trustedBanks the other banks: records they signed can be imported
 * @param issuer       this bank's identifier in the records it exports
 * @param bankName     this bank's name, shown beside its own exported records
 */
@ConfigurationProperties("kakehashi.assessments")
public record AssessmentProperties(List<TrustedBank> trustedBanks,
        @DefaultValue("https://bank.kakehashi.example") String issuer, @DefaultValue("架け橋銀行") String bankName) {

    public AssessmentProperties {
        trustedBanks = trustedBanks == null ? List.of() : List.copyOf(trustedBanks);
    }

    /**
     * A bank whose records are accepted.
     *
     * @param name     its name, shown as the record's origin
     * @param issuer   the {@code iss} its records carry
     * @param jwksFile a file with its public JWK set, or null
     * @param jwks     its public JWK set inline (JSON), or null; one of the two is required
     */
    public record TrustedBank(String name, String issuer, Path jwksFile, String jwks) {
    }
}
