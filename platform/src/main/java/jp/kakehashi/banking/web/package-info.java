/**
 * The {@code /v1} HTTP endpoints in the GMO Aozora style Japanese FinTechs know (digit-string yen amounts, +09:00
 * times, {@code nextItemKey} paging) and their one error structure, mapped once in {@link ApiErrors}.
 */
package jp.kakehashi.banking.web;
