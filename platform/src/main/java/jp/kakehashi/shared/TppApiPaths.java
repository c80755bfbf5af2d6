package jp.kakehashi.shared;

/**
 * The paths TPPs call with a customer's authorisation: the banking API ({@code /v1}) and the grant management endpoint
 * ({@code /grants}, FAPI Grant Management §6). Every call to them is recorded in the execution log (C1) and counted
 * against the caller's rate limit (F4), so the filters that do so ask here rather than each naming the paths.
 */
public final class TppApiPaths {

    private static final String BANKING_API = "/v1/";
    private static final String GRANT_MANAGEMENT = "/grants/";

    private TppApiPaths() {
    }

    /** Whether a request URI or a matched route pattern is one of them. */
    public static boolean covers(String path) {
        return path != null && (path.startsWith(BANKING_API) || path.startsWith(GRANT_MANAGEMENT));
    }
}
