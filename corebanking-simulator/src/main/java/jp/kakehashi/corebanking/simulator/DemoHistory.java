package jp.kakehashi.corebanking.simulator;

import static jp.kakehashi.corebanking.simulator.DemoCatalog.SATO;
import static jp.kakehashi.corebanking.simulator.DemoCatalog.SHOJI_CURRENT;
import static jp.kakehashi.corebanking.simulator.DemoCatalog.YAMADA_MAIN;
import static jp.kakehashi.corebanking.simulator.DemoCatalog.YAMADA_SAVINGS;
import static jp.kakehashi.corebanking.simulator.DemoCatalog.YAMADA_SHIBUYA;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic six-month history for the demo accounts: salaries, rent, card and utility debits, ATM use and
 * transfers between customers. Amounts vary by month through a fixed formula, not randomness, so the same
 * anchor date always gives the same history. Weekends shift payment dates like a bank would (salary earlier,
 * debits later); national holidays are ignored for simplicity.
 */
final class DemoHistory {

    static final int MONTHS = 6;

    private static final int MONEY_IN = 0;
    private static final int BETWEEN_OWN = 1;
    private static final int MONEY_OUT = 2;

    private static final String CASH = InternalAccount.CASH.accountId();
    private static final String CLEARING = InternalAccount.ZENGIN_CLEARING.accountId();

    private final List<DemoMovement> movements = new ArrayList<>();
    private final LocalDate first;
    private final LocalDate last;

    private DemoHistory(LocalDate first, LocalDate last) {
        this.first = first;
        this.last = last;
    }

    /** The first day of the history for an anchor: six months before it. */
    static LocalDate firstDay(LocalDate anchor) {
        return anchor.minusMonths(MONTHS);
    }

    /** Movements from six months before {@code anchor} up to the day before it, in posting order. */
    static List<DemoMovement> before(LocalDate anchor) {
        DemoHistory history = new DemoHistory(firstDay(anchor), anchor.minusDays(1));
        for (YearMonth month = YearMonth.from(history.first); !month.isAfter(YearMonth.from(history.last));
                month = month.plusMonths(1)) {
            int k = (int) YearMonth.from(history.first).until(month, java.time.temporal.ChronoUnit.MONTHS);
            history.yamada(month, k);
            history.sato(month, k);
            history.shoji(month, k);
        }
        return history.movements.stream()
                .sorted(Comparator.comparing(DemoMovement::date).thenComparingInt(DemoMovement::order))
                .toList();
    }

    private void yamada(YearMonth month, int k) {
        String main = YAMADA_MAIN.accountId();
        String shoji = SHOJI_CURRENT.accountId();
        add(onOrBefore(month, 25), MONEY_IN, shoji, "給与 ﾔﾏﾀﾞ ﾀﾛｳ", main, "給与 ｶ)ｶｹﾊｼｼﾖｳｼﾞ", 300_000);
        if (month.getMonthValue() == 6 || month.getMonthValue() == 12) {
            add(onOrBefore(month, 10), MONEY_IN, shoji, "賞与 ﾔﾏﾀﾞ ﾀﾛｳ", main, "賞与 ｶ)ｶｹﾊｼｼﾖｳｼﾞ", 450_000);
        }
        payOut(onOrAfter(month, 10), main, "ｶ-ﾄﾞ ﾐﾗｲｶ-ﾄﾞ", vary(30_000, 40_000, k, 1));
        add(day(month, 5), MONEY_OUT, main, "ATM ﾋｷﾀﾞｼ", CASH, "ATM ﾋｷﾀﾞｼ", 20_000);
        add(day(month, 20), MONEY_OUT, main, "ATM ﾋｷﾀﾞｼ", CASH, "ATM ﾋｷﾀﾞｼ", 30_000);
        add(onOrAfter(month, 26), BETWEEN_OWN, main, "振替 ﾁﾖﾁｸ", YAMADA_SAVINGS.accountId(), "振替 ﾌﾂｳ", 30_000);
        payOut(onOrAfter(month, 26), main, "ﾃﾞﾝｷﾘﾖｳｷﾝ", vary(6_000, 6_000, k, 2));
        payOut(onOrAfter(month, 27), main, "振込 ｶ)ｱｵﾊﾞﾌﾄﾞｳｻﾝ", 98_000);

        String shibuya = YAMADA_SHIBUYA.accountId();
        add(day(month, 15), MONEY_IN, CASH, "ATM ﾆﾕｳｷﾝ", shibuya, "ATM ﾆﾕｳｷﾝ", 10_000);
        payOut(onOrAfter(month, 18), shibuya, "ｹｲﾀｲﾘﾖｳｷﾝ", vary(4_000, 3_000, k, 3));
        add(day(month, 22), BETWEEN_OWN, shibuya, "振込 ｻﾄｳ ﾊﾅｺ", SATO.accountId(), "振込 ﾔﾏﾀﾞ ﾀﾛｳ",
                vary(3_000, 3_000, k, 4));

        if (month.getMonthValue() == 2 || month.getMonthValue() == 8) {
            add(onOrAfter(month, 20), MONEY_IN, InternalAccount.INTEREST.accountId(), "利息",
                    YAMADA_SAVINGS.accountId(), "利息", 8 + Math.floorMod(k * 7L, 30));
        }
    }

    private void sato(YearMonth month, int k) {
        String sato = SATO.accountId();
        add(onOrBefore(month, 25), MONEY_IN, CLEARING, "為替 給与 ｻﾄｳ ﾊﾅｺ", sato, "給与 ｶ)ﾐﾗｲｼｽﾃﾑｽﾞ", 250_000);
        add(day(month, 8), MONEY_OUT, sato, "ATM ﾋｷﾀﾞｼ", CASH, "ATM ﾋｷﾀﾞｼ", 30_000);
        payOut(onOrAfter(month, 12), sato, "ｶ-ﾄﾞ ｻｸﾗｶ-ﾄﾞ", vary(20_000, 40_000, k, 5));
        payOut(onOrAfter(month, 27), sato, "振込 ﾀﾅｶ ｲﾁﾛｳ", 72_000);
        if (month.getMonthValue() % 2 == 0) {
            payOut(onOrAfter(month, 28), sato, "ｽｲﾄﾞｳﾘﾖｳｷﾝ", vary(4_000, 2_000, k, 6));
        }
    }

    private void shoji(YearMonth month, int k) {
        String shoji = SHOJI_CURRENT.accountId();
        add(onOrAfter(month, 5), MONEY_IN, CLEARING, "為替 入金", shoji, "振込 ｶ)ﾆｼﾞﾉｼﾖｳｶｲ",
                vary(800_000, 1_700_000, k, 7));
        add(onOrAfter(month, 20), MONEY_IN, CLEARING, "為替 入金", shoji, "振込 ﾕ)ﾐﾄﾞﾘｻﾝｷﾞﾖｳ",
                vary(800_000, 1_700_000, k, 8));
        payOut(onOrBefore(month, 25), shoji, "ｿｳｺﾞｳﾌﾘｺﾐ", 1_650_000);
        add(onOrBefore(month, 25), MONEY_OUT, shoji, "ﾃｽｳﾘﾖｳ", InternalAccount.FEE_INCOME.accountId(), "ﾃｽｳﾘﾖｳ",
                1_100);
        payOut(onOrBefore(month, month.lengthOfMonth()), shoji, "振込 ｶ)ﾏﾙﾉｳﾁﾋﾞﾙ", 450_000);
    }

    /** Money leaving for another bank through Zengin. */
    private void payOut(LocalDate date, String from, String remarks, long amount) {
        add(date, MONEY_OUT, from, remarks, CLEARING, "為替 " + remarks, amount);
    }

    private void add(LocalDate date, int order, String from, String fromRemarks, String to, String toRemarks,
            long amount) {
        if (!date.isBefore(first) && !date.isAfter(last)) {
            movements.add(new DemoMovement(date, order, from, fromRemarks, to, toRemarks, amount));
        }
    }

    /** A month-dependent amount, rounded to 10 yen: base plus up to spread. */
    private static long vary(long base, long spread, int k, int salt) {
        return base + Math.floorMod(k * 7_919L + salt * 104_729L, spread) / 10 * 10;
    }

    private static LocalDate day(YearMonth month, int dayOfMonth) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    private static LocalDate onOrBefore(YearMonth month, int dayOfMonth) {
        LocalDate date = day(month, dayOfMonth);
        while (weekend(date)) {
            date = date.minusDays(1);
        }
        return date;
    }

    private static LocalDate onOrAfter(YearMonth month, int dayOfMonth) {
        LocalDate date = day(month, dayOfMonth);
        while (weekend(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
