package jp.demofintech.kakeibo;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;

/**
 * かけいぼ Plus, the household-budget web app of 株式会社デモフィンテック: a TPP (電子決済等代行業者) that connects to the bank as a real FAPI
 * 2.0 client, to show the whole read flow (connect, consent at the bank, read) from the TPP's side.
 *
 * <p>It imports exactly the auto-configuration it needs instead of all that is on the classpath, and reads
 * {@code kakeibo.yml} instead of {@code application.yml}: the system tests run it in one JVM next to the bank, whose
 * classes (database, security, sessions) and configuration are on the same classpath, and a TPP's app must not pick
 * up any of them.
 */
@SpringBootConfiguration
@ComponentScan
@ConfigurationPropertiesScan
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration.class,
        org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class,
        org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
        org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration.class})
public class KakeiboApplication {

    /** The name of the app's configuration file ({@code kakeibo.yml}), distinct from the bank's. */
    public static final String CONFIG_NAME = "kakeibo";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as {@link #main} starts it; tests add their properties as command-line arguments. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(KakeiboApplication.class)
                .properties(Map.of("spring.config.name", CONFIG_NAME));
    }
}
