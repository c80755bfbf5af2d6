package jp.kakehashi.consent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the consent page put before the customer as rendered (D5), beside the structured content of
 * {@link NewGrant#shown()}: enough to show later exactly which page, from which template, with which confirmation,
 * after which sign-in, the customer agreed on.
 *
 * @param templateVersion  the page template's version, derived from the template's content
 * @param pageSha256       SHA-256 (lower-case hex) of the exact HTML document sent to the customer
 * @param confirmationText the words of the confirmation the customer ticked before agreeing
 * @param signInLevel      how the customer had signed in: {@code PASSWORD} or {@code MFA}
 * @param page             that HTML document's bytes, whose hash is {@code pageSha256}; null where only the hash was
 *                         kept (records made before the page was)
 */
public record RenderedConsent(String templateVersion, String pageSha256, String confirmationText,
        String signInLevel, byte[] page) {

    public RenderedConsent {
        if (!"PASSWORD".equals(signInLevel) && !"MFA".equals(signInLevel)) {
            throw new IllegalArgumentException("sign-in level must be PASSWORD or MFA: " + signInLevel);
        }
        if (templateVersion == null || pageSha256 == null || confirmationText == null) {
            throw new IllegalArgumentException("a rendered consent keeps its template version, page hash and"
                    + " confirmation text");
        }
        if (page != null && !sha256(page).equals(pageSha256)) {
            throw new IllegalArgumentException("the page kept is not the page whose hash is kept");
        }
    }

    /** A rendering whose page is not kept, only its hash. */
    public RenderedConsent(String templateVersion, String pageSha256, String confirmationText, String signInLevel) {
        this(templateVersion, pageSha256, confirmationText, signInLevel, null);
    }

    /** SHA-256 of bytes, lower-case hex: what {@code pageSha256} is of the page. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
