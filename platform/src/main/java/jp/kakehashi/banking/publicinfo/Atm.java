package jp.kakehashi.banking.publicinfo;

import java.util.List;

/**
 * An ATM location as the public information API shows it.
 *
 * @param branchCode the branch it belongs to, or null for an off-branch site (店舗外ATM)
 * @param latitude   decimal degrees (WGS 84) as a string, so no client rounds it through a float
 * @param hours      稼働時間, as the bank words it
 * @param fees       the withdrawal fee (時間外手数料) of the bank's own cards per time band
 */
public record Atm(String atmId, String name, String branchCode, String address, String latitude, String longitude,
        String hours, List<String> services, List<Fee> fees) {

    public Atm {
        services = List.copyOf(services);
        fees = List.copyOf(fees);
    }

    /** @param amount whole yen as a digit string */
    public record Fee(String timeBand, String amount) {
    }
}
