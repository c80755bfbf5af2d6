package jp.kakehashi.runtime;

import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Asks every TLS client for a certificate but lets the handshake through without one, and without checking it
 * against a CA at the TLS layer ({@code optional_no_ca}): browsers have none, and TPP certificates (RFC 8705
 * {@code tls_client_auth}) are verified by the authorization server against the bank's TPP CAs, where a failure can
 * be answered with a proper OAuth error instead of a broken connection.
 */
@Component
class ClientCertificates implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers((TomcatConnectorCustomizer) connector -> {
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setCertificateVerification("optional_no_ca");
            }
        });
    }
}
