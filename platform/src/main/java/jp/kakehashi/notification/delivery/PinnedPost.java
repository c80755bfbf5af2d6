package jp.kakehashi.notification.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to an address already checked by {@link ReceiverAddresses}: the JDK's client would resolve the
 * host again (a second DNS answer could point inside the bank). TLS still verifies the certificate against the host
 * name (SNI and endpoint identification), TLS 1.2+ (B11). Only the status code is read: a receiver's answer is not
 * the bank's to keep or show.
 */
final class PinnedPost {

    private PinnedPost() {
    }

    /** Posts the body and returns the status code of the answer, trusting the JVM's default trust store. */
    static int post(URI uri, InetAddress address, Map<String, String> headers, String body, Duration timeout)
            throws IOException {
        try {
            return post(uri, address, headers, body, timeout, SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS", e);
        }
    }

    static int post(URI uri, InetAddress address, Map<String, String> headers, String body, Duration timeout,
            SSLContext tls) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Socket plain = new Socket();
        try (Socket socket = https ? tls(tls, plain, address, port, host, millis) : plain) {
            if (!https) {
                socket.connect(new InetSocketAddress(address, port), millis);
            }
            socket.setSoTimeout(millis);
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("POST ").append(target(uri)).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(uri.getPort() == -1 ? "" : ":" + port).append("\r\n")
                    .append("Content-Length: ").append(payload.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            return status(socket.getInputStream());
        } finally {
            plain.close();
        }
    }

    private static Socket tls(SSLContext tls, Socket plain, InetAddress address, int port, String host, int millis)
            throws IOException {
        plain.connect(new InetSocketAddress(address, port), millis);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
        if (!host.startsWith("[") && !Character.isDigit(host.charAt(host.length() - 1))) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(millis);
        socket.startHandshake();
        return socket;
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The code of the status line ({@code HTTP/1.1 202 Accepted}). */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != -1 && next != '\n' && line.size() < 1024; next = in.read()) {
            line.write(next);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP answer");
        }
        return Integer.parseInt(parts[1]);
    }
}
