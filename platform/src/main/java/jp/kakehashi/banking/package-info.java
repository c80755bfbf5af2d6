/**
 * The Open API resources (参照系 and 更新系): accounts, balances and transaction history within the customer's consent (B2,
 * D1), the period of history a TPP may read (B10), transfers ({@code banking.transfer}, B9, B10), and the bank's public
 * information (branches, ATMs) that needs no consent. It also lends the consent screen the customer's accounts from the
 * core system.
 * <p>
 * The resource server's security chain lives in the authorization module; this module trusts the authenticated
 * access token it hands over and checks consent itself: the account must be one the customer chose.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Banking API",
        allowedDependencies = { "consent", "corebanking", "risk", "shared" })
package jp.kakehashi.banking;
