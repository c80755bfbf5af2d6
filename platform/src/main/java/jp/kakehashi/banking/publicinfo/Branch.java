package jp.kakehashi.banking.publicinfo;

import java.util.List;

/**
 * A branch (店舗) as the public information API shows it.
 *
 * @param branchCode     the 3-digit Zengin branch code (店番)
 * @param branchNameKana the name in half-width kana, as Zengin writes it
 * @param businessHours  窓口営業時間, as the bank words it
 * @param services       取扱業務
 */
public record Branch(String branchCode, String branchName, String branchNameKana, String postalCode, String address,
        String phone, String businessHours, List<String> services) {

    public Branch {
        services = List.copyOf(services);
    }
}
