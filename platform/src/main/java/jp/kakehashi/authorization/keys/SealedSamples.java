package jp.kakehashi.authorization.keys;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A secret the database holds sealed directly under the master key, to check a node's key against before it seals
 * anything (C2, {@link MasterKeyGuard}, migration V22_1).
 */
public final class SealedSamples {

    private SealedSamples() {
    }

    /** The oldest signing key as stored, or null in a new database (no table yet, or no key made yet). */
    public static String signingKey(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select to_regclass('signing_key') is not null")) {
                if (!exists.next() || !exists.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet key = statement.executeQuery(
                    "select jwk_encrypted from signing_key order by created_at limit 1")) {
                return key.next() ? key.getString(1) : null;
            }
        }
    }
}
