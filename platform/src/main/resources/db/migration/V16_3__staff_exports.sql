-- admin: controlled bulk exports of customer data (C4 大量データの持ち出しの管理). An operator requests one with a
-- reason (a staff_request), an approver approves, and the file is made then: its row count and SHA-256 are kept, and
-- its content only until the requester downloads it once, within the window; then the content is erased.
create table staff_export (
    id               text primary key,
    request_id       text not null unique references staff_request (id),
    kind             text not null,
    subject          text not null,
    requested_by     text not null references staff_account (id),
    approved_by      text not null references staff_account (id),
    created_at       timestamptz not null,
    available_until  timestamptz not null,
    row_count        integer not null,
    sha256           text not null,
    content          bytea,
    downloaded_at    timestamptz,
    check (downloaded_at is null or content is null)
);

create index staff_export_by_requester on staff_export (requested_by, created_at);
