-- The bank's public information (店舗・ATM情報) served without consent by GET /v1/branches and GET /v1/atms.
-- Demo data of 架け橋銀行; a bank replaces it with its own in a later migration. Branch codes match the core's.

create table bank_branch (
    branch_code      text primary key check (branch_code ~ '^[0-9]{3}$'),
    branch_name      text not null,
    branch_name_kana text not null,
    postal_code      text not null check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
    address          text not null,
    phone            text not null,
    business_hours   text not null,
    services         text[] not null,
    display_order    int not null
);

create table bank_atm (
    atm_id         text primary key,
    name           text not null,
    branch_code    text references bank_branch,
    address        text not null,
    latitude       numeric(9, 6) not null,
    longitude      numeric(9, 6) not null,
    hours          text not null,
    services       text[] not null,
    display_order  int not null
);

-- fees per time band: whole yen, 0 for free
create table bank_atm_fee (
    atm_id      text not null references bank_atm,
    time_band   text not null,
    fee         bigint not null check (fee >= 0),
    fee_order   int not null,
    primary key (atm_id, fee_order)
);

insert into bank_branch values
    ('001', '本店営業部', 'ﾎﾝﾃﾝｴｲｷﾞﾖｳﾌﾞ', '100-0005', '東京都千代田区丸の内一丁目1番1号', '03-0000-0001',
     '平日 9:00〜15:00', array['預金', '為替', '融資', '外国為替', '投資信託', '貸金庫'], 1),
    ('101', '渋谷支店', 'ｼﾌﾞﾔ', '150-0002', '東京都渋谷区渋谷二丁目2番2号', '03-0000-0101',
     '平日 9:00〜15:00（相談窓口は17:00まで）', array['預金', '為替', '融資', '投資信託'], 2),
    ('102', '新宿支店', 'ｼﾝｼﾞﾕｸ', '160-0023', '東京都新宿区西新宿三丁目3番3号', '03-0000-0102',
     '平日 9:00〜15:00', array['預金', '為替', '融資'], 3),
    ('201', '大阪支店', 'ｵｵｻｶ', '530-0001', '大阪府大阪市北区梅田四丁目4番4号', '06-0000-0201',
     '平日 9:00〜15:00', array['預金', '為替', '融資', '外国為替'], 4);

insert into bank_atm values
    ('ATM-001-01', '本店営業部 ATMコーナー', '001', '東京都千代田区丸の内一丁目1番1号 1階', 35.681236, 139.767125,
     '毎日 7:00〜23:00', array['入金', '出金', '振込', '通帳記入', '残高照会'], 1),
    ('ATM-101-01', '渋谷支店 ATMコーナー', '101', '東京都渋谷区渋谷二丁目2番2号 1階', 35.658034, 139.701636,
     '平日 8:00〜21:00、土日祝 9:00〜19:00', array['入金', '出金', '振込', '通帳記入', '残高照会'], 2),
    ('ATM-102-01', '新宿支店 ATMコーナー', '102', '東京都新宿区西新宿三丁目3番3号 1階', 35.689592, 139.700413,
     '平日 8:00〜21:00、土日祝 9:00〜19:00', array['入金', '出金', '振込', '残高照会'], 3),
    ('ATM-201-01', '大阪支店 ATMコーナー', '201', '大阪府大阪市北区梅田四丁目4番4号 1階', 34.702485, 135.495951,
     '平日 8:00〜21:00、土日祝 9:00〜17:00', array['入金', '出金', '振込', '通帳記入', '残高照会'], 4),
    ('ATM-EKI-01', '東京駅八重洲口出張所', null, '東京都中央区八重洲一丁目5番5号', 35.680400, 139.770000,
     '毎日 0:00〜24:00（毎月第1・第3月曜 2:00〜6:00 休止）', array['入金', '出金', '残高照会'], 5);

insert into bank_atm_fee (atm_id, time_band, fee, fee_order)
select atm_id, band.time_band, band.fee, band.fee_order
from bank_atm
cross join (values ('平日 8:45〜18:00', 0, 1),
                   ('平日 上記以外の時間帯', 110, 2),
                   ('土日祝', 110, 3)) as band (time_band, fee, fee_order);
