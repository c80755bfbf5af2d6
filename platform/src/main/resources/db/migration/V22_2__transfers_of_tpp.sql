-- banking: the TPP whose client made a transfer (B2, B5, D1). A transfer is read and cancelled by that TPP's clients
-- only (with a grant of the same customer covering its account); another TPP of the same customer finds nothing, as
-- for a missing apply number. Rows made before this are given the TPP of the grant they were made under (a one-off
-- read of consent's table); a row whose grant is gone keeps no TPP and so is no TPP's to read.
alter table transfers add column tpp_id text;
update transfers t set tpp_id = g.tpp_id from grants g where g.id = t.grant_id;
create index transfers_by_customer_and_tpp on transfers (customer_id, tpp_id, accepted_at);
