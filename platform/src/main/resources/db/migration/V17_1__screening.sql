-- tpp.screening: the screening checklist and each application's screening (A1–A3).
-- Items are versioned: a change is a new version of the same code and the old one is retired, so an application is
-- judged against the very items it answered. The common part (A2's points) can never be changed or retired.
create table screening_item (
    id           bigint generated always as identity primary key,
    code         text not null,
    version      int not null,
    part         text not null check (part in ('COMMON', 'BANK')),
    mandatory    boolean not null,
    position     int not null,
    title_ja     text not null,
    title_en     text not null,
    question_ja  text not null,
    question_en  text not null,
    introduced_at timestamptz not null,
    retired_at   timestamptz,
    unique (code, version),
    check (part = 'BANK' or (mandatory and retired_at is null))
);
-- at most one current version of an item
create unique index screening_item_current on screening_item (code) where retired_at is null;

-- a proposed change of a bank-specific item, applied only when another person approves it (maker-checker)
create table screening_item_change (
    id            bigint generated always as identity primary key,
    kind          text not null check (kind in ('ADD', 'CHANGE', 'RETIRE')),
    code          text not null,
    mandatory     boolean,
    title_ja      text,
    title_en      text,
    question_ja   text,
    question_en   text,
    reason        text not null,
    proposed_by   text not null,
    proposed_at   timestamptz not null,
    state         text not null default 'PENDING' check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by    text,
    decided_at    timestamptz,
    check (decided_by is null or decided_by <> proposed_by)
);

-- the applicant's answer and evidence per item, against the item version it saw
create table screening_answer (
    tpp_id   text not null references tpp (id),
    item_id  bigint not null references screening_item (id),
    answer   text not null,
    evidence text not null,
    primary key (tpp_id, item_id)
);

-- the reviewer's judgement per item (A3): not a score
create table screening_finding (
    tpp_id      text not null references tpp (id),
    item_id     bigint not null references screening_item (id),
    assessment  text not null check (assessment in ('SATISFIED', 'CONCERN', 'NOT_SATISFIED')),
    note        text not null,
    reviewer    text not null,
    recorded_at timestamptz not null,
    primary key (tpp_id, item_id)
);

-- self-declared policies and certifications, kept as references for the judgement (A3)
create table screening_reference (
    id          bigint generated always as identity primary key,
    tpp_id      text not null references tpp (id),
    kind        text not null check (kind in ('POLICY', 'CERTIFICATION')),
    name        text not null,
    issuer      text not null,
    number      text,
    valid_until date,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index screening_reference_by_tpp on screening_reference (tpp_id, id);

-- the reviewer's recommendation and the approver's decision on it; a returned one is kept and a new one follows
create table screening_recommendation (
    id             bigint generated always as identity primary key,
    tpp_id         text not null references tpp (id),
    outcome        text not null check (outcome in ('APPROVE', 'REJECT')),
    scopes         text[] not null default '{}',
    summary        text not null,
    reviewer       text not null,
    recommended_at timestamptz not null,
    state          text not null default 'PENDING' check (state in ('PENDING', 'DECIDED', 'RETURNED')),
    decided_by     text,
    decided_at     timestamptz,
    return_note    text,
    check (decided_by is null or decided_by <> reviewer)
);
create unique index screening_recommendation_pending on screening_recommendation (tpp_id) where state = 'PENDING';

-- the common, mandatory part: every point the principles name (IV(1) security, V(1) user protection)
insert into screening_item (code, version, part, mandatory, position, title_ja, title_en, question_ja, question_en,
                            introduced_at) values
('COMMON-SEC-1', 1, 'COMMON', true, 10, 'セキュリティ原則の充足状況', 'Fulfilment of the security principles',
 'API接続に関するセキュリティ原則（認可・認証、トークン管理、不正検知、内部不正対策等）をどのように満たしていますか。',
 'How do you fulfil the security principles for API connection (authorisation and authentication, token handling, fraud detection, internal fraud)?',
 now()),
('COMMON-SEC-2', 1, 'COMMON', true, 20, '過去のセキュリティ関連の不祥事案と改善状況', 'Past security incidents and their remediation',
 '過去に発生したセキュリティ関連の不祥事案（情報漏えい、不正アクセス等）と、その改善状況を記載してください。',
 'Describe past security incidents (data leaks, unauthorised access, …) and how they were remediated.',
 now()),
('COMMON-SEC-3', 1, 'COMMON', true, 30, '継続的なセキュリティ対策の高度化に向けた態勢・リソース', 'Resources for continuous security improvement',
 '利用者の属性や取引のリスクに応じて、セキュリティ対策を継続的に高度化する態勢（責任者、人員、予算）とリソースを記載してください。クラウド・ASPを利用している場合はその開示を含めてください。',
 'Describe the organisation (officer, staff, budget) and resources that keep improving security according to the risk of your users and transactions, including the cloud or ASP services you use.',
 now()),
('COMMON-UP-1', 1, 'COMMON', true, 40, 'グループ会社を含めた事業内容・兼業内容', 'Business incl. group companies and side businesses',
 'グループ会社を含めた事業内容と兼業の内容を記載してください。',
 'Describe your business, including group companies, and any side businesses.',
 now()),
('COMMON-UP-2', 1, 'COMMON', true, 50, '社会的信用（反社会的勢力との関係の有無を含む）', 'Social credibility incl. relations with anti-social forces',
 '反社会的勢力との関係がないこと、その確認方法（表明・確約、取引先審査等）を含め、社会的信用について記載してください。',
 'Describe your social credibility, including that you have no relations with anti-social forces (反社会的勢力) and how you ensure it.',
 now()),
('COMMON-UP-3', 1, 'COMMON', true, 60, '組織ガバナンス', 'Governance',
 '取締役会・監査等の組織ガバナンスの体制を記載してください。',
 'Describe your governance: board, audit and internal control.',
 now()),
('COMMON-UP-4', 1, 'COMMON', true, 70, '法令遵守態勢', 'Legal compliance',
 '電子決済等代行業の登録、個人情報保護法、犯罪収益移転防止法等の法令遵守態勢を記載してください。',
 'Describe your compliance set-up (registration as an electronic payment agent, personal information protection, AML).',
 now()),
('COMMON-UP-5', 1, 'COMMON', true, 80, '利用者保護態勢（利用者情報の取扱い・利用目的・利用規約）', 'User protection: customer data, purpose of use, terms of use',
 '利用者情報の取扱い、利用目的の明示、過度な免責のない利用規約、問い合わせ・苦情対応の態勢を記載し、規約等を根拠として示してください。',
 'Describe how you handle customer data, state the purpose of use, keep terms of use without excessive disclaimers, and handle inquiries and complaints; give the documents as evidence.',
 now()),
('COMMON-UP-6', 1, 'COMMON', true, 90, '利用者保護原則の充足状況', 'Fulfilment of the user-protection principles',
 '説明・表示、同意取得、被害発生時の補償等、利用者保護原則をどのように満たしていますか。',
 'How do you fulfil the user-protection principles (explanation and display, consent, compensation of damage)?',
 now()),
('COMMON-UP-7', 1, 'COMMON', true, 100, '過去の利用者保護関連の不祥事案と改善状況', 'Past user-protection incidents and their remediation',
 '過去に発生した利用者保護関連の不祥事案と、その改善状況を記載してください。',
 'Describe past user-protection incidents and how they were remediated.',
 now()),
('COMMON-UP-8', 1, 'COMMON', true, 110, '継続的な利用者保護策の高度化に向けた態勢・リソース', 'Resources for continuous user-protection improvement',
 '利用者の属性や取引のリスクに応じて、利用者保護策を継続的に高度化する態勢とリソースを記載してください。',
 'Describe the organisation and resources that keep improving user protection according to the risk of your users and transactions.',
 now());

-- a bank-specific item as this bank starts with (E5: capacity to compensate); staff change these in the console
insert into screening_item (code, version, part, mandatory, position, title_ja, title_en, question_ja, question_en,
                            introduced_at) values
('BANK-1', 1, 'BANK', true, 200, '補償の原資（財務・保険）', 'Capacity to compensate (funds, insurance)',
 '補償に充てる資金や保険の内容、債務超過でないことを記載してください。',
 'Describe the funds or insurance that cover compensation, and that you are not insolvent.',
 now());
