package jp.kakehashi.tpp;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The TPP registry's store and façade: TPPs and their clients. */
@Repository
public class Tpps {

    private final JdbcClient jdbc;

    Tpps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tpp> find(String tppId) {
        return jdbc.sql("select * from tpp where id = ?").param(tppId).query(Tpps::tpp).optional();
    }

    /**
     * The TPP, its row locked until the surrounding transaction ends: a decision taken on the status read here (e.g.
     * "still as it was when the request was filed") cannot be overtaken by another decision before it commits.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Optional<Tpp> findForUpdate(String tppId) {
        return jdbc.sql("select * from tpp where id = ? for update").param(tppId).query(Tpps::tpp).optional();
    }

    public Optional<TppClient> findClient(String clientId) {
        return jdbc.sql("select * from tpp_client where client_id = ?").param(clientId).query(Tpps::client).optional();
    }

    /** Every TPP, by status, then name (the staff console's list). */
    public List<Tpp> all() {
        return jdbc.sql("select * from tpp order by status, legal_name, id").query(Tpps::tpp).list();
    }

    /** The TPPs in the given statuses, by name. */
    public List<Tpp> inStatus(java.util.Collection<TppStatus> statuses) {
        return jdbc.sql("select * from tpp where status = any(?) order by legal_name, id")
                .param(statuses.stream().map(Enum::name).toArray(String[]::new)).query(Tpps::tpp).list();
    }

    public List<TppClient> clientsOf(String tppId) {
        return jdbc.sql("select * from tpp_client where tpp_id = ? order by client_id").param(tppId)
                .query(Tpps::client).list();
    }

    /** Registers a TPP as the bank approved it (the screening workflow will call this on approval). */
    @Transactional
    public void register(Tpp tpp) {
        jdbc.sql("""
                insert into tpp (id, legal_name, legal_name_en, service_name, service_name_en, representative, address,
                                 contact_phone, contact_email, inquiry_url, registration_number, status, approved_scopes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(tpp.id(), tpp.legalName(), tpp.legalNameEn(), tpp.serviceName(), tpp.serviceNameEn(),
                        tpp.representative(), tpp.address(), tpp.contactPhone(), tpp.contactEmail(), tpp.inquiryUrl(),
                        tpp.registrationNumber(), tpp.status().name(),
                        tpp.approvedScopes().stream().sorted().toArray(String[]::new))
                .update();
    }

    /** Registers a client of an existing TPP. */
    @Transactional
    public void registerClient(TppClient client) {
        jdbc.sql("""
                insert into tpp_client (client_id, tpp_id, client_name, redirect_uris, jwks, jwks_uri,
                                        token_endpoint_auth_method, tls_client_auth_subject_dn, sender_constraint,
                                        dpop_nonce_required, require_signed_request_object,
                                        request_object_signing_alg, authorization_signed_response_alg,
                                        introspection_signed_response_alg, scopes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(client.clientId(), client.tppId(), client.clientName(),
                        client.redirectUris().toArray(String[]::new), client.jwks(), client.jwksUri(),
                        client.authMethod().value(), client.tlsClientAuthSubjectDn(),
                        client.senderConstraint().name().toLowerCase(Locale.ROOT), client.dpopNonceRequired(),
                        client.messageSigning().requireSignedRequestObject(),
                        client.messageSigning().requestObjectSigningAlg(),
                        client.messageSigning().authorizationSignedResponseAlg(),
                        client.messageSigning().introspectionSignedResponseAlg(),
                        client.scopes() == null ? null : client.scopes().stream().sorted().toArray(String[]::new))
                .update();
    }

    private static Tpp tpp(ResultSet rs, int row) throws SQLException {
        return new Tpp(rs.getString("id"), rs.getString("legal_name"), rs.getString("legal_name_en"),
                rs.getString("service_name"), rs.getString("service_name_en"), rs.getString("representative"),
                rs.getString("address"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("inquiry_url"), rs.getString("registration_number"),
                TppStatus.valueOf(rs.getString("status")), new HashSet<>(strings(rs.getArray("approved_scopes"))),
                new HashSet<>(strings(rs.getArray("restricted_scopes"))));
    }

    private static TppClient client(ResultSet rs, int row) throws SQLException {
        return new TppClient(rs.getString("client_id"), rs.getString("tpp_id"), rs.getString("client_name"),
                strings(rs.getArray("redirect_uris")), rs.getString("jwks"), rs.getString("jwks_uri"),
                TppClient.AuthMethod.of(rs.getString("token_endpoint_auth_method")),
                rs.getString("tls_client_auth_subject_dn"),
                TppClient.SenderConstraint.valueOf(rs.getString("sender_constraint").toUpperCase(Locale.ROOT)),
                rs.getBoolean("dpop_nonce_required"), new ClientMessageSigning(
                        rs.getBoolean("require_signed_request_object"), rs.getString("request_object_signing_alg"),
                        rs.getString("authorization_signed_response_alg"),
                        rs.getString("introspection_signed_response_alg")),
                rs.getArray("scopes") == null ? null : new HashSet<>(strings(rs.getArray("scopes"))));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
