package jp.kakehashi.corebanking.simulator;

import java.time.LocalDate;

/**
 * One demo money movement between two accounts (customer or internal ids), with the 摘要 each side shows.
 *
 * @param order within a day: money in (0) before moves between own accounts (1) before money out (2), as a
 *              bank's batch would post them
 */
record DemoMovement(LocalDate date, int order, String fromAccountId, String fromRemarks, String toAccountId,
                    String toRemarks, long amount) {
}
