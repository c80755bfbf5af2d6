/**
 * A reference implementation of the core banking port: a double-entry ledger (複式簿記の元帳) on PostgreSQL,
 * in its own schema {@code corebanking}, for the default run, the sandbox and tests.
 *
 * <p>Public: {@link jp.kakehashi.corebanking.simulator.SimulatedCoreBanking} (the port),
 * {@link jp.kakehashi.corebanking.simulator.CoreBankingSimulatorSchema} (its Flyway migrations) and
 * {@link jp.kakehashi.corebanking.simulator.CoreBankingDemoData} (the demo customers and their history).
 * Money is conserved by construction: every posting's legs sum to zero (checked at commit), a customer
 * account's balance is maintained from its entries by the database and can never go negative.
 */
package jp.kakehashi.corebanking.simulator;
