package cn.zhifa.documents.internal;

import cn.zhifa.documents.SignatureSpecimen;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table of registered signatures: one current specimen per user, the replaced ones kept. */
@Component
public class SpecimenStore {

    private static final String COLUMNS = "id, username, display_name, sha256, registered_at, registered_by, replaced_at";

    private final JdbcClient jdbc;

    SpecimenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the user's current specimen replaced and inserts the new one; returns its id. */
    public long replace(String username, String displayName, byte[] png, String sha256, Instant at, String by) {
        jdbc.sql("update doc_signature_specimen set replaced_at = :at where username = :u and replaced_at is null")
                .param("at", Timestamp.from(at)).param("u", username).update();
        return jdbc.sql("""
                        insert into doc_signature_specimen (username, display_name, png, sha256, registered_at, registered_by)
                        values (:u, :n, :png, :sha, :at, :by) returning id""")
                .param("u", username).param("n", displayName).param("png", png).param("sha", sha256)
                .param("at", Timestamp.from(at)).param("by", by).query(Long.class).single();
    }

    public Optional<SignatureSpecimen> current(String username) {
        return jdbc.sql("select " + COLUMNS + " from doc_signature_specimen where username = :u and replaced_at is null")
                .param("u", username).query(SpecimenStore::row).optional();
    }

    public List<SignatureSpecimen> history(String username) {
        return jdbc.sql("select " + COLUMNS + " from doc_signature_specimen where username = :u order by registered_at desc, id desc")
                .param("u", username).query(SpecimenStore::row).list();
    }

    public Optional<byte[]> png(long id) {
        return jdbc.sql("select png from doc_signature_specimen where id = :id").param("id", id).query(byte[].class).optional();
    }

    public Optional<SignatureSpecimen> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from doc_signature_specimen where id = :id").param("id", id)
                .query(SpecimenStore::row).optional();
    }

    /** Removes the specimens registered by {@code registeredBy} (the demo's), returns how many. */
    public int deleteRegisteredBy(String registeredBy) {
        return jdbc.sql("delete from doc_signature_specimen where registered_by = :by").param("by", registeredBy).update();
    }

    private static SignatureSpecimen row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp replaced = rs.getTimestamp("replaced_at");
        return new SignatureSpecimen(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("sha256"), rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"),
                replaced == null ? null : replaced.toInstant());
    }
}
