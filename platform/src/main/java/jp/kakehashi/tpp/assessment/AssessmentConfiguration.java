package jp.kakehashi.tpp.assessment;

import java.time.Clock;
import jp.kakehashi.tpp.Tpps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Wires the assessment scheme (A4, A7): this bank's signer, the verifier trusting the configured banks and this bank
 * itself, and the open chain of {@code /assessments/jwks.json}, which other banks fetch without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentProperties.class)
class AssessmentConfiguration {

    static final String JWKS_PATH = "/assessments/jwks.json";

    @Bean
    AssessmentSigner assessmentSigner(AssessmentProperties properties) {
        return new AssessmentSigner(properties.issuer(), properties.keyFile());
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
