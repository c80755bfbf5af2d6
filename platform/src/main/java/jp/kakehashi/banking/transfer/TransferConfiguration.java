package jp.kakehashi.banking.transfer;

import java.time.Clock;
import jp.kakehashi.corebanking.spi.CoreBanking;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the transfer rules (Zengin rules) with the bank's settings, its own bank code and the platform's clock. */
@Configuration(proxyBeanMethods = false)
class TransferConfiguration {

    @Bean
    TransferPricing transferPricing(CoreBanking coreBanking, TransferProperties properties, Clock clock) {
        return new TransferPricing(coreBanking.bankCode(), properties, clock);
    }
}
