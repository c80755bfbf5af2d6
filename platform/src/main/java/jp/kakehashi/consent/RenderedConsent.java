package jp.kakehashi.consent;

/**
 * What the consent page put before the customer as rendered (D5), beside the structured content of
 * {@link NewGrant#shown()}: enough to show later exactly which page, from which template, with which confirmation,
 * after which sign-in, the customer agreed on.
 *
 * @param templateVersion  the page template's version, derived from the template's content
 * @param pageSha256       SHA-256 (lower-case hex) of the exact HTML document sent to the customer
 * @param confirmationText the words of the confirmation the customer ticked before agreeing
 * @param signInLevel      how the customer had signed in: {@code PASSWORD} or {@code MFA}
 */
public record RenderedConsent(String templateVersion, String pageSha256, String confirmationText,
        String signInLevel) {

    public RenderedConsent {
        if (!"PASSWORD".equals(signInLevel) && !"MFA".equals(signInLevel)) {
            throw new IllegalArgumentException("sign-in level must be PASSWORD or MFA: " + signInLevel);
        }
        if (templateVersion == null || pageSha256 == null || confirmationText == null) {
            throw new IllegalArgumentException("a rendered consent keeps its template version, page hash and"
                    + " confirmation text");
        }
    }
}
