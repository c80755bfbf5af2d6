package jp.kakehashi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test on the whole application context with its own embedded PostgreSQL (wiped at start) and demo
 * data, without a real HTTP server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "kakehashi.embedded-postgres.data-directory=target/it-data/postgres",
        "kakehashi.embedded-postgres.clean=true",
        "kakehashi.tls.keystore=target/it-data/tls/localhost.p12",
        "kakehashi.secrets.master-key-file=target/it-data/secrets/master.key",
        "kakehashi.demo.tpp-key-file=target/it-data/demo-tpp/private-jwks.json",
        // a folder per context: checkpoint files of an earlier run were signed with that run's key
        "kakehashi.audit.checkpoint-directory=target/it-data/audit-checkpoints/${random.uuid}"})
@ActiveProfiles("demo")
public @interface PlatformTest {
}
