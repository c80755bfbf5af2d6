/**
 * The core banking port (勘定系接続ポート): what a bank implements to connect its core system to Kakehashi.
 *
 * <p>Plain Java on purpose, without Spring, so that a bank can implement it with any technology. Amounts
 * are whole yen as {@code long} (円, scale 0); business rejections are sealed results with closed reason
 * enums, programmer errors are exceptions. Serves the read API (参照系: accounts, balances, transaction
 * history) and the payment API (更新系: transfers, one-step or in two phases – reserve, then post or void)
 * of docs/requirements.md, section "Words used here".
 */
@org.jspecify.annotations.NullMarked
package jp.kakehashi.corebanking.spi;
