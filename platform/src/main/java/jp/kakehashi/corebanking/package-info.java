/**
 * Binds the bank's core system through the plain-Java port of {@code corebanking-spi}. By default the port is served
 * by the double-entry simulator of {@code corebanking-simulator} on the platform's own database (the demo, the sandbox
 * and the tests); a bank sets {@code kakehashi.core-banking.adapter} to its own value and provides a
 * {@link jp.kakehashi.corebanking.spi.CoreBanking} bean for its core system.
 * <p>
 * The module is open: the port's value types ({@code corebanking.spi}) are its API, used by the banking module.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Core banking", allowedDependencies = {},
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kakehashi.corebanking;
