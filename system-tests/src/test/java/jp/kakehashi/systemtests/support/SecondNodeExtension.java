package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link SecondNode} for one test class, as a JUnit 5 extension: started before the class's first test (and before
 * its {@code @BeforeAll} methods), closed after its last (after its {@code @AfterAll} methods).
 *
 * <p>Register it once per class, {@code @RegisterExtension static final SecondNodeExtension secondNode = new
 * SecondNodeExtension();}, or with settings of its own on top of the first node's, e.g. {@code new
 * SecondNodeExtension(first -> Map.of("kakehashi.network.trusted-proxies", "127.0.0.2/32"))}.
 */
public final class SecondNodeExtension implements BeforeAllCallback, AfterAllCallback {

    private final Function<RunningPlatform, Map<String, Object>> settings;
    private SecondNode node;

    /** A second node set up as the first. */
    public SecondNodeExtension() {
        this(first -> Map.of());
    }

    /** A second node with settings of its own, computed from the first node (e.g. a file in its home). */
    public SecondNodeExtension(Function<RunningPlatform, Map<String, Object>> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        RunningPlatform first = RunningPlatform.get();
        node = SecondNode.start(first, settings.apply(first));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        node.close();
        node = null;
    }

    /** The second node's HTTPS port. */
    public int port() {
        return node.port();
    }

    /** A bean of the second node, e.g. to act there as staff would. */
    public <T> T bean(Class<T> type) {
        return node.bean(type);
    }
}
