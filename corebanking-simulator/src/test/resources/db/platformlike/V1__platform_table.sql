-- Stands in for the platform's own migrations (public schema, default history table).
create table platform_thing (id bigint primary key);
