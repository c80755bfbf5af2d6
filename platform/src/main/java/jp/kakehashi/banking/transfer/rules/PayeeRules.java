package jp.kakehashi.banking.transfer.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
        int before = violations.size();
        if (!matches(BANK_CODE, item.beneficiaryBankCode())) {
            violations.add(ViolationCode.BANK_CODE_INVALID.on(id, "beneficiaryBankCode"));
        }
        if (!matches(BRANCH_CODE, item.beneficiaryBranchCode())) {
            violations.add(ViolationCode.BRANCH_CODE_INVALID.on(id, "beneficiaryBranchCode"));
        }
        Optional<AccountType> type = AccountType.ofCode(item.accountTypeCode());
        if (type.isEmpty()) {
            violations.add(ViolationCode.ACCOUNT_TYPE_INVALID.on(id, "accountTypeCode"));
        }
        if (!matches(ACCOUNT_NUMBER, item.accountNumber())) {
            violations.add(ViolationCode.ACCOUNT_NUMBER_INVALID.on(id, "accountNumber"));
        }
        String name = name(item, violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        String accountNumber = "0".repeat(7 - item.accountNumber().length()) + item.accountNumber();
        return Optional.of(new Payee(item.beneficiaryBankCode(), item.beneficiaryBranchCode(), type.orElseThrow(),
                accountNumber, name));
    }

    private static String name(TransferItemInput item, List<Violation> violations) {
        if (item.beneficiaryName() == null || item.beneficiaryName().isBlank()) {
            violations.add(ViolationCode.BENEFICIARY_NAME_MISSING.on(item.itemId(), "beneficiaryName"));
            return null;
        }
        return ZenginField.BENEFICIARY_NAME.convert(item.beneficiaryName(), item.itemId(), violations);
    }

    // \d in Java matches ASCII digits only, so full-width digits are refused rather than silently accepted
    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
