package org.weiquan.query.report;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.District;
import org.weiquan.query.support.Where;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRegisteredEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.api.report.MonthlyPetitionReport;
import org.weiquan.api.report.MonthlyPetitionReport.Acceptance;
import org.weiquan.api.report.MonthlyPetitionReport.RepeatPetitioners;
import org.weiquan.api.report.MonthlyPetitionReport.Replies;
import org.weiquan.api.report.MonthlyPetitionReport.Satisfaction;
import org.weiquan.api.report.MonthlyPetitionReport.Totals;
import org.weiquan.api.report.MonthlyPetitionReportQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts behind the monthly petition analysis report (信访分析月报, ADR 0022): one row per
 * petition (month received, channel, subject, district, organisation, decision, reply, first rating)
 * and one row per petitioner of a petition under a one-way key of the ID number, from which the
 * report counts repeat petitioners. Runs in its own tracking processor; its rows commit with its
 * token; an event at or below a petition's last applied sequence changes nothing.
 */
@Component
@ProcessingGroup(PetitionReportProjection.PROCESSING_GROUP)
public class PetitionReportProjection {
    public static final String PROCESSING_GROUP = "petition-report";

    /** How the report defines a repeat petitioner; the ADR and the report say the same. */
    public static final String REPEAT_DEFINITION = "a petitioner (by ID number) named in a petition received in the"
            + " month who is also named in a petition received in the 12 calendar months before it, both petitions"
            + " of organisations the viewer covers";

    static final String BASIS = "petitions received in the month (China's calendar) by the organisations the viewer"
            + " covers, as they stand now; acceptance rate = accepted / (accepted + not accepted); on-time reply"
            + " rate = replied within the period / replied; satisfaction = the petitioner's first rating of an answer";

    /**
     * Salt of the petitioner key. The projection holds no secret key, so the key is a plain salted
     * SHA-256: it tells the same ID number again, but someone with this table and this code could
     * still test candidate ID numbers against it. The table is therefore never shown to anyone; the
     * report only counts repeats, and no ID number is stored here.
     */
    private static final String PETITIONER_KEY_SALT = "weiquan/petition-report/petitioner/v1:";

    private static final String SCOPE = " AND (organisation = ? OR organisation LIKE ? ESCAPE '\\')";

    private final JdbcTemplate jdbc;

    public PetitionReportProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(PetitionEvent event, @SequenceNumber long sequence) {
        String id = event.petitionId().toString();
        if (event instanceof PetitionReceivedEvent received) {
            receive(received, sequence);
            return;
        }
        List<Fact> stored = jdbc.query("SELECT last_sequence, first_rating FROM petition_report_fact"
                + " WHERE petition_id = ?", (rs, row) -> new Fact(rs.getLong(1), rs.getString(2)), id);
        // No receipt seen means nothing to count; the receipt is always a petition's first event.
        if (stored.isEmpty() || sequence <= stored.get(0).lastSequence()) return;
        if (event instanceof PetitionRegisteredEvent e) {
            update(id, sequence, "subject = ?", e.subject().name());
        } else if (event instanceof CollectiveVisitAlertRaisedEvent) {
            update(id, sequence, "collective = ?", true);
        } else if (event instanceof PetitionAcceptedEvent) {
            update(id, sequence, "decision = ?", Decision.ACCEPTED.name());
        } else if (event instanceof PetitionNotAcceptedEvent) {
            update(id, sequence, "decision = ?", Decision.NOT_ACCEPTED.name());
        } else if (event instanceof PetitionRepliedEvent e) {
            update(id, sequence, "replied = ?, replied_on_time = ?", true, e.withinPeriod());
        } else if (event instanceof PetitionerRatingRecordedEvent e && stored.get(0).firstRating() == null) {
            update(id, sequence, "first_rating = ?", e.rating().name());
        } else {
            update(id, sequence, null);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM petition_report_petitioner");
        jdbc.update("DELETE FROM petition_report_fact");
    }

    @QueryHandler
    public MonthlyPetitionReport handle(MonthlyPetitionReportQuery query) {
        YearMonth month = query.month();
        String viewer = query.viewer().value();
        Object[] scope = {viewer, Where.escapeLike(viewer) + "/%"};

        Map<PetitionChannel, Long> byChannel = zeros(PetitionChannel.class);
        Map<PetitionSubject, Long> bySubject = zeros(PetitionSubject.class);
        Map<District, Long> byDistrict = zeros(District.class);
        Map<SatisfactionRating, Long> byRating = zeros(SatisfactionRating.class);
        Counter counts = new Counter();
        jdbc.query("SELECT channel, subject, district, collective, decision, replied, replied_on_time, first_rating,"
                        + " COUNT(*) FROM petition_report_fact WHERE received_month = ?" + SCOPE
                        + " GROUP BY channel, subject, district, collective, decision, replied, replied_on_time,"
                        + " first_rating",
                rs -> {
                    long n = rs.getLong(9);
                    counts.received += n;
                    byChannel.merge(PetitionChannel.valueOf(rs.getString(1)), n, Long::sum);
                    String subject = rs.getString(2);
                    if (subject == null) counts.notRegistered += n;
                    else bySubject.merge(PetitionSubject.valueOf(subject), n, Long::sum);
                    byDistrict.merge(District.valueOf(rs.getString(3)), n, Long::sum);
                    if (rs.getBoolean(4)) counts.collective += n;
                    switch (Decision.valueOf(rs.getString(5))) {
                        case ACCEPTED -> counts.accepted += n;
                        case NOT_ACCEPTED -> counts.notAccepted += n;
                        case PENDING -> counts.pending += n;
                    }
                    if (rs.getBoolean(6)) {
                        counts.replied += n;
                        if (rs.getBoolean(7)) counts.repliedOnTime += n;
                    }
                    String rating = rs.getString(8);
                    if (rating != null) {
                        counts.rated += n;
                        byRating.merge(SatisfactionRating.valueOf(rating), n, Long::sum);
                    }
                }, month.toString(), scope[0], scope[1]);

        LocalDate start = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        LocalDate lookBack = month.minusMonths(12).atDay(1);
        long[] petitioners = jdbc.queryForObject("SELECT COUNT(DISTINCT m.petitioner_key),"
                        + " COUNT(DISTINCT e.petitioner_key) FROM petition_report_petitioner m"
                        + " LEFT JOIN petition_report_petitioner e ON e.petitioner_key = m.petitioner_key"
                        + " AND e.received_on >= ? AND e.received_on < ?"
                        + " AND (e.organisation = ? OR e.organisation LIKE ? ESCAPE '\\')"
                        + " WHERE m.received_on >= ? AND m.received_on < ?"
                        + " AND (m.organisation = ? OR m.organisation LIKE ? ESCAPE '\\')",
                (rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)},
                Date.valueOf(lookBack), Date.valueOf(start), scope[0], scope[1],
                Date.valueOf(start), Date.valueOf(end), scope[0], scope[1]);

        long satisfied = byRating.get(SatisfactionRating.SATISFIED);
        long basicallySatisfied = byRating.get(SatisfactionRating.BASICALLY_SATISFIED);
        return new MonthlyPetitionReport(month, viewer, BASIS,
                new Totals(counts.received, counts.collective, counts.notRegistered),
                byChannel, bySubject, byDistrict,
                new Acceptance(counts.accepted, counts.notAccepted, counts.pending),
                rate(counts.accepted, counts.accepted + counts.notAccepted),
                new Replies(counts.replied, counts.repliedOnTime, counts.replied - counts.repliedOnTime),
                rate(counts.repliedOnTime, counts.replied),
                new Satisfaction(counts.rated, byRating, rate(satisfied, counts.rated),
                        rate(satisfied + basicallySatisfied, counts.rated)),
                new RepeatPetitioners(petitioners[1], petitioners[0], rate(petitioners[1], petitioners[0]),
                        REPEAT_DEFINITION));
    }

    private void receive(PetitionReceivedEvent e, long sequence) {
        String id = e.petitionId().toString();
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM petition_report_fact WHERE petition_id = ?",
                Long.class, id);
        if (existing != null && existing > 0) return;
        jdbc.update("INSERT INTO petition_report_fact (petition_id, received_on, received_month, organisation,"
                        + " district, channel, subject, collective, decision, replied, replied_on_time, first_rating,"
                        + " last_sequence) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?)",
                id, Date.valueOf(e.receivedOn()), YearMonth.from(e.receivedOn()).toString(), e.organisation().value(),
                e.district().name(), e.channel().name(), e.collective(), Decision.PENDING.name(), false, sequence);
        Set<String> keys = new LinkedHashSet<>();
        for (Worker petitioner : e.petitioners()) keys.add(petitionerKey(petitioner.idNumber()));
        for (String key : keys) {
            jdbc.update("INSERT INTO petition_report_petitioner (petition_id, petitioner_key, received_on, organisation)"
                    + " VALUES (?, ?, ?, ?)", id, key, Date.valueOf(e.receivedOn()), e.organisation().value());
        }
    }

    private void update(String id, long sequence, String assignments, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = sequence;
        args[values.length + 1] = id;
        jdbc.update("UPDATE petition_report_fact SET " + (assignments == null ? "" : assignments + ", ")
                + "last_sequence = ? WHERE petition_id = ?", args);
    }

    /** The one-way key of an ID number (upper-cased: an 18th character X may be written x). */
    static String petitionerKey(String idNumber) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha256.digest((PETITIONER_KEY_SALT + idNumber.strip().toUpperCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static BigDecimal rate(long part, long whole) {
        if (whole == 0) return null;
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) counts.put(value, 0L);
        return counts;
    }

    /** Whether a petition was accepted (§23); PENDING until decided. */
    enum Decision { PENDING, ACCEPTED, NOT_ACCEPTED }

    private record Fact(long lastSequence, String firstRating) {
    }

    private static final class Counter {
        long received;
        long collective;
        long notRegistered;
        long accepted;
        long notAccepted;
        long pending;
        long replied;
        long repliedOnTime;
        long rated;
    }
}
