/**
 * Controlled bulk exports of customer data (C4): requested by an operator with a reason, approved by another person
 * (a maker-checker kind), made at approval, downloadable once by the requester within a window, and every step in the
 * staff action log with the row count and SHA-256 of the file.
 */
package jp.kakehashi.admin.export;
