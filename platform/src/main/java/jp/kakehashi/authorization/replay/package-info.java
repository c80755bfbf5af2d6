/**
 * Replay protection shared by every node (B7): the {@code jti}s of client assertions and DPoP proofs already seen,
 * kept in PostgreSQL so that a JWT used on one node behind the load balancer is refused on every other one.
 */
package jp.kakehashi.authorization.replay;
