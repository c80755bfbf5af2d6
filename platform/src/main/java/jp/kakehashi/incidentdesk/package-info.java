/**
 * The incident desk (C6, E1, E2, E6, F3): the console pages where staff record and follow incidents, warn affected
 * customers, announce service stops and read the security events other banks sent, and the portal pages where a TPP
 * reports an incident or an outage, announces a stop of its own service, registers where it takes the bank's notices
 * and reads them. Screens only: the rules live in {@code incident}, {@code availability} and {@code notification}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident desk (console and portal pages)",
        allowedDependencies = { "admin", "portal", "incident", "availability", "notification :: mail",
        "notification :: delivery", "notification :: webhook", "notification :: secevent", "tpp", "shared" })
package jp.kakehashi.incidentdesk;
