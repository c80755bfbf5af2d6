/**
 * The bank staff console (行員用管理画面, C4, C5, A6): its own security chain with password and TOTP sign-in, least
 * privilege roles, the maker-checker queue and the console's shell (layout, navigation, dashboard).
 *
 * <p><b>How other areas add pages.</b> Put controllers under {@code /console/<area>/**} and templates under
 * {@code templates/console/}: a page is its own {@code <main>} in the console's frame,
 * {@code <html th:replace="~{console/page :: page(title, ~{::main})}">} ({@code console/page.html}, built from the
 * fragments of {@code console/layout.html}: head, header, footer). Then:
 * <ul>
 * <li><b>Access.</b> Declare which roles reach your paths with a {@link jp.kakehashi.admin.ConsoleAccessRules} bean of
 * {@link jp.kakehashi.admin.ConsoleAccess} rules, e.g.
 * {@code ConsoleAccessRules.of(ConsoleAccess.post("/console/screening/**", StaffRole.REVIEWER))}. Rules with an HTTP
 * method come before rules without, longer patterns before shorter ones. Without a rule, GET pages are open to every signed-in staff
 * member (auditors read everything) and every other method is refused: state changes must be declared.</li>
 * <li><b>Navigation and dashboard.</b> A {@link jp.kakehashi.admin.ConsoleLink} bean adds a menu entry; a
 * {@link jp.kakehashi.admin.ConsoleDashboardItem} bean adds what is pending or due for the staff member.</li>
 * <li><b>Second person.</b> An {@link jp.kakehashi.admin.ApprovedAction} bean adds a kind of request that an
 * approver other than the requester must approve; {@link jp.kakehashi.admin.StaffRequests} files and decides them.</li>
 * <li><b>Who.</b> {@link jp.kakehashi.admin.StaffAuthentication#current()} is the signed-in staff member;
 * {@code ${@consoleTimes.at(instant)}} shows a time in Japan time.</li>
 * <li><b>Log.</b> Every POST under {@code /console} is logged centrally (path, outcome); record what your handler
 * knows better with {@code audit.StaffActions}.</li>
 * </ul>
 * The staff session's security context lives in its own session attribute, so a customer signed in in the same
 * browser stays apart.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console", allowedDependencies = {"tpp", "tpp :: screening", "consent",
        "audit", "shared"})
package jp.kakehashi.admin;
