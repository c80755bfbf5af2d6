package jp.kakehashi.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the application form posts (A1), kept as typed so a refused form comes back with everything in it. Checklist
 * answers and evidence are keyed by the item version's id, which the form also carries in {@link #itemIds}.
 */
public class ApplicationForm {

    /** How many incident contacts the form offers; at least one must be complete. */
    static final int CONTACT_ROWS = 3;

    private String email;
    private String password;
    private String passwordConfirmation;
    private String legalName;
    private String legalNameEn;
    private String representative;
    private String address;
    private String contactPhone;
    private String contactEmail;
    private String inquiryUrl;
    private String registrationNumber;
    private String serviceName;
    private String serviceNameEn;
    private Set<String> apiClasses = new LinkedHashSet<>();
    private Set<String> scopes = new LinkedHashSet<>();
    private String redirectUris;
    private String keyType = "JWKS";
    private String jwks;
    private String certificateSubjectDn;
    private List<ContactRow> contacts = new ArrayList<>();
    private String compensationTerms;
    private List<Long> itemIds = new ArrayList<>();
    private Map<String, String> answers = new LinkedHashMap<>();
    private Map<String, String> evidence = new LinkedHashMap<>();

    public ApplicationForm() {
        for (int i = 0; i < CONTACT_ROWS; i++) {
            contacts.add(new ContactRow());
        }
    }

    /** One incident contact row (C6); a row left entirely empty is ignored. */
    public static class ContactRow {
        private String name;
        private String role;
        private String email;
        private String phone;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }

        boolean empty() {
            return blank(name) && blank(role) && blank(email) && blank(phone);
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getPasswordConfirmation() { return passwordConfirmation; }
    public void setPasswordConfirmation(String value) { this.passwordConfirmation = value; }
    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getLegalNameEn() { return legalNameEn; }
    public void setLegalNameEn(String legalNameEn) { this.legalNameEn = legalNameEn; }
    public String getRepresentative() { return representative; }
    public void setRepresentative(String representative) { this.representative = representative; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getInquiryUrl() { return inquiryUrl; }
    public void setInquiryUrl(String inquiryUrl) { this.inquiryUrl = inquiryUrl; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String value) { this.registrationNumber = value; }
    public String getServiceName() { return serviceName; }
    public void setServiceName(String serviceName) { this.serviceName = serviceName; }
    public String getServiceNameEn() { return serviceNameEn; }
    public void setServiceNameEn(String serviceNameEn) { this.serviceNameEn = serviceNameEn; }
    public Set<String> getApiClasses() { return apiClasses; }
    public void setApiClasses(Set<String> apiClasses) { this.apiClasses = apiClasses; }
    public Set<String> getScopes() { return scopes; }
    public void setScopes(Set<String> scopes) { this.scopes = scopes; }
    public String getRedirectUris() { return redirectUris; }
    public void setRedirectUris(String redirectUris) { this.redirectUris = redirectUris; }
    public String getKeyType() { return keyType; }
    public void setKeyType(String keyType) { this.keyType = keyType; }
    public String getJwks() { return jwks; }
    public void setJwks(String jwks) { this.jwks = jwks; }
    public String getCertificateSubjectDn() { return certificateSubjectDn; }
    public void setCertificateSubjectDn(String value) { this.certificateSubjectDn = value; }
    public List<ContactRow> getContacts() { return contacts; }
    public void setContacts(List<ContactRow> contacts) { this.contacts = contacts; }
    public String getCompensationTerms() { return compensationTerms; }
    public void setCompensationTerms(String compensationTerms) { this.compensationTerms = compensationTerms; }
    public List<Long> getItemIds() { return itemIds; }
    public void setItemIds(List<Long> itemIds) { this.itemIds = itemIds; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> answers) { this.answers = answers; }
    public Map<String, String> getEvidence() { return evidence; }
    public void setEvidence(Map<String, String> evidence) { this.evidence = evidence; }
}
