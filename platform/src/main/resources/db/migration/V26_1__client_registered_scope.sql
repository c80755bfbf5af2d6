-- RFC 7591 §2: the scope a client registered, the subset of its TPP's approved scopes it asked for (with openid when
-- asked). Null: the TPP's approved scopes as they stand, for clients the bank registers and for a registration that
-- asked for no scope (the server's default, RFC 7591 §2).
alter table tpp_client add column scopes text[];
