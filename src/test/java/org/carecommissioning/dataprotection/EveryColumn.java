package org.carecommissioning.dataprotection;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Searches every text and binary column of every table of the H2 database (the application's and the engine's
 * ACT_* tables) for given strings; binary values (ACT_GE_BYTEARRAY.BYTES_, serialised variables, stack traces) are
 * decoded as UTF-8 first. Returns where each was found as TABLE.COLUMN: text.
 */
final class EveryColumn {

    private static final Set<String> SEARCHED_TYPES = Set.of("CHARACTER VARYING", "CHARACTER", "VARCHAR",
            "CHARACTER LARGE OBJECT", "CLOB", "BINARY LARGE OBJECT", "BLOB", "BINARY VARYING", "BINARY", "JSON");

    private EveryColumn() {
    }

    static List<String> search(DataSource dataSource, String tablePrefix, String... needles) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE"
                            + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    if (SEARCHED_TYPES.contains(rs.getString(3).toUpperCase(Locale.ROOT))
                            && (tablePrefix == null
                                    || rs.getString(1).toUpperCase(Locale.ROOT).startsWith(tablePrefix))) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            if (columns.size() < 50) {
                throw new AssertionError("Expected the application's and the engine's columns, found " + columns.size());
            }
            for (String[] column : columns) {
                String sql = "SELECT \"" + column[1] + "\" FROM \"" + column[0] + "\" WHERE \"" + column[1]
                        + "\" IS NOT NULL";
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                    while (rs.next()) {
                        String text = text(rs.getObject(1));
                        for (String needle : needles) {
                            if (text != null && text.contains(needle)) {
                                found.add(column[0] + "." + column[1] + ": " + abbreviate(text, needle));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }

    private static String abbreviate(String text, String needle) {
        int at = text.indexOf(needle);
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + needle.length() + 40));
    }
}
