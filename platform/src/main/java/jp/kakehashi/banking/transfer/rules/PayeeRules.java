package jp.kakehashi.banking.transfer.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The Zengin rules on one beneficiary account: codes, 預金種目, account number and name. */
final class PayeeRules {

    private static final Pattern BANK_CODE = Pattern.compile("\\d{4}");
    private static final Pattern BRANCH_CODE = Pattern.compile("\\d{3}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{1,7}");

    private PayeeRules() {
    }

    /** The payee of an item, or empty after adding one violation per wrong field to {@code violations}. */
    static Optional<Payee> payee(TransferItemInput item, List<Violation> violations) {
        String id = item.itemId();
        String bankCode = matching(BANK_CODE, item.beneficiaryBankCode());
        if (bankCode == null) {
            violations.add(ViolationCode.BANK_CODE_INVALID.on(id, "beneficiaryBankCode"));
        }
        String branchCode = matching(BRANCH_CODE, item.beneficiaryBranchCode());
        if (branchCode == null) {
            violations.add(ViolationCode.BRANCH_CODE_INVALID.on(id, "beneficiaryBranchCode"));
        }
        Optional<AccountType> type = AccountType.ofCode(item.accountTypeCode());
        if (type.isEmpty()) {
            violations.add(ViolationCode.ACCOUNT_TYPE_INVALID.on(id, "accountTypeCode"));
        }
        String number = matching(ACCOUNT_NUMBER, item.accountNumber());
        if (number == null) {
            violations.add(ViolationCode.ACCOUNT_NUMBER_INVALID.on(id, "accountNumber"));
        }
        String name = name(item, violations);
        // each field missing here added its violation above
        if (bankCode == null || branchCode == null || type.isEmpty() || number == null || name == null) {
            return Optional.empty();
        }
        String accountNumber = "0".repeat(7 - number.length()) + number;
        return Optional.of(new Payee(bankCode, branchCode, type.orElseThrow(), accountNumber, name));
    }

    /** The name in Zengin characters, or null after adding its violation to {@code violations}. */
    private static @Nullable String name(TransferItemInput item, List<Violation> violations) {
        if (item.beneficiaryName() == null || item.beneficiaryName().isBlank()) {
            violations.add(ViolationCode.BENEFICIARY_NAME_MISSING.on(item.itemId(), "beneficiaryName"));
            return null;
        }
        return ZenginField.BENEFICIARY_NAME.convert(item.beneficiaryName(), item.itemId(), violations);
    }

    /** The value when it is present and matches the pattern, else null. */
    private static @Nullable String matching(Pattern pattern, @Nullable String value) {
        // \d in Java matches ASCII digits only, so full-width digits are refused rather than silently accepted
        return value != null && pattern.matcher(value).matches() ? value : null;
    }
}
