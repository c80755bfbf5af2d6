/**
 * Monitoring of connected TPPs (モニタリング, A5, A6) and their compensation capacity (補償能力, E5): per TPP the
 * agreed method, depth, frequency, on-site inspection, handling of major changes and information to submit
 * ({@link jp.kakehashi.tpp.monitoring.MonitoringAgreement}); the reviews made; the improvement requests findings lead
 * to, with deadlines; and the funds and insurance a TPP relies on to compensate customers. {@link
 * jp.kakehashi.tpp.monitoring.MonitoringSchedule} computes when a review falls due and what is overdue, for the
 * console's dashboard.
 */
@org.springframework.modulith.NamedInterface("monitoring")
package jp.kakehashi.tpp.monitoring;
