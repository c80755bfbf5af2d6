/**
 * The screens of TPP oversight after screening (A4, A5, A7, E5, F2, F4): the console's monitoring pages
 * (agreements, reviews, improvement requests, due and overdue items on the dashboard), compensation capacity,
 * assessments imported from and exported to other banks, the handling of chained parties, the traffic charts, and
 * the portal section where a TPP registers its chained parties. The domain lives in {@code tpp.monitoring},
 * {@code tpp.assessment} and {@code tpp.chain}; this module only shows and edits it, inside the console's and the
 * portal's shells.
 */
@org.springframework.modulith.ApplicationModule(displayName = "TPP oversight screens", allowedDependencies = {
        "admin", "portal", "tpp", "tpp :: chain", "tpp :: assessment", "tpp :: monitoring", "audit", "shared"})
package jp.kakehashi.oversight;
