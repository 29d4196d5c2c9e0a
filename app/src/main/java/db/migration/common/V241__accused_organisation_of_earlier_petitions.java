package db.migration.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills in {@code petition_list.accused_organisation} (V240) for the petitions listed before it,
 * from the state each row keeps. In Java, as H2 and PostgreSQL read JSON differently.
 */
public class V241__accused_organisation_of_earlier_petitions extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String> accused = new LinkedHashMap<>();
        try (Statement select = context.getConnection().createStatement();
             ResultSet rows = select.executeQuery("SELECT petition_id, state FROM petition_list")) {
            while (rows.next()) {
                JsonNode organisation = JSON.readTree(rows.getString("state")).path("accusedOrganisation");
                if (organisation.isTextual()) accused.put(rows.getString("petition_id"), organisation.asText());
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("UPDATE petition_list SET accused_organisation = ? WHERE petition_id = ?")) {
            for (Map.Entry<String, String> petition : accused.entrySet()) {
                update.setString(1, petition.getValue());
                update.setString(2, petition.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
