package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kakehashi.banking.TransferRefused;
import jp.kakehashi.banking.transfer.rules.ViolationCode;
import jp.kakehashi.risk.RiskReason;
import org.junit.jupiter.api.Test;

/**
 * A refusal names its closed reason (the API's error code) and the detail the audit log keeps (C3), in the form the
 * audit records had when they were read back from the HTTP error: the first wrong field, the broken limit, the rule.
 */
class TransferOutcomeTest {

    @Test
    void detailWhenALimitIsBrokenThenTheLimitsName() {
        var refused = new TransferOutcome.LimitExceeded(TransferLimitPolicy.Limit.DAILY);

        assertThat(refused.reason()).isEqualTo(TransferRefused.Reason.TRANSFER_LIMIT_EXCEEDED);
        assertThat(refused.detail()).isEqualTo("DAILY_LIMIT");
    }

    @Test
    void detailWhenFieldsAreWrongThenTheFirstViolationAndItsField() {
        var refused = new TransferOutcome.InvalidTransfer(List.of(
                ViolationCode.VALUE_NOT_A_STRING.on("1", "transferAmount", "transferAmount"),
                ViolationCode.TOTAL_COUNT_MISMATCH.on(null, "totalCount")));

        assertThat(refused.reason()).isEqualTo(TransferRefused.Reason.INVALID_PARAMETER);
        assertThat(refused.detail()).isEqualTo("VALUE_NOT_A_STRING transferAmount");
    }

    @Test
    void detailWhenAParameterIsWrongThenItsName() {
        assertThat(new TransferOutcome.InvalidParameter("accountId", "accountId is required").detail())
                .isEqualTo("INVALID_VALUE accountId");
        assertThat(new TransferOutcome.InvalidParameter(null, "the request is malformed").detail())
                .isEqualTo("INVALID_VALUE");
    }

    @Test
    void detailWhenTheFraudRulesDeclineThenTheRuleForTheAuditLogOnly() {
        var refused = new TransferOutcome.Declined(RiskReason.UNUSUAL_TRANSFER_FREQUENCY);

        assertThat(refused.reason()).isEqualTo(TransferRefused.Reason.TRANSFER_DECLINED);
        assertThat(refused.detail()).isEqualTo("UNUSUAL_TRANSFER_FREQUENCY");
    }

    @Test
    void detailWhenTheReasonSaysItAllThenNone() {
        assertThat(List.<TransferOutcome.Refused>of(new TransferOutcome.KeyReused(),
                new TransferOutcome.AccountNotFound(), new TransferOutcome.PayeeNotAllowed(),
                new TransferOutcome.MultipleTransfersNotSupported(), new TransferOutcome.NotAuthorised("approved")))
                .extracting(TransferOutcome.Refused::detail).containsOnlyNulls();
    }
}
