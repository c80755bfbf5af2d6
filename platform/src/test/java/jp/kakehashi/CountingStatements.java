package jp.kakehashi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A data source that records the kind (first word) of every statement prepared through it, so a test can show two
 * paths run the same statements: counted, not timed.
 */
public final class CountingStatements {

    private final List<String> statements = new ArrayList<>();

    public synchronized DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, (inner, innerResult) -> innerResult, false) : result, true);
    }

    /** The kinds of the statements since the last call, e.g. {@code [select, update]}. */
    public synchronized List<String> sinceLastCall() {
        List<String> since = List.copyOf(statements);
        statements.clear();
        return since;
    }

    private interface After {
        Object apply(java.lang.reflect.Method method, Object result) throws Exception;
    }

    private <T> T proxy(Class<T> type, T target, After after, boolean outer) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    if (!outer && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))
                            && arguments != null && arguments[0] instanceof String sql) {
                        synchronized (this) {
                            statements.add(sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT));
                        }
                    }
                    try {
                        return after.apply(method, method.invoke(target, arguments));
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
