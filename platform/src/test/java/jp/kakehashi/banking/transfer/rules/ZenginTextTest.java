package jp.kakehashi.banking.transfer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zengin name conversion (the Zengin character set: half-width kana with small kana written large, A–Z, 0–9, a few
 * symbols; 法人略語), without Spring. */
class ZenginTextTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ﾔﾏﾀﾞ ﾀﾛｳ            | ﾔﾏﾀﾞ ﾀﾛｳ
            ヤマダ　タロウ        | ﾔﾏﾀﾞ ﾀﾛｳ
            やまだ たろう        | ﾔﾏﾀﾞ ﾀﾛｳ
            ショウジ             | ｼﾖｳｼﾞ
            ｼｮｳｼﾞ               | ｼﾖｳｼﾞ
            キュウヨ             | ｷﾕｳﾖ
            ガギグゲゴ           | ｶﾞｷﾞｸﾞｹﾞｺﾞ
            パピプペポ           | ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ
            ヴ                  | ｳﾞ
            ゔ                  | ｳﾞ
            ヰヱヵヶヮ            | ｲｴｶｹﾜ
            ァィゥェォッャュョ    | ｱｲｳｴｵﾂﾔﾕﾖ
            ヲン                | ｦﾝ
            カ゛                | ｶﾞ
            ｶﾟ                  | ｶﾟ
            スーパー             | ｽ-ﾊﾟ-
            ｽｰﾊﾟｰ               | ｽ-ﾊﾟ-
            abc xyz             | ABC XYZ
            ＡＢＣ１２３          | ABC123
            （ｶ）ＡＢＣ．／－，    | (ｶ)ABC./-,
            ｶ)ﾔﾏﾀﾞ              | ｶ)ﾔﾏﾀﾞ
            '  ﾔﾏﾀﾞ  '          | ﾔﾏﾀﾞ
            """)
    void convertWhenTextHasAZenginFormThenConvertsIt(String input, String expected) {
        assertThat(ZenginText.convert(input)).isEqualTo(new ZenginText.Converted(expected));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            株式会社ヤマダ           | ｶ)ﾔﾏﾀﾞ
            株式会社　ヤマダ         | ｶ)ﾔﾏﾀﾞ
            ヤマダ株式会社           | ﾔﾏﾀﾞ(ｶ
            ヤマダ 株式会社 チバシテン | ﾔﾏﾀﾞ(ｶ)ﾁﾊﾞｼﾃﾝ
            ㈱ヤマダ                | ｶ)ﾔﾏﾀﾞ
            （株）ヤマダ             | ｶ)ﾔﾏﾀﾞ
            ヤマダ(有)              | ﾔﾏﾀﾞ(ﾕ
            有限会社ヤマダ           | ﾕ)ﾔﾏﾀﾞ
            合同会社ヤマダ           | ﾄﾞ)ﾔﾏﾀﾞ
            一般社団法人ヤマダ        | ｼﾔ)ﾔﾏﾀﾞ
            社団法人ヤマダ           | ｼﾔ)ﾔﾏﾀﾞ
            医療法人社団ヤマダ        | ｲ)ﾔﾏﾀﾞ
            特定非営利活動法人ヤマダ   | ﾄｸﾋ)ﾔﾏﾀﾞ
            学校法人ヤマダガクエン     | ｶﾞｸ)ﾔﾏﾀﾞｶﾞｸｴﾝ
            """)
    void convertWhenNameHasALegalEntityTypeThenAbbreviatesItByPosition(String input, String expected) {
        assertThat(ZenginText.convert(input)).isEqualTo(new ZenginText.Converted(expected));
    }

    @Test
    void convertWhenNameHasTwoTypesThenEachIsAbbreviatedByItsPosition() {
        assertThat(ZenginText.convert("株式会社ヤマダ有限会社"))
                .isEqualTo(new ZenginText.Converted("ｶ)ﾔﾏﾀﾞ(ﾕ"));
    }

    @ParameterizedTest(name = "{0} → rejects {1}")
    @CsvSource(delimiter = '|', textBlock = """
            山田太郎        | 山
            ﾔﾏﾀﾞ・ﾀﾛｳ      | ・
            ﾔﾏﾀﾞ*          | *
            A&B            | &
            A+B            | +
            A@B            | @
            A＠B           | @
            A;B            | ;
            A=B            | =
            A%B            | %
            A$B            | $
            Café           | é
            ﾔﾏﾀﾞ😀         | 😀
            """)
    void convertWhenACharacterHasNoZenginFormThenRejectsNamingIt(String input, String character) {
        assertThat(ZenginText.convert(input)).isEqualTo(new ZenginText.Rejected(character));
    }

    @Test
    void convertWhenTabOrControlCharacterThenRejected() {
        assertThat(ZenginText.convert("ﾔﾏﾀﾞ\tﾀﾛｳ")).isEqualTo(new ZenginText.Rejected("\t"));
    }

    @Test
    void isZenginWhenSmallHalfWidthKanaOrProlongedMarkThenFalse() {
        assertThat("ｧｨｩｪｫｬｭｮｯｰ".chars().noneMatch(c -> ZenginText.isZengin((char) c))).isTrue();
        assertThat("ｦｱﾝﾞﾟAZ09 ()-./,".chars().allMatch(c -> ZenginText.isZengin((char) c))).isTrue();
    }
}
