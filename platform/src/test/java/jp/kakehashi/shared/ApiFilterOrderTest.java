package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.OrderUtils;

/** The servlet filters around the API run in the order {@link ApiFilterOrder} explains, Spring Security in between. */
class ApiFilterOrderTest {

    private static final List<String> IN_ORDER = List.of("jp.kakehashi.runtime.network.ClientAddressFilter",
            "jp.kakehashi.audit.web.ExecutionLogFilter", "jp.kakehashi.risk.RiskHeaderFilter",
            "jp.kakehashi.availability.ServiceStopFilter", "jp.kakehashi.runtime.MalformedRequests",
            "jp.kakehashi.authorization.web.RenderedConsentPages", "jp.kakehashi.tpp.ratelimit.RateLimitFilter",
            "jp.kakehashi.tpp.chain.ChainedPartyFilter");

    @Test
    void ordersWhenFiltersSortedByTheirOrderThenTheDocumentedSequence() throws Exception {
        List<Class<?>> filters = new java.util.ArrayList<>();
        for (String name : IN_ORDER) {
            filters.add(Class.forName(name));
        }
        List<Class<?>> sorted = filters.stream().sorted(Comparator.comparingInt(ApiFilterOrderTest::orderOf)).toList();

        assertThat(sorted).containsExactlyElementsOf(filters);
        assertThat(orderOf(Class.forName("jp.kakehashi.runtime.MalformedRequests")))
                .isLessThan(ApiFilterOrder.SPRING_SECURITY);
        assertThat(ApiFilterOrder.RATE_LIMIT).isGreaterThan(ApiFilterOrder.SPRING_SECURITY);
        assertThat(ApiFilterOrder.SPRING_SECURITY).isEqualTo(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
    }

    private static int orderOf(Class<?> filter) {
        Integer order = OrderUtils.getOrder(filter);
        assertThat(order).as(filter.getName()).isNotNull();
        return order;
    }
}
