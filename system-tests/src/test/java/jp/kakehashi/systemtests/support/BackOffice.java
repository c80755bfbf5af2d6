package jp.kakehashi.systemtests.support;

import java.nio.file.Path;
import javax.sql.DataSource;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.audit.ExecutionLogChain;
import jp.kakehashi.audit.ExecutionLogVerification;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.authorization.customer.CustomerTotpSeeds;
import jp.kakehashi.tpp.Tpps;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The bank's own tools on its database, for a platform whose nodes run in other processes: the platform's
 * data-access components (not its web or security parts) on the shared PostgreSQL, so that the support classes that
 * register a TPP or a customer as the bank's staff would ({@link TestTpp#register}, {@link
 * CustomerAgent#registerCustomer}), find a grant by its token, or verify the execution log's hash chain (C1), work
 * unchanged. Nothing of a node's memory is reached: what the nodes know of it they read from the database.
 */
public final class BackOffice {

    private BackOffice() {
    }

    /**
     * The back office on {@code database}, sealing what it provisions (customers' TOTP seeds, C2) under the nodes'
     * master key in {@code masterKeyFile}.
     */
    public static ConfigurableApplicationContext on(DataSource database, Path masterKeyFile) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> database);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(database));
        // the platform's encoder (AuthorizationServerSecurity): passwords the nodes can check
        context.registerBean(PasswordEncoder.class, PasswordEncoderFactories::createDelegatingPasswordEncoder);
        context.registerBean(CustomerTotpSeeds.class, () -> new CustomerTotpSeeds("", masterKeyFile));
        // the execution log's chain, as every chain is walked (its verification walks it)
        context.registerBean(org.springframework.jdbc.core.JdbcTemplate.class,
                () -> new org.springframework.jdbc.core.JdbcTemplate(database));
        context.registerBean(org.springframework.transaction.support.TransactionTemplate.class,
                () -> new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(database)));
        context.register(Tpps.class, CustomerCredentials.class, ExecutionLogRecords.class, ExecutionLogChain.class,
                ExecutionLogVerification.class);
        context.refresh();
        return context;
    }
}
