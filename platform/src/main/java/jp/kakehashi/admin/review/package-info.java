/**
 * The periodic access-log review (C4 操作ログの定期的な点検): an auditor reads a month of the staff action log with
 * counts per staff member and action and the chain's integrity, and signs it off with a comment; the sign-off keeps
 * the number of entries and a SHA-256 over them. Months past their end without a sign-off are overdue on the
 * dashboard.
 */
package jp.kakehashi.admin.review;
