/**
 * The app's screens (Japanese): connect a bank account, the connected accounts with their balances, an account's
 * transaction history with paging, and ending the connection; problems with the bank are shown plainly.
 */
package jp.demofintech.kakeibo.web;
