package jp.kakehashi.portal;

import static jp.kakehashi.portal.ApplicationForm.blank;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.TppApplication.IncidentContact;
import jp.kakehashi.tpp.screening.Answer;
import jp.kakehashi.tpp.screening.ChecklistItem;
import org.springframework.validation.Errors;

/**
 * Checks an application form field by field (A1) and, when nothing is wrong, turns it into the application and its
 * checklist answers. Every problem is reported on its field, so the form comes back with all of them at once.
 */
final class ApplicationFormCheck {

    static final int MAX_TEXT = 4000;
    static final int MIN_PASSWORD = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{6,20}$");

    private final ApplicationForm form;
    private final Errors errors;

    ApplicationFormCheck(ApplicationForm form, Errors errors) {
        this.form = form;
        this.errors = errors;
    }

    /** The application and answers, or empty with the problems in the errors. */
    Optional<Checked> check(List<ChecklistItem> currentItems) {
        account();
        company();
        Set<ApiClass> classes = apiClasses();
        List<String> redirectUris = KeyAndRedirectChecks.redirectUris(form.getRedirectUris(), errors);
        String jwks = "JWKS".equals(form.getKeyType()) ? KeyAndRedirectChecks.jwks(form.getJwks(), errors) : null;
        String dn = "CERT".equals(form.getKeyType())
                ? KeyAndRedirectChecks.subjectDn(form.getCertificateSubjectDn(), errors) : null;
        if (!"JWKS".equals(form.getKeyType()) && !"CERT".equals(form.getKeyType())) {
            errors.rejectValue("keyType", "portal.apply.error.required");
        }
        List<IncidentContact> contacts = contacts();
        required("compensationTerms", form.getCompensationTerms());
        List<Answer> answers = answers(currentItems);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(new TppApplication(strip(form.getLegalName()), strip(form.getLegalNameEn()),
                strip(form.getServiceName()), strip(form.getServiceNameEn()), strip(form.getRepresentative()),
                strip(form.getAddress()), strip(form.getContactPhone()), strip(form.getContactEmail()),
                strip(form.getInquiryUrl()), strip(form.getRegistrationNumber()),
                PortalAccounts.normalised(form.getEmail()), classes, new LinkedHashSet<>(form.getScopes()),
                redirectUris, jwks, dn, contacts, strip(form.getCompensationTerms())), answers));
    }

    /** A checked application, ready to submit. */
    record Checked(TppApplication application, List<Answer> answers) {
    }

    private void account() {
        if (required("email", form.getEmail()) && !EMAIL.matcher(form.getEmail().strip()).matches()) {
            errors.rejectValue("email", "portal.apply.error.email");
        }
        if (required("password", form.getPassword()) && form.getPassword().length() < MIN_PASSWORD) {
            errors.rejectValue("password", "portal.apply.error.passwordShort", new Object[] {MIN_PASSWORD}, null);
        }
        if (form.getPassword() != null && !form.getPassword().equals(form.getPasswordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "portal.apply.error.passwordMismatch");
        }
    }

    private void company() {
        for (String field : List.of("legalName", "representative", "address", "registrationNumber", "serviceName")) {
            required(field, value(field));
        }
        for (String field : List.of("legalNameEn", "serviceNameEn", "inquiryUrl")) {
            tooLong(field, value(field));
        }
        if (required("contactPhone", form.getContactPhone()) && !PHONE.matcher(form.getContactPhone().strip())
                .matches()) {
            errors.rejectValue("contactPhone", "portal.apply.error.phone");
        }
        if (required("contactEmail", form.getContactEmail()) && !EMAIL.matcher(form.getContactEmail().strip())
                .matches()) {
            errors.rejectValue("contactEmail", "portal.apply.error.email");
        }
        if (!blank(form.getInquiryUrl()) && !KeyAndRedirectChecks.isHttpsUrl(form.getInquiryUrl().strip())) {
            errors.rejectValue("inquiryUrl", "portal.apply.error.https");
        }
    }

    private Set<ApiClass> apiClasses() {
        Set<ApiClass> classes = EnumSet.noneOf(ApiClass.class);
        for (String name : form.getApiClasses()) {
            ApiScopes.BY_CLASS.keySet().stream().filter(c -> c.name().equals(name)).forEach(classes::add);
        }
        if (classes.isEmpty()) {
            errors.rejectValue("apiClasses", "portal.apply.error.apiClass");
        }
        if (form.getScopes().isEmpty()) {
            errors.rejectValue("scopes", "portal.apply.error.scopes");
        } else if (form.getScopes().stream().anyMatch(scope -> !classes.contains(ApiScopes.classOf(scope)))) {
            errors.rejectValue("scopes", "portal.apply.error.scopeClass");
        }
        return classes;
    }

    private List<IncidentContact> contacts() {
        List<IncidentContact> contacts = new ArrayList<>();
        for (int i = 0; i < form.getContacts().size(); i++) {
            ApplicationForm.ContactRow row = form.getContacts().get(i);
            if (row.empty()) {
                continue;
            }
            String at = "contacts[" + i + "].";
            boolean complete = required(at + "name", row.getName()) & required(at + "role", row.getRole())
                    & required(at + "email", row.getEmail()) & required(at + "phone", row.getPhone());
            if (complete && !EMAIL.matcher(row.getEmail().strip()).matches()) {
                errors.rejectValue(at + "email", "portal.apply.error.email");
            } else if (complete) {
                contacts.add(new IncidentContact(row.getName().strip(), row.getRole().strip(),
                        row.getEmail().strip(), row.getPhone().strip()));
            }
        }
        if (form.getContacts().stream().allMatch(ApplicationForm.ContactRow::empty)) {
            errors.rejectValue("contacts", "portal.apply.error.contacts");
        }
        return contacts;
    }

    private List<Answer> answers(List<ChecklistItem> currentItems) {
        List<Long> shown = form.getItemIds();
        if (!currentItems.stream().map(ChecklistItem::id).toList().equals(shown)) {
            // the bank changed its checklist while the form was open: show the current items, keep what matches
            errors.reject("portal.apply.error.checklistChanged");
        }
        List<Answer> answers = new ArrayList<>();
        for (ChecklistItem item : currentItems) {
            String key = String.valueOf(item.id());
            Answer answer = new Answer(item.id(), form.getAnswers().get(key), form.getEvidence().get(key));
            if (item.mandatory() && answer.answer().isEmpty()) {
                errors.rejectValue("answers[" + key + "]", "portal.apply.error.answer");
            }
            if (item.mandatory() && answer.evidence().isEmpty()) {
                errors.rejectValue("evidence[" + key + "]", "portal.apply.error.evidence");
            }
            tooLong("answers[" + key + "]", answer.answer());
            tooLong("evidence[" + key + "]", answer.evidence());
            answers.add(answer);
        }
        return answers;
    }

    private boolean required(String field, String value) {
        if (blank(value)) {
            errors.rejectValue(field, "portal.apply.error.required");
            return false;
        }
        return !tooLong(field, value);
    }

    private boolean tooLong(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.rejectValue(field, "portal.apply.error.tooLong", new Object[] {MAX_TEXT}, null);
            return true;
        }
        return false;
    }

    private String value(String field) {
        return (String) errors.getFieldValue(field);
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }
}
