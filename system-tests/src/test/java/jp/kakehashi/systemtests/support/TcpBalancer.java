package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in front of the platform's nodes as a bank may run one in TCP mode (TLS passed through): clients
 * connect to its port on the loopback address, and each connection goes to the node the test chose. Both nodes then
 * see the same URL, the balancer's, as they do in production, so a DPoP proof made for one is valid on the other
 * but for its single use. It counts the connections each node got, so a test can show where its requests went.
 */
public final class TcpBalancer implements AutoCloseable {

    private final ServerSocket server;
    private final Map<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();
    private volatile int target;

    private TcpBalancer(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free port of the loopback address; connections go to {@code nodePort} until told otherwise. */
    public static TcpBalancer start(int nodePort) throws IOException {
        TcpBalancer balancer = new TcpBalancer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), nodePort);
        Thread.ofVirtual().name("tcp-balancer").start(balancer::accept);
        return balancer;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The node that the next connections go to. */
    public void sendTo(int nodePort) {
        this.target = nodePort;
    }

    /** How many connections went to the node on {@code nodePort}. */
    public int connectionsTo(int nodePort) {
        AtomicInteger count = connections.get(nodePort);
        return count == null ? 0 : count.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                int node = target;
                connections.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), node);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            }
            catch (IOException closedOrRefused) {
                // the balancer was closed, or a node refused one connection: the client sees its connection fail
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException ended) {
            // one side closed
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
