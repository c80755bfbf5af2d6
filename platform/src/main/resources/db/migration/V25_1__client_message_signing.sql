-- FAPI 2.0 Message Signing (B1, B7, B9), switched on per client: signed request objects at PAR (RFC 9101 §10.5,
-- OIDC Dynamic Client Registration request_object_signing_alg), signed authorization responses (JARM §3) and
-- signed introspection responses (RFC 9701 §6). A null algorithm means the client registered none.
alter table tpp_client
    add column require_signed_request_object     boolean not null default false,
    add column request_object_signing_alg        text,
    add column authorization_signed_response_alg text,
    add column introspection_signed_response_alg text;
