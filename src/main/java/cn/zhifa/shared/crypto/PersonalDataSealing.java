package cn.zhifa.shared.crypto;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time (and after every key rotation) start-up step: every declared {@link PersonalDataColumns} value that
 * is still clear, or sealed with an earlier key, is sealed with the current key, and a missing lookup hash is
 * filled in. Idempotent (sealed values are recognised by their prefix), in batches, each row changed only if it
 * still holds the value read (a concurrent edit wins). Runs after the demo data is loaded.
 */
@Component
@Order(100)
public class PersonalDataSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSealing.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final List<PersonalDataColumns> declared;

    PersonalDataSealing(JdbcClient jdbc, FieldCipher cipher, List<PersonalDataColumns> declared) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.declared = declared;
    }

    @Override
    public void run(ApplicationArguments args) {
        sealAll();
    }

    /** Seals what is left; returns how many values changed. */
    public int sealAll() {
        int changed = 0;
        for (PersonalDataColumns module : declared) {
            for (PersonalDataColumns.Column column : module.sealedColumns()) {
                int sealed = seal(column);
                if (sealed > 0) {
                    log.info("个人信息加密存储: {} 条 {} 已用 SM4-GCM 加密", sealed, column.name());
                }
                changed += sealed;
            }
        }
        return changed;
    }

    private int seal(PersonalDataColumns.Column c) {
        String pending = "(" + c.column() + " NOT LIKE '" + cipher.currentPrefix() + "%'"
                + (c.hashColumn() == null ? "" : " OR " + c.hashColumn() + " IS NULL") + ")";
        String select = "SELECT " + c.key() + " AS k, " + c.column() + " AS v FROM " + c.table()
                + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " <> '' AND " + pending
                + " AND " + c.key() + " > :after ORDER BY " + c.key() + " LIMIT " + BATCH;
        String update = "UPDATE " + c.table() + " SET " + c.column() + " = :sealed"
                + (c.hashColumn() == null ? "" : ", " + c.hashColumn() + " = :hash")
                + " WHERE " + c.key() + " = :k AND " + c.column() + " = :v";
        int changed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql(select).param("after", after).query().listOfRows();
            for (Map<String, Object> row : rows) {
                long key = ((Number) row.get("k")).longValue();
                String stored = (String) row.get("v");
                after = key;
                String clear;
                try {
                    clear = cipher.open(c.name(), stored);
                } catch (IllegalStateException e) {
                    log.error("{} 第 {} 行的加密值无法解密，未处理", c.name(), key);
                    continue;
                }
                JdbcClient.StatementSpec statement = jdbc.sql(update).param("sealed", cipher.reseal(c.name(), stored))
                        .param("k", key).param("v", stored);
                if (c.hashColumn() != null) {
                    statement = statement.param("hash", cipher.lookupHash(c.hashKind(), clear));
                }
                changed += statement.update();
            }
            if (rows.size() < BATCH) {
                return changed;
            }
        }
    }
}
