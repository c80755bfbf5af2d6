-- notification: where the bank reaches a customer (B10 "notification to the customer after every transfer"), as the
-- bank's customer file (CIF) has it; filled by the bank's onboarding (the demo seeds its customers).
create table customer_contacts (
    customer_id  text primary key,
    email        text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    locale       text not null default 'ja' check (locale in ('ja', 'en'))
);
