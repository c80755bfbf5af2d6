-- A maker may take back what still waits for the checker: a checklist proposal or a screening recommendation
-- (WITHDRAWN, decided by the maker themself, which the checks otherwise forbid).
alter table screening_item_change drop constraint screening_item_change_state_check;
alter table screening_item_change add constraint screening_item_change_state_check
    check (state in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
alter table screening_item_change drop constraint screening_item_change_check;
alter table screening_item_change add constraint screening_item_change_check
    check (state = 'WITHDRAWN' or decided_by is null or decided_by <> proposed_by);

alter table screening_recommendation drop constraint screening_recommendation_state_check;
alter table screening_recommendation add constraint screening_recommendation_state_check
    check (state in ('PENDING', 'DECIDED', 'RETURNED', 'WITHDRAWN'));
alter table screening_recommendation drop constraint screening_recommendation_check;
alter table screening_recommendation add constraint screening_recommendation_check
    check (state = 'WITHDRAWN' or decided_by is null or decided_by <> reviewer);
