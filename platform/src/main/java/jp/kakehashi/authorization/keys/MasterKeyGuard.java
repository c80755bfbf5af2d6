package jp.kakehashi.authorization.keys;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import jp.kakehashi.shared.MasterKeyMaterial;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At every start, before anything reads or seals a secret (C2): when the database already holds secrets sealed under
 * a master key (the authorization server's signing key, made by the first node ever started), this node's master key
 * must open them. A node without a key (neither {@code KAKEHASHI_SECRETS_MASTER_KEY} nor the key file) or with
 * another one refuses to start with what to do, instead of making a fresh key and sealing seeds under it that no other
 * node could open (migration V22_1, the staff seeds sealed at start, keys made on first use).
 * <p>
 * It runs as soon as the data source exists: every bean that touches sealed data needs the data source, so none runs
 * before it; the beans that only derive from the key without the database create no file of their own any more than
 * {@link MasterKeyMaterial} lets them.
 */
@Component
class MasterKeyGuard implements BeanPostProcessor {

    private final Environment environment;
    private final AtomicBoolean checked = new AtomicBoolean();

    MasterKeyGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && checked.compareAndSet(false, true)) {
            String sample = sealedSample(dataSource);
            if (sample != null) {
                MasterKeyMaterial.requireOpens(environment.getProperty("kakehashi.secrets.master-key", ""),
                        Path.of(environment.getProperty("kakehashi.secrets.master-key-file",
                                "data/secrets/master.key")), sample, "the signing key in signing_key");
            }
        }
        return bean;
    }

    private static String sealedSample(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return SealedSamples.signingKey(connection);
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot check the master key against the database: " + e.getMessage(), e);
        }
    }
}
