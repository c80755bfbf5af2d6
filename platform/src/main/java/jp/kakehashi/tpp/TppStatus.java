package jp.kakehashi.tpp;

/** The lifecycle states of a connected TPP (A6); screening states come with the onboarding workflow. */
public enum TppStatus {
    ACTIVE, RESTRICTED, SUSPENDED, REVOKED
}
