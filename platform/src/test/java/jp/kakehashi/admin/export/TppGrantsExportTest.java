package jp.kakehashi.admin.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.GrantStatus;
import org.junit.jupiter.api.Test;

/** The export file's format: RFC 4180 quoting, formulas defused, Japan time, no account numbers. */
class TppGrantsExportTest {

    @Test
    void fieldWhenQuotesCommasOrFormulasThenQuotedAndDefused() {
        assertThat(TppGrantsExport.field("plain")).isEqualTo("plain");
        assertThat(TppGrantsExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(TppGrantsExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TppGrantsExport.field("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(TppGrantsExport.field("-1")).isEqualTo("'-1");
    }

    @Test
    void csvWhenGrantsThenHeaderAndOneLinePerGrantWithoutAccounts() {
        var grant = new Grant("g-1", "C0001", "tpp-x", "client-1", Set.of("balances", "accounts"),
                List.of("102013456789"), GrantStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2027-11-01T00:00:00Z"), null, null);

        String csv = new String(TppGrantsExport.csv(List.of(grant)), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFcustomer_id,grant_id,client_id,scopes,created_at,expires_at,last_used_at\r\n")
                .contains("C0001,g-1,client-1,accounts balances,2026-11-01T09:00:00+09:00,2027-11-01T09:00:00+09:00,\r\n")
                .doesNotContain("102013456789");
    }
}
