/**
 * The Open API resources (参照系 and 更新系): accounts, balances, transactions, transfers and public information,
 * with payment policy. For now it lends the consent screen the customer's accounts from the core system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Banking API")
package jp.kakehashi.banking;
