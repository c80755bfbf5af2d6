-- consent: the consent page itself, kept with its hash (D5: what the customer saw "can be shown later"). A hash alone
-- cannot be checked by anyone: the page holds values of its moment (a masked CSRF token, the time) that cannot be
-- rendered again. So each record now keeps the exact HTML document sent, gzip-compressed (a few kilobytes), beside
-- page_sha256, which is its hash before compression and is covered by the record's chain hash; the record stays
-- append-only, so the page is bound to the chain through its hash. Records made before keep their hash alone.
alter table consent_record
    add column page_gzip bytea,
    add check (page_gzip is null or page_sha256 is not null);
