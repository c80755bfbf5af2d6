/**
 * The TPP developer portal (A1, C5, C6): where a TPP applies to connect, answers the screening checklist, follows its
 * status and stops its own service. Portal accounts sign in on their own chain and session attribute, apart from
 * customers and staff. Other areas add sections to the portal's home page through {@link jp.kakehashi.portal.PortalSection}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "TPP developer portal",
        allowedDependencies = {"tpp", "tpp :: screening", "shared"})
package jp.kakehashi.portal;
