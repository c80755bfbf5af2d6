/**
 * The console's screening pages (A1–A3): applications waiting, each application's screening file where a reviewer
 * records findings, references and a recommendation, and the checklist's bank-specific items. Decisions and checklist
 * changes go through the console's maker-checker queue ({@link jp.kakehashi.admin.StaffRequests}).
 */
package jp.kakehashi.admin.screening;
