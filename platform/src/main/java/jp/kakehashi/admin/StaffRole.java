package jp.kakehashi.admin;

/** What a staff member may do in the console (C4 least privilege); a member may hold several. */
public enum StaffRole {
    /** Screens TPP applications and records findings (審査担当). */
    REVIEWER,
    /** The second person: approves what others requested, never their own requests (承認者). */
    APPROVER,
    /** Requests restrictions, suspensions, resumptions, revocations and exports; activates TPPs; incidents (運用担当). */
    OPERATOR,
    /** Reads the logs and signs off the periodic access-log review; read-only elsewhere (監査担当). */
    AUDITOR
}
