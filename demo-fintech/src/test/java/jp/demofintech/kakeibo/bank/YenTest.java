package jp.demofintech.kakeibo.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YenTest {

    @Test
    void formatWhenDigitStringThenGroupsThousandsAndAddsYen() {
        assertThat(Yen.format("1234567")).isEqualTo("1,234,567円");
        assertThat(Yen.format("0")).isEqualTo("0円");
    }

    @Test
    void formatWhenNegativeThenKeepsTheSign() {
        assertThat(Yen.format("-1200")).isEqualTo("-1,200円");
    }

    @Test
    void formatWhenNotAWholeYenAmountThenShowsItUnchanged() {
        assertThat(Yen.format("12.5")).isEqualTo("12.5");
        assertThat(Yen.format(null)).isNull();
    }
}
