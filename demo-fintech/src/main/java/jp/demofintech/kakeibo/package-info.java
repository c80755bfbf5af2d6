/**
 * The demo FinTech app かけいぼ Plus (B1, B2, D1 seen from the TPP): a TPP's web app that connects to 架け橋銀行 with FAPI 2.0
 * and shows the customer's accounts, balances and transaction history from the bank's read API (参照系). It is the bank's
 * counterpart, not part of the bank: it depends on nothing of the platform and talks to it only over HTTPS.
 */
package jp.demofintech.kakeibo;
