package jp.kakehashi.tpp.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The screening checklist's items: the current ones for a new application, and the versions an application saw. */
@Repository
public class Checklist {

    private final JdbcClient jdbc;

    Checklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items an application answers now: common part first, then the bank's, in their order. */
    public List<ChecklistItem> current() {
        return jdbc.sql("select * from screening_item where retired_at is null order by position, code")
                .query(Checklist::item).list();
    }

    /** The item versions this TPP answered when it applied. */
    public List<ChecklistItem> ofApplication(String tppId) {
        return jdbc.sql("""
                select i.* from screening_item i join screening_answer a on a.item_id = i.id
                where a.tpp_id = ? order by i.position, i.code
                """).param(tppId).query(Checklist::item).list();
    }

    public Optional<ChecklistItem> find(long id) {
        return jdbc.sql("select * from screening_item where id = ?").param(id).query(Checklist::item).optional();
    }

    Optional<ChecklistItem> currentOf(String code) {
        return jdbc.sql("select * from screening_item where code = ? and retired_at is null").param(code)
                .query(Checklist::item).optional();
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from screening_item where code = ?").param(code).query(Long.class).single() > 0;
    }

    ChecklistItem insert(String code, int version, boolean mandatory, Integer position, ItemText text, Instant now) {
        long id = jdbc.sql("""
                insert into screening_item (code, version, part, mandatory, position, title_ja, title_en, question_ja,
                                            question_en, introduced_at)
                values (?, ?, 'BANK', ?, coalesce(?, (select coalesce(max(position), 0) + 10 from screening_item)),
                        ?, ?, ?, ?, ?)
                returning id
                """).params(code, version, mandatory, position, text.titleJa(), text.titleEn(), text.questionJa(),
                text.questionEn(), Timestamp.from(now)).query(Long.class).single();
        return find(id).orElseThrow();
    }

    void retire(long id, Instant now) {
        jdbc.sql("update screening_item set retired_at = ? where id = ? and part = 'BANK'")
                .params(Timestamp.from(now), id).update();
    }

    private static ChecklistItem item(ResultSet rs, int row) throws SQLException {
        return new ChecklistItem(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                ChecklistPart.valueOf(rs.getString("part")), rs.getBoolean("mandatory"), rs.getInt("position"),
                rs.getString("title_ja"), rs.getString("title_en"), rs.getString("question_ja"),
                rs.getString("question_en"));
    }
}
