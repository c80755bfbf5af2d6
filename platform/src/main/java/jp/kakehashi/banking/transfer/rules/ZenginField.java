package jp.kakehashi.banking.transfer.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A text field of a transfer request checked against the Zengin character set and a maximum length. */
record ZenginField(String field, int maxLength, ViolationCode invalid, ViolationCode tooLong) {

    static final ZenginField BENEFICIARY_NAME = new ZenginField("beneficiaryName", 30,
            ViolationCode.BENEFICIARY_NAME_INVALID, ViolationCode.BENEFICIARY_NAME_TOO_LONG);
    static final ZenginField REMITTER_NAME = new ZenginField("remitterName", 40,
            ViolationCode.REMITTER_NAME_INVALID, ViolationCode.REMITTER_NAME_TOO_LONG);
    static final ZenginField EDI_INFO = new ZenginField("ediInfo", 20,
            ViolationCode.EDI_INFO_INVALID, ViolationCode.EDI_INFO_TOO_LONG);

    /** The value in Zengin characters, or null after adding the violation to {@code violations}. */
    @Nullable String convert(String value, @Nullable String itemId, List<Violation> violations) {
        return switch (ZenginText.convert(value)) {
            case ZenginText.Rejected(String character) -> refuse(violations, invalid.on(itemId, field, character));
            case ZenginText.Converted(String text) when this == EDI_INFO && text.indexOf(',') >= 0 ->
                // the comma separates EDI fields in the 総合振込 file, so it may not appear inside one
                refuse(violations, invalid.on(itemId, field, ","));
            case ZenginText.Converted(String text) when text.length() > maxLength ->
                refuse(violations, tooLong.on(itemId, field, maxLength, text.length()));
            case ZenginText.Converted(String text) -> text;
        };
    }

    private static @Nullable String refuse(List<Violation> violations, Violation violation) {
        violations.add(violation);
        return null;
    }
}
