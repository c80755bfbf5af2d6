package jp.kakehashi.shared;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The platform's Content-Security-Policy (CSP Level 3), one for every page it serves, set on every security chain
 * (the runtime module's headers customizer) and on the container's own error answers:
 * <ul>
 * <li>{@code default-src 'self'}: scripts, styles, images, fonts and fetches come from the bank's own origin only;</li>
 * <li>{@code script-src 'self'} without {@code 'unsafe-inline'}: no inline script and no inline event handler runs,
 * so markup injected into a page cannot execute (the pages' scripts, Spring Security's passkey script included, are
 * files of the bank);</li>
 * <li>{@code style-src 'self'}: no inline style either (a page hides an element with {@code hidden});</li>
 * <li>{@code object-src 'none'} and {@code base-uri 'none'}: no plug-ins, no {@code <base>} that would re-point the
 * pages' relative URLs;</li>
 * <li>{@code frame-ancestors 'none'}: no page may be framed (click-jacking of the consent and console buttons), the
 * CSP form of {@code X-Frame-Options: DENY};</li>
 * <li>{@code form-action 'self'}: forms post to the bank only. The consent screen's form goes on, by the
 * authorization endpoint's redirect, to the TPP's registered redirect URI, which browsers check against
 * {@code form-action} too (CSP3 §6.4.1): that page adds exactly those URIs ({@link #withFormTargets}).</li>
 * </ul>
 */
public final class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    private static final String BEFORE_FORM_ACTION = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    /** The policy of every page. */
    public static final String POLICY = BEFORE_FORM_ACTION;

    private ContentSecurityPolicy() {
    }

    /**
     * The policy with forms also allowed to lead to {@code targets} (absolute https URIs, as registered redirect URIs
     * are); anything that is not one is left out rather than widen the policy.
     */
    public static String withFormTargets(Collection<String> targets) {
        String extra = targets.stream().filter(ContentSecurityPolicy::safeSource).distinct()
                .collect(Collectors.joining(" "));
        return extra.isEmpty() ? POLICY : BEFORE_FORM_ACTION + " " + extra;
    }

    /** An https URI without characters that would end the source expression or the directive (CSP3 §2.3.1). */
    private static boolean safeSource(String uri) {
        return uri != null && uri.startsWith("https://") && uri.chars().noneMatch(c -> c <= 0x20 || c == ';'
                || c == ',' || c == '\'' || c == '"' || c >= 0x7f);
    }
}
