package jp.kakehashi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kakehashi (架け橋): the bank-side Open API platform. One deployable modular monolith; each top-level package
 * below {@code jp.kakehashi} is a module verified by Spring Modulith (see {@code ModularityTests}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// module listeners (@ApplicationModuleListener) run after commit on their own threads, not in the caller's answer
@EnableAsync
public class KakehashiApplication {

    public static void main(String[] args) {
        SpringApplication.run(KakehashiApplication.class, args);
    }
}
