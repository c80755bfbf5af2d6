/**
 * The bank's own pages about transfers, for the customer signed in at the bank (not the TPP's API): the out-of-band
 * confirmation of transfers a TPP asked for (帯域外認証, B10). Kept apart from {@code web}, whose error
 * handling answers in the API's JSON; these pages answer with the bank's error page.
 */
package jp.kakehashi.banking.screens;
