package jp.kakehashi.portal;

import java.util.Locale;
import java.util.Optional;

/**
 * A section of the portal's home page contributed by another area (notices, incidents, chained parties…): a bean
 * extending this is shown for each TPP of the signed-in account, in {@link #position()} order.
 *
 * <p>The template named by {@link #template()} holds a fragment {@code section(content)}; it gets what
 * {@link #content} returned. Forms in it post to the contributing area's own {@code /portal/...} controller, which
 * checks ownership with {@link PortalAccounts#owns(String, String)}.
 */
public abstract class PortalSection {

    private final String template;
    private final int position;

    /**
     * @param template Thymeleaf template name holding the fragment {@code section(content)}, e.g.
     *                 {@code portal/sections/notices}
     * @param position smaller first; the portal's own status section is at 0
     */
    protected PortalSection(String template, int position) {
        this.template = template;
        this.position = position;
    }

    /** Thymeleaf template name holding the fragment {@code section(content)}. */
    public String template() {
        return template;
    }

    /** Smaller first; the portal's own status section is at 0. */
    public int position() {
        return position;
    }

    /** What the fragment shows for this TPP, or empty to leave the section out. */
    public abstract Optional<?> content(String tppId, Locale locale);
}
