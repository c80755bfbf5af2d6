-- tpp: monitoring of connected TPPs (A5, A6): what was agreed per TPP, the reviews made, and the improvement requests
-- findings led to. Reviews are never changed; a request moves open -> answered -> closed.
create table tpp_monitoring_agreement (
    tpp_id                 text primary key references tpp (id),
    method                 text not null,
    depth                  text not null check (depth in ('BASIC', 'STANDARD', 'ENHANCED')),
    frequency_months       int not null check (frequency_months between 1 and 36),
    on_site_inspection     text,
    major_change_handling  text not null,
    information_to_submit  text not null,
    starts_on              date not null,
    agreed_by              text not null,
    agreed_at              timestamptz not null
);

create table tpp_monitoring_review (
    id           bigint generated always as identity primary key,
    tpp_id       text not null references tpp (id),
    reviewed_on  date not null,
    reviewer     text not null,
    findings     text not null,
    outcome      text not null check (outcome in ('SATISFACTORY', 'IMPROVEMENT_REQUESTED', 'ESCALATED')),
    recorded_at  timestamptz not null
);
create index tpp_monitoring_review_by_tpp on tpp_monitoring_review (tpp_id, reviewed_on);

create table tpp_improvement_request (
    id            bigint generated always as identity primary key,
    tpp_id        text not null references tpp (id),
    review_id     bigint references tpp_monitoring_review (id),
    finding       text not null,
    due_on        date not null,
    status        text not null check (status in ('OPEN', 'ANSWERED', 'CLOSED')),
    requested_by  text not null,
    requested_at  timestamptz not null,
    answer        text,
    answered_at   timestamptz,
    closed_by     text,
    closed_at     timestamptz
);
create index tpp_improvement_request_open on tpp_improvement_request (due_on) where status <> 'CLOSED';

-- compensation capacity (E5): the funds and insurance a TPP relies on to compensate customers, as staff checked them
create table tpp_compensation_capacity (
    id             bigint generated always as identity primary key,
    tpp_id         text not null references tpp (id),
    kind           text not null check (kind in ('FUNDS', 'INSURANCE')),
    insurer        text,
    policy_number  text,
    amount_yen     bigint not null check (amount_yen > 0),
    valid_until    date not null,
    checked_by     text not null,
    checked_on     date not null,
    note           text,
    check (kind <> 'INSURANCE' or (insurer is not null and policy_number is not null))
);
create index tpp_compensation_capacity_by_tpp on tpp_compensation_capacity (tpp_id, valid_until);
