package jp.kakehashi.incident;

/** How bad an incident is, as the reporter judges it first and staff later. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
