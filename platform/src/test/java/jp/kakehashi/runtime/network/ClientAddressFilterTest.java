package jp.kakehashi.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Everything after the filter sees the resolved client as the request's remote address, and nothing else changes. */
class ClientAddressFilterTest {

    @Test
    void doFilterWhenFromATrustedProxyThenRemoteAddressIsTheClientDownstream() throws Exception {
        var filter = new ClientAddressFilter(new NetworkProperties(List.of("127.0.0.2/32"),
                ForwardedHeader.X_FORWARDED_FOR));
        var request = new MockHttpServletRequest("GET", "/v1/branches");
        request.setRemoteAddr("127.0.0.2");
        request.addHeader("X-Forwarded-For", "203.0.113.7");

        ServletRequest seen = pass(filter, request);

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(seen.getRemoteHost()).isEqualTo("203.0.113.7");
        assertThat(seen.getServerPort()).as("host and port stay the request's own").isEqualTo(80);
    }

    @Test
    void doFilterWhenNoProxyTrustedThenTheRequestPassesAsItIs() throws Exception {
        var filter = new ClientAddressFilter(new NetworkProperties(null, ForwardedHeader.X_FORWARDED_FOR));
        var request = new MockHttpServletRequest("GET", "/v1/branches");
        request.setRemoteAddr("127.0.0.2");
        request.addHeader("X-Forwarded-For", "203.0.113.7");

        assertThat(pass(filter, request)).isSameAs(request);
    }

    @Test
    void doFilterWhenAnErrorPageIsDispatchedWithinTheRequestThenTheErrorPageSeesTheClientToo() throws Exception {
        // the container dispatches its error page with its own request object, not the wrapper the first pass made
        var filter = new ClientAddressFilter(new NetworkProperties(List.of("127.0.0.2/32"),
                ForwardedHeader.X_FORWARDED_FOR));
        var request = new MockHttpServletRequest("GET", "/v1/branches");
        request.setRemoteAddr("127.0.0.2");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        AtomicReference<ServletRequest> errorPage = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            request.setDispatcherType(DispatcherType.ERROR);
            filter.doFilter(request, res, (errorRequest, errorResponse) -> errorPage.set(errorRequest));
        });

        assertThat(errorPage.get()).isNotSameAs(request);
        assertThat(errorPage.get().getRemoteAddr()).isEqualTo("203.0.113.7");
    }

    private static ServletRequest pass(ClientAddressFilter filter, MockHttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return seen.get();
    }
}
