package jp.kakehashi.tpp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The applications TPPs submitted (A1), kept for the life of the TPP, beside the company data in {@link Tpps}. */
@Repository
public class TppApplications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    TppApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void store(String tppId, TppApplication application, Instant submittedAt) {
        jdbc.sql("""
                insert into tpp_application (tpp_id, submitted_at, applicant_email, api_classes, requested_scopes,
                    redirect_uris, jwks, certificate_subject_dn, incident_contacts, compensation_terms)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                """).params(tppId, Timestamp.from(submittedAt), application.applicantEmail(),
                application.apiClasses().stream().map(Enum::name).sorted().toArray(String[]::new),
                application.requestedScopes().stream().sorted().toArray(String[]::new),
                application.redirectUris().toArray(String[]::new), application.jwks(),
                application.certificateSubjectDn(), JSON.writeValueAsString(application.incidentContacts()),
                application.compensationTerms()).update();
    }

    /** The application of a TPP, with its company data as it is now. */
    public Optional<TppApplication> find(String tppId) {
        return jdbc.sql("select a.*, t.* from tpp_application a join tpp t on t.id = a.tpp_id where a.tpp_id = ?")
                .param(tppId).query(TppApplications::application).optional();
    }

    private static TppApplication application(ResultSet rs, int row) throws SQLException {
        var classes = EnumSet.noneOf(TppApplication.ApiClass.class);
        Tpps.strings(rs.getArray("api_classes")).forEach(name -> classes.add(TppApplication.ApiClass.valueOf(name)));
        List<TppApplication.IncidentContact> contacts = JSON.readValue(rs.getString("incident_contacts"),
                new TypeReference<>() {
                });
        return new TppApplication(rs.getString("legal_name"), rs.getString("legal_name_en"),
                rs.getString("service_name"), rs.getString("service_name_en"), rs.getString("representative"),
                rs.getString("address"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("inquiry_url"), rs.getString("registration_number"), rs.getString("applicant_email"),
                classes, new HashSet<>(Tpps.strings(rs.getArray("requested_scopes"))),
                Tpps.strings(rs.getArray("redirect_uris")), rs.getString("jwks"), rs.getString("certificate_subject_dn"),
                contacts, rs.getString("compensation_terms"));
    }
}
