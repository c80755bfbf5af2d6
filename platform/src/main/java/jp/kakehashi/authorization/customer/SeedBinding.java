package jp.kakehashi.authorization.customer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * C2: at every start, binds the customers' seeds sealed before seeds were bound to their rows (see
 * {@link CustomerTotpSeeds}); after the first start of this release there are none, and a seed without the binding is
 * refused at sign-in.
 */
@Component
class SeedBinding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedBinding.class);

    private final CustomerCredentials credentials;

    SeedBinding(CustomerCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) {
        int bound = credentials.bindUnboundSeeds();
        if (bound > 0) {
            log.info("Bound {} customer TOTP seeds to their customers (C2).", bound);
        }
    }
}
