/**
 * The bank's public information (店舗・ATM情報): no customer data, so no consent and no token (B2: "except for
 * public information"), seeded by the platform's migration.
 */
package jp.kakehashi.banking.publicinfo;
