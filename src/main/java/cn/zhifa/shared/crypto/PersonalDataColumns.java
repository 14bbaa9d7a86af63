package cn.zhifa.shared.crypto;

import java.util.List;

/**
 * The columns of one module's tables that hold personal data sealed by {@link FieldCipher}; each module that owns
 * such a table declares them (a bean), and {@link PersonalDataSealing} seals what is still clear at start-up.
 */
public interface PersonalDataColumns {

    List<Column> sealedColumns();

    /**
     * {@code table.column} sealed with that name as AAD, rows keyed by {@code key}; {@code hashColumn} (optional)
     * holds {@link FieldCipher#lookupHash} of kind {@code hashKind} for finding a row by the exact value.
     */
    record Column(String table, String key, String column, String hashColumn, String hashKind) {

        public Column {
            for (String name : new String[]{table, key, column}) {
                requireIdentifier(name);
            }
            if (hashColumn != null) {
                requireIdentifier(hashColumn);
            }
        }

        public static Column of(String table, String column) {
            return new Column(table, "id", column, null, null);
        }

        public Column keyedBy(String keyColumn) {
            return new Column(table, keyColumn, column, hashColumn, hashKind);
        }

        public Column searchableBy(String lookupColumn, String kind) {
            return new Column(table, key, column, lookupColumn, kind);
        }

        public String name() {
            return table + "." + column;
        }

        private static void requireIdentifier(String name) {
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + name);
            }
        }
    }
}
