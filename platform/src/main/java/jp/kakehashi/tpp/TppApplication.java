package jp.kakehashi.tpp;

import java.util.List;
import java.util.Set;

/**
 * What a TPP submits on the portal to be screened (A1): its company data, services, the API classes and scopes it
 * asks for, its redirect URIs and keys, whom to call in an incident (C6) and its compensation terms (E3). Answers to
 * the screening checklist are kept by the screening, keyed by the TPP id this application receives.
 *
 * @param applicantEmail       the portal account that applied
 * @param apiClasses           {@code READ} (参照系) and/or {@code PAYMENT} (更新系)
 * @param jwks                 the public JWK set of its {@code private_key_jwt} client, or null
 * @param certificateSubjectDn the subject of its TLS client certificate ({@code tls_client_auth}), or null
 */
public record TppApplication(String legalName, String legalNameEn, String serviceName, String serviceNameEn,
        String representative, String address, String contactPhone, String contactEmail, String inquiryUrl,
        String registrationNumber, String applicantEmail, Set<ApiClass> apiClasses, Set<String> requestedScopes,
        List<String> redirectUris, String jwks, String certificateSubjectDn, List<IncidentContact> incidentContacts,
        String compensationTerms) {

    public TppApplication {
        apiClasses = Set.copyOf(apiClasses);
        requestedScopes = Set.copyOf(requestedScopes);
        redirectUris = List.copyOf(redirectUris);
        incidentContacts = List.copyOf(incidentContacts);
    }

    /** The two classes of banking API the principles distinguish. */
    public enum ApiClass {
        READ, PAYMENT
    }

    /** A pre-agreed contact for incidents (C6), reachable at once. */
    public record IncidentContact(String name, String role, String email, String phone) {
    }
}
