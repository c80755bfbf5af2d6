package jp.kakehashi.authorization.web;

import jp.kakehashi.authorization.keys.ServerSecrets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signs the session cookie ({@link SignedSessionCookies}); static, as a post-processor must be made early. */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    @Bean
    static BeanPostProcessor signedSessionCookies(ObjectProvider<ServerSecrets> secrets) {
        return SignedSessionCookies.wrapping(secrets);
    }
}
