package jp.kakehashi.runtime.network;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.shared.ApiFilterOrder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes {@code request.getRemoteAddr()} the client's address for everyone after it ({@link ClientAddresses}): the
 * per-address rate limit (F4), the execution log (C1), the risk headers (C3), the portal's application limits, sign-in
 * records. First of all filters, so nothing reads the connection's address before it; without trusted proxies (the
 * default) it does nothing.
 * <p>
 * Tomcat's {@code RemoteIpValve} (Spring Boot's {@code server.forward-headers-strategy=native}) was weighed: it takes
 * proxies as regular expressions, not CIDR ranges, reads no RFC 7239 {@code Forwarded} header, and takes any text of
 * the header as the client's address, even one that is not an address. Spring's {@code ForwardedHeaderFilter} (the
 * {@code framework} strategy) believes the header whoever sent it. Neither is used; this filter reads only the client
 * address, never the scheme, host or port, which stay those of the request as the client sent it (a DPoP proof's
 * {@code htu} is checked against them).
 */
@Component
@Order(ApiFilterOrder.CLIENT_ADDRESS)
@EnableConfigurationProperties(NetworkProperties.class)
class ClientAddressFilter extends OncePerRequestFilter {

    private final ClientAddresses addresses;

    ClientAddressFilter(NetworkProperties properties) {
        this.addresses = properties.clientAddresses();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !addresses.trustsAnyone();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(resolved(request), response);
    }

    /** An error page is dispatched with the container's own request, not the wrapper: it is resolved again. */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        chain.doFilter(resolved(request), response);
    }

    private HttpServletRequest resolved(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String client = addresses.clientOf(peer, request.getHeaders(addresses.headerName()));
        return client == null || client.equals(peer) ? request : new ClientAddressRequest(request, client);
    }

    private static final class ClientAddressRequest extends HttpServletRequestWrapper {

        private final String client;

        ClientAddressRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        /** No DNS lookup, as the container's own default (no lookups) answers with the address. */
        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
