package jp.kakehashi.banking.publicinfo;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the bank's branches and ATMs (店舗・ATM情報), in the bank's display order. */
@Repository
public class PublicInformation {

    private final JdbcClient jdbc;

    PublicInformation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Branch> branches() {
        return jdbc.sql("select * from bank_branch order by display_order, branch_code")
                .query((rs, row) -> new Branch(rs.getString("branch_code"), rs.getString("branch_name"),
                        rs.getString("branch_name_kana"), rs.getString("postal_code"), rs.getString("address"),
                        rs.getString("phone"), rs.getString("business_hours"), strings(rs.getArray("services"))))
                .list();
    }

    public List<Atm> atms() {
        Map<String, List<Atm.Fee>> fees = jdbc.sql("select * from bank_atm_fee order by atm_id, fee_order")
                .query((rs, row) -> Map.entry(rs.getString("atm_id"),
                        new Atm.Fee(rs.getString("time_band"), Long.toString(rs.getLong("fee")))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from bank_atm order by display_order, atm_id")
                .query((rs, row) -> atm(rs, fees.getOrDefault(rs.getString("atm_id"), List.of()))).list();
    }

    private static Atm atm(ResultSet rs, List<Atm.Fee> fees) throws SQLException {
        return new Atm(rs.getString("atm_id"), rs.getString("name"), rs.getString("branch_code"),
                rs.getString("address"), decimal(rs.getBigDecimal("latitude")),
                decimal(rs.getBigDecimal("longitude")), rs.getString("hours"), strings(rs.getArray("services")),
                fees);
    }

    private static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
