package jp.kakehashi.runtime;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare endpoint the benchmarks compare the real APIs with (the read target of docs/requirements.md is a ratio to
 * it, measured in the same run on the same machine): the same TLS, container, servlet filters and security filter
 * chain machinery, but no token, no database, no core banking call. Off unless
 * {@code kakehashi.benchmark.bare-endpoint=true}; never in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kakehashi.benchmark.bare-endpoint", havingValue = "true")
class BenchmarkBaseline {

    static final String PATH = "/benchmark/bare";

    @Bean
    @Order(-10)
    SecurityFilterChain benchmarkBaselineChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @RestController
    static class BareEndpoint {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ssXXX");

        /** A body shaped and sized like a balance response, so serialisation costs the same. */
        @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> bare() {
            OffsetDateTime now = OffsetDateTime.now(BusinessClock.TOKYO);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accountId", "001011234567");
            body.put("balance", "1234567");
            body.put("withdrawableAmount", "1234567");
            body.put("previousDayBalance", "1230000");
            body.put("previousMonthBalance", "1200000");
            body.put("currencyCode", "JPY");
            body.put("currencyName", "日本円");
            body.put("baseDate", now.toLocalDate().toString());
            body.put("baseTime", TIME.format(now));
            return body;
        }
    }
}
