package jp.kakehashi.banking;

import java.time.Period;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank's settings of the banking API ({@code kakehashi.banking}): what an account id looks like (for reads and
 * transfers alike), and how much history a TPP may read (B10: 「提供するデータの範囲・期間の限定」).
 *
 * @param accountIdPattern the Open API account id; the simulator's is branch (3) + subject (2) + number (7)
 * @param transactions     the history a TPP may read
 */
@ConfigurationProperties("kakehashi.banking")
public record BankingProperties(@DefaultValue("[0-9]{12}") Pattern accountIdPattern,
        @DefaultValue Transactions transactions) {

    /**
     * @param maxHistory how far back from today a TPP may read (a {@code dateFrom} before that is refused)
     * @param maxRange   the longest period one request may cover
     * @param pageSize   lines per page, at most 500 as in the GMO-style API
     */
    public record Transactions(@DefaultValue("P2Y") Period maxHistory, @DefaultValue("P1Y") Period maxRange,
            @DefaultValue("500") int pageSize) {
    }
}
