package jp.kakehashi.tpp.assessment;

import java.nio.file.Path;
import java.time.Clock;
import jp.kakehashi.shared.SealedSecrets;
import jp.kakehashi.shared.SealedSigningKeys;
import jp.kakehashi.tpp.Tpps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the assessment scheme (A4, A7): this bank's signer, the verifier trusting the configured banks and this bank
 * itself, and the open chain of {@code /assessments/jwks.json}, which other banks fetch without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfiguration {

    static final String JWKS_PATH = "/assessments/jwks.json";

    /** One key for every node, sealed in {@code assessment_key} under the platform's master key (C2). */
    @Bean
    AssessmentSigner assessmentSigner(AssessmentProperties properties, JdbcClient jdbc,
            TransactionTemplate transactions, @Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        SealedSecrets sealing = SealedSecrets.forPurpose(masterKey, masterKeyFile, "assessment-key");
        return new AssessmentSigner(properties.issuer(),
                SealedSigningKeys.loadOrCreate(jdbc, transactions, sealing, "assessment_key", 7203, "assessment-"));
    }

    /** The configured banks, any {@link AssessmentProperties.TrustedBank} beans (the sandbox's peer bank), itself. */
    @Bean
    AssessmentVerifier assessmentVerifier(AssessmentProperties properties, AssessmentSigner signer,
            ObjectProvider<AssessmentProperties.TrustedBank> moreBanks) {
        var banks = new java.util.ArrayList<>(properties.trustedBanks());
        moreBanks.orderedStream().forEach(banks::add);
        return new AssessmentVerifier(banks).trusting(properties.bankName(), signer.issuer(), signer.publicKeys());
    }

    @Bean
    Assessments assessments(JdbcClient jdbc, Tpps tpps, AssessmentVerifier verifier, AssessmentSigner signer,
            AssessmentProperties properties, Clock clock) {
        return new Assessments(jdbc, tpps, verifier, signer, properties.bankName(), clock);
    }

    @Bean
    @Order(0)
    SecurityFilterChain assessmentKeysChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(JWKS_PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
