package jp.kakehashi.banking.transfer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Zengin field rules of a transfer request, without Spring. */
class TransferValidationTest {

    private static TransferItemInput item(String itemId) {
        return new TransferItemInput(itemId, "0005", "123", "1", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", "50000", null);
    }

    private static TransferValidation.Outcome validate(TransferItemInput... items) {
        return TransferValidation.validate(new TransferInput(null, List.of(items)));
    }

    private static List<Violation> violations(TransferValidation.Outcome outcome) {
        assertThat(outcome).isInstanceOf(TransferValidation.Invalid.class);
        return ((TransferValidation.Invalid) outcome).violations();
    }

    @Test
    void validateWhenFieldsAreValidThenNormalisesPayeeAndParsesAmount() {
        var input = new TransferItemInput("1", "0005", "001", "4", "89", "カ）ヤマダショウジ", "9999999999", "ｾｲｷﾕｳ 123");
        var outcome = TransferValidation.validate(new TransferInput("株式会社カケハシ", List.of(input)));

        var payee = new Payee("0005", "001", AccountType.SAVINGS, "0000089", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ");
        assertThat(outcome).isEqualTo(new TransferValidation.Valid(new ValidTransfer("ｶ)ｶｹﾊｼ",
                List.of(new TransferItem(1, payee, 9_999_999_999L, "ｾｲｷﾕｳ 123")))));
    }

    @Test
    void validateWhenRemitterNameIsBlankThenTheAccountHolderIsUsed() {
        var outcome = TransferValidation.validate(new TransferInput("  ", List.of(item("1"))));
        assertThat(((TransferValidation.Valid) outcome).transfer().remitterName()).isNull();
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(nullValues = "NULL", textBlock = """
            beneficiaryBankCode,   005,        BANK_CODE_INVALID
            beneficiaryBankCode,   00050,      BANK_CODE_INVALID
            beneficiaryBankCode,   ０００５,    BANK_CODE_INVALID
            beneficiaryBankCode,   NULL,       BANK_CODE_INVALID
            beneficiaryBranchCode, 12,         BRANCH_CODE_INVALID
            beneficiaryBranchCode, 12A,        BRANCH_CODE_INVALID
            accountTypeCode,       3,          ACCOUNT_TYPE_INVALID
            accountTypeCode,       01,         ACCOUNT_TYPE_INVALID
            accountTypeCode,       NULL,       ACCOUNT_TYPE_INVALID
            accountNumber,         12345678,   ACCOUNT_NUMBER_INVALID
            accountNumber,         '',         ACCOUNT_NUMBER_INVALID
            accountNumber,         123-456,    ACCOUNT_NUMBER_INVALID
            beneficiaryName,       山田太郎,    BENEFICIARY_NAME_INVALID
            beneficiaryName,       '  ',       BENEFICIARY_NAME_MISSING
            beneficiaryName,       ABCDEFGHIJABCDEFGHIJABCDEFGHIJA, BENEFICIARY_NAME_TOO_LONG
            transferAmount,        0,          AMOUNT_INVALID
            transferAmount,        -1,         AMOUNT_INVALID
            transferAmount,        10000000000, AMOUNT_INVALID
            transferAmount,        01000,      AMOUNT_INVALID
            transferAmount,        1000.5,     AMOUNT_INVALID
            transferAmount,        NULL,       AMOUNT_INVALID
            ediInfo,               'A,B',      EDI_INFO_INVALID
            ediInfo,               A＆B,        EDI_INFO_INVALID
            ediInfo,               ABCDEFGHIJABCDEFGHIJA, EDI_INFO_TOO_LONG
            itemId,                0,          ITEM_ID_INVALID
            itemId,                100,        ITEM_ID_INVALID
            itemId,                01,         ITEM_ID_INVALID
            """)
    void validateWhenOneFieldIsWrongThenOneViolationNamesItsCodeFieldAndItem(String field, String value,
            ViolationCode code) {
        var violations = violations(validate(with(field, value)));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.itemId()).isEqualTo(field.equals("itemId") ? value : "7");
            assertThat(violation.messageJa()).isNotBlank();
            assertThat(violation.messageEn()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource(textBlock = """
            accountNumber,   1
            accountNumber,   0000001
            accountTypeCode, 2
            accountTypeCode, 9
            transferAmount,  1
            transferAmount,  9999999999
            beneficiaryName, ABCDEFGHIJABCDEFGHIJABCDEFGHIJ
            ediInfo,         ABCDEFGHIJABCDEFGHIJ
            itemId,          99
            """)
    void validateWhenValueIsAtTheLimitThenAccepted(String field, String value) {
        assertThat(validate(with(field, value))).isInstanceOf(TransferValidation.Valid.class);
    }

    @Test
    void validateWhenNameHasAForbiddenCharacterThenTheMessageNamesIt() {
        var violation = violations(validate(with("beneficiaryName", "ﾔﾏﾀﾞ・ﾀﾛｳ"))).getFirst();
        assertThat(violation.messageJa()).isEqualTo("受取人名に使用できない文字があります: 「・」");
        assertThat(violation.messageEn()).isEqualTo("The beneficiary name contains a character outside the Zengin set: '・'");
    }

    @Test
    void validateWhenNameIsTooLongAfterConversionThenTheMessageGivesBothLengths() {
        // 15 voiced kana become 30 half-width characters, plus one more is 31
        var violation = violations(validate(with("beneficiaryName", "ガ".repeat(15) + "ア"))).getFirst();
        assertThat(violation.code()).isEqualTo(ViolationCode.BENEFICIARY_NAME_TOO_LONG);
        assertThat(violation.messageEn()).isEqualTo(
                "The beneficiary name must be at most 30 half-width characters (31 after conversion)");
    }

    @Test
    void validateWhenRemitterNameIsLongerThan40ThenRemitterNameTooLong() {
        var outcome = TransferValidation.validate(new TransferInput("A".repeat(41), List.of(item("1"))));
        assertThat(violations(outcome)).extracting(Violation::code, Violation::field, Violation::itemId)
                .containsExactly(tuple(ViolationCode.REMITTER_NAME_TOO_LONG, "remitterName", null));
        assertThat(TransferValidation.validate(new TransferInput("A".repeat(40), List.of(item("1")))))
                .isInstanceOf(TransferValidation.Valid.class);
    }

    @Test
    void validateWhenItemIdsRepeatThenTheSecondIsADuplicate() {
        assertThat(violations(validate(item("1"), item("2"), item("1"))))
                .extracting(Violation::code, Violation::itemId)
                .containsExactly(tuple(ViolationCode.ITEM_ID_DUPLICATE, "1"));
    }

    @Test
    void validateWhenNoItemsOrMoreThan99ThenItemCountInvalid() {
        assertThat(violations(validate())).extracting(Violation::code).containsExactly(ViolationCode.ITEM_COUNT_INVALID);
        List<TransferItemInput> hundred = new ArrayList<>(IntStream.rangeClosed(1, 99).mapToObj(i -> item("" + i)).toList());
        assertThat(TransferValidation.validate(new TransferInput(null, hundred))).isInstanceOf(TransferValidation.Valid.class);
        hundred.add(item("1"));
        assertThat(violations(TransferValidation.validate(new TransferInput(null, hundred))))
                .extracting(Violation::code)
                .containsExactly(ViolationCode.ITEM_COUNT_INVALID, ViolationCode.ITEM_ID_DUPLICATE);
    }

    @Test
    void validateWhenSeveralFieldsAreWrongThenReportsEveryOne() {
        var bad = new TransferItemInput("3", "5", "1", "3", "X", "山", "0", "A,B");
        assertThat(violations(validate(item("1"), bad))).extracting(Violation::code).containsExactly(
                ViolationCode.BANK_CODE_INVALID, ViolationCode.BRANCH_CODE_INVALID, ViolationCode.ACCOUNT_TYPE_INVALID,
                ViolationCode.ACCOUNT_NUMBER_INVALID, ViolationCode.BENEFICIARY_NAME_INVALID,
                ViolationCode.AMOUNT_INVALID, ViolationCode.EDI_INFO_INVALID);
    }

    @Test
    void totalAmountWhenManyItemsThenSumsInYen() {
        var items = IntStream.rangeClosed(1, 99)
                .mapToObj(i -> new TransferItemInput("" + i, "0005", "123", "1", "1", "A", "9999999999", null))
                .toList();
        var outcome = (TransferValidation.Valid) TransferValidation.validate(new TransferInput(null, items));
        assertThat(outcome.transfer().totalAmount()).isEqualTo(989_999_999_901L);
    }

    private static TransferItemInput with(String field, String value) {
        var i = new TransferItemInput("7", "0005", "123", "1", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", "50000", null);
        return switch (field) {
            case "itemId" -> new TransferItemInput(value, i.beneficiaryBankCode(), i.beneficiaryBranchCode(),
                    i.accountTypeCode(), i.accountNumber(), i.beneficiaryName(), i.transferAmount(), i.ediInfo());
            case "beneficiaryBankCode" -> new TransferItemInput(i.itemId(), value, i.beneficiaryBranchCode(),
                    i.accountTypeCode(), i.accountNumber(), i.beneficiaryName(), i.transferAmount(), i.ediInfo());
            case "beneficiaryBranchCode" -> new TransferItemInput(i.itemId(), i.beneficiaryBankCode(), value,
                    i.accountTypeCode(), i.accountNumber(), i.beneficiaryName(), i.transferAmount(), i.ediInfo());
            case "accountTypeCode" -> new TransferItemInput(i.itemId(), i.beneficiaryBankCode(),
                    i.beneficiaryBranchCode(), value, i.accountNumber(), i.beneficiaryName(), i.transferAmount(),
                    i.ediInfo());
            case "accountNumber" -> new TransferItemInput(i.itemId(), i.beneficiaryBankCode(),
                    i.beneficiaryBranchCode(), i.accountTypeCode(), value, i.beneficiaryName(), i.transferAmount(),
                    i.ediInfo());
            case "beneficiaryName" -> new TransferItemInput(i.itemId(), i.beneficiaryBankCode(),
                    i.beneficiaryBranchCode(), i.accountTypeCode(), i.accountNumber(), value, i.transferAmount(),
                    i.ediInfo());
            case "transferAmount" -> new TransferItemInput(i.itemId(), i.beneficiaryBankCode(),
                    i.beneficiaryBranchCode(), i.accountTypeCode(), i.accountNumber(), i.beneficiaryName(), value,
                    i.ediInfo());
            case "ediInfo" -> new TransferItemInput(i.itemId(), i.beneficiaryBankCode(), i.beneficiaryBranchCode(),
                    i.accountTypeCode(), i.accountNumber(), i.beneficiaryName(), i.transferAmount(), value);
            default -> throw new IllegalArgumentException(field);
        };
    }
}
