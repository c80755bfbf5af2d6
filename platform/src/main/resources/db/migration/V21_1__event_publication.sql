-- runtime: Spring Modulith's event publication registry, created by the migrations (as the owner role) instead of by
-- Spring Modulith at start: the role the platform runs as may not create tables (C1, C4). The structure is Spring
-- Modulith 2's own (schemas/v2/schema-postgresql.sql); "if not exists" keeps a registry it made earlier.
create table if not exists event_publication (
    id                     uuid not null,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
