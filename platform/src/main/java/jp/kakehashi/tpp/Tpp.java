package jp.kakehashi.tpp;

import java.util.Set;

/**
 * A TPP (API接続先): a company whose app calls the bank's API. Everything a customer must see about it on the consent
 * screen (D1, D3, D4) is here, together with the scopes the bank approved it for (B5).
 *
 * @param id                 the bank's id for the TPP
 * @param legalName          company name (商号), Japanese
 * @param legalNameEn        company name, English
 * @param serviceName        the name of the TPP's service, Japanese
 * @param serviceNameEn      the name of the TPP's service, English
 * @param representative     representative (代表者)
 * @param address            registered address
 * @param contactPhone       inquiry phone
 * @param contactEmail       inquiry mail
 * @param inquiryUrl         inquiry and complaint page, may be null
 * @param registrationNumber 電子決済等代行業 registration number, may be null
 * @param status             where the TPP is in its lifecycle
 * @param approvedScopes     the scopes the screening approved
 * @param restrictedScopes   approved scopes the bank has taken away for now (A6 restriction)
 */
public record Tpp(String id, String legalName, String legalNameEn, String serviceName, String serviceNameEn,
        String representative, String address, String contactPhone, String contactEmail, String inquiryUrl,
        String registrationNumber, TppStatus status, Set<String> approvedScopes, Set<String> restrictedScopes) {

    public Tpp {
        approvedScopes = Set.copyOf(approvedScopes);
        restrictedScopes = Set.copyOf(restrictedScopes);
    }

    /** A TPP without restrictions. */
    public Tpp(String id, String legalName, String legalNameEn, String serviceName, String serviceNameEn,
            String representative, String address, String contactPhone, String contactEmail, String inquiryUrl,
            String registrationNumber, TppStatus status, Set<String> approvedScopes) {
        this(id, legalName, legalNameEn, serviceName, serviceNameEn, representative, address, contactPhone,
                contactEmail, inquiryUrl, registrationNumber, status, approvedScopes, Set.of());
    }

    /** Whether the TPP may obtain new grants and use its tokens now. */
    public boolean canConnect() {
        return status == TppStatus.ACTIVE || status == TppStatus.RESTRICTED;
    }

    /** The only scopes any of its clients can be granted or use now: approved and not restricted. */
    public Set<String> usableScopes() {
        if (!canConnect()) {
            return Set.of();
        }
        var usable = new java.util.HashSet<>(approvedScopes);
        usable.removeAll(restrictedScopes);
        return Set.copyOf(usable);
    }
}
