package org.weiquan.app.reference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.Personal;
import org.weiquan.command.dispute.MediatorRoster;
import org.weiquan.command.legalaid.LawyerPanel;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.weiquan.api.common.Personal.Kind.PHONE;
import static org.weiquan.api.common.Personal.Kind.STAFF;
import static org.weiquan.api.common.Personal.Kind.STAFF_NAME;

/** The lawyer panel and the mediator roster (ADR 14), which the command side consults when it assigns. */
@Repository
public class ReferenceData implements MediatorRoster, LawyerPanel {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReferenceData(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Lawyer(@Personal(STAFF) String lawyerId, @Personal(STAFF_NAME) String name, String lawFirm,
                         @Personal(PHONE) String phone, boolean active) {
    }

    public record Mediator(@Personal(STAFF) String mediatorId, @Personal(STAFF_NAME) String name, String organisation,
                           boolean active) {
    }

    public List<Lawyer> lawyers() {
        return jdbc.query("SELECT * FROM lawyer_panel ORDER BY lawyer_id", (rs, row) -> new Lawyer(
                rs.getString("lawyer_id"), rs.getString("name"), rs.getString("law_firm"), rs.getString("phone"),
                rs.getBoolean("active")));
    }

    /** An active lawyer of the panel. */
    public Optional<Lawyer> activeLawyer(String lawyerId) {
        return lawyers().stream().filter(l -> l.active() && l.lawyerId().equals(lawyerId)).findFirst();
    }

    public List<Mediator> mediators() {
        return jdbc.query("SELECT * FROM mediator_roster ORDER BY mediator_id", (rs, row) -> new Mediator(
                rs.getString("mediator_id"), rs.getString("name"), rs.getString("organisation"),
                rs.getBoolean("active")));
    }

    /** An active mediator of the roster. */
    public Optional<Mediator> activeMediator(String mediatorId) {
        return mediators().stream().filter(m -> m.active() && m.mediatorId().equals(mediatorId)).findFirst();
    }

    @Override
    public Optional<org.weiquan.api.dispute.Mediator> activeMediator(OfficerId mediator) {
        return activeMediator(mediator.value())
                .map(m -> new org.weiquan.api.dispute.Mediator(new OfficerId(m.mediatorId()), m.name()));
    }

    @Override
    public Optional<String> activeLawyerName(String lawyerId) {
        return activeLawyer(lawyerId).map(Lawyer::name);
    }

    public void saveLawyer(Lawyer lawyer, String changedBy) {
        Object[] values = {lawyer.name(), lawyer.lawFirm(), lawyer.phone(), lawyer.active(),
                clock.instant().atOffset(ZoneOffset.UTC), changedBy, lawyer.lawyerId()};
        if (jdbc.update("UPDATE lawyer_panel SET name = ?, law_firm = ?, phone = ?, active = ?, changed_at = ?,"
                + " changed_by = ? WHERE lawyer_id = ?", values) == 0) {
            jdbc.update("INSERT INTO lawyer_panel (name, law_firm, phone, active, changed_at, changed_by, lawyer_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    public void saveMediator(Mediator mediator, String changedBy) {
        Object[] values = {mediator.name(), mediator.organisation(), mediator.active(),
                clock.instant().atOffset(ZoneOffset.UTC), changedBy, mediator.mediatorId()};
        if (jdbc.update("UPDATE mediator_roster SET name = ?, organisation = ?, active = ?, changed_at = ?,"
                + " changed_by = ? WHERE mediator_id = ?", values) == 0) {
            jdbc.update("INSERT INTO mediator_roster (name, organisation, active, changed_at, changed_by, mediator_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", values);
        }
    }
}
