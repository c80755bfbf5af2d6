package jp.kakehashi.corebanking.simulator;

import java.time.LocalDate;
import java.util.List;

/** The demo bank's branches, customers and accounts (the customers match the platform's demo sign-ins). */
final class DemoCatalog {

    record DemoBranch(String code, String name) {
    }

    record DemoCustomer(String customerId, String name, String nameKana, String type) {
    }

    static final List<DemoBranch> BRANCHES = List.of(
            new DemoBranch("001", "本店営業部"),
            new DemoBranch("101", "渋谷支店"),
            new DemoBranch("102", "新宿支店"),
            new DemoBranch("201", "大阪支店"));

    // Zengin writes small kana large (ｼﾖｳｼﾞ, not ｼｮｳｼﾞ); ｶ) marks 株式会社 before the name.
    static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer("C0001", "山田 太郎", "ﾔﾏﾀﾞ ﾀﾛｳ", "INDIVIDUAL"),
            new DemoCustomer("C0002", "佐藤 花子", "ｻﾄｳ ﾊﾅｺ", "INDIVIDUAL"),
            new DemoCustomer("C0003", "株式会社架け橋商事", "ｶ)ｶｹﾊｼｼﾖｳｼﾞ", "CORPORATE"));

    static final DemoAccount YAMADA_MAIN = new DemoAccount("C0001", "001", "01", "1234567",
            "山田 太郎", "ﾔﾏﾀﾞ ﾀﾛｳ", LocalDate.of(2012, 4, 2), 450_000);
    static final DemoAccount YAMADA_SHIBUYA = new DemoAccount("C0001", "101", "01", "7654321",
            "山田 太郎", "ﾔﾏﾀﾞ ﾀﾛｳ", LocalDate.of(2018, 9, 14), 60_000);
    static final DemoAccount YAMADA_SAVINGS = new DemoAccount("C0001", "001", "04", "2345678",
            "山田 太郎", "ﾔﾏﾀﾞ ﾀﾛｳ", LocalDate.of(2015, 1, 5), 1_000_000);
    static final DemoAccount SATO = new DemoAccount("C0002", "102", "01", "3456789",
            "佐藤 花子", "ｻﾄｳ ﾊﾅｺ", LocalDate.of(2019, 4, 1), 280_000);
    static final DemoAccount SHOJI_CURRENT = new DemoAccount("C0003", "001", "02", "0012345",
            "株式会社架け橋商事", "ｶ)ｶｹﾊｼｼﾖｳｼﾞ", LocalDate.of(2010, 10, 1), 12_000_000);

    /** In the order they are opened, which is also the order {@code accountsOf} lists them. */
    static final List<DemoAccount> ACCOUNTS = List.of(YAMADA_MAIN, YAMADA_SHIBUYA, YAMADA_SAVINGS, SATO, SHOJI_CURRENT);

    private DemoCatalog() {
    }
}
