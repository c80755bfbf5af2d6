-- tpp: the bank may require server-provided DPoP nonces (RFC 9449 §8) per client
alter table tpp_client add column dpop_nonce_required boolean not null default false;
