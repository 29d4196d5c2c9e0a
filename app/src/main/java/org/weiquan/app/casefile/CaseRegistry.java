package org.weiquan.app.casefile;

import org.weiquan.api.common.CaseKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.OrganisationId;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Case numbers and the registry of every case. {@link #allocate} and {@link #register} must run in
 * the transaction that stores the case's first event: a refused filing then leaves neither a number
 * nor a gap, and the counter row's lock orders concurrent filings.
 */
@Repository
public class CaseRegistry {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;
    private final ObjectMapper json;

    public CaseRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The next case number of this kind and year. */
    public CaseNumber allocate(CaseKind kind, int year) {
        int updated = increment(kind, year);
        if (updated == 0) {
            createCounter(kind, year);
            updated = increment(kind, year);
        }
        if (updated != 1) throw new IllegalStateException("case number counter missing for " + kind + " " + year);
        Long value = jdbc.queryForObject("SELECT last_used FROM case_number_counter WHERE kind = ? AND case_year = ?",
                Long.class, kind.prefix(), year);
        return CaseNumber.of(kind.prefix(), year, value);
    }

    private int increment(CaseKind kind, int year) {
        return jdbc.update("UPDATE case_number_counter SET last_used = last_used + 1 WHERE kind = ? AND case_year = ?",
                kind.prefix(), year);
    }

    /**
     * Creates the year's counter if it is missing. Call it before the filing's transaction: creating
     * the counter takes a transaction (and so a pooled connection) of its own, and a filing that
     * already holds a connection while waiting for a second one starves the pool when as many
     * filings as the pool has connections race to be the year's first.
     */
    public void ensureCounter(CaseKind kind, int year) {
        Long present = jdbc.queryForObject("SELECT COUNT(*) FROM case_number_counter WHERE kind = ? AND case_year = ?",
                Long.class, kind.prefix(), year);
        if (present == null || present == 0) createCounter(kind, year);
    }

    /**
     * The first filing of a year creates the counter in a transaction of its own, so that two first
     * filings racing each other cannot abort the filing transaction itself.
     */
    private void createCounter(CaseKind kind, int year) {
        separateTransaction.executeWithoutResult(status -> {
            try {
                jdbc.update("INSERT INTO case_number_counter (kind, case_year, last_used) SELECT ?, ?, 0"
                                + " FROM (VALUES (0)) AS one(x) WHERE NOT EXISTS"
                                + " (SELECT 1 FROM case_number_counter WHERE kind = ? AND case_year = ?)",
                        kind.prefix(), year, kind.prefix(), year);
            } catch (DuplicateKeyException raced) {
                status.setRollbackOnly(); // the other filing created it: fine
            }
        });
    }

    public void register(String caseId, CaseKind kind, CaseNumber number, OrganisationId organisation,
                         String requestHash, List<PossibleDuplicate> possibleDuplicates) {
        jdbc.update("INSERT INTO case_registry (case_id, kind, case_number, organisation, request_hash, registered_at,"
                        + " possible_duplicates) VALUES (?, ?, ?, ?, ?, ?, ?)", caseId, kind.name(), number.value(),
                organisation.value(), requestHash, clock.instant().atOffset(ZoneOffset.UTC),
                writeDuplicates(possibleDuplicates));
    }

    public Optional<RegisteredCase> find(String caseId) {
        return one("SELECT * FROM case_registry WHERE case_id = ?", caseId);
    }

    public Optional<RegisteredCase> findByNumber(String caseNumber) {
        return one("SELECT * FROM case_registry WHERE case_number = ?", caseNumber);
    }

    private Optional<RegisteredCase> one(String sql, String arg) {
        List<RegisteredCase> found = jdbc.query(sql, (rs, row) -> new RegisteredCase(rs.getString("case_id"),
                CaseKind.valueOf(rs.getString("kind")), rs.getString("case_number"),
                new OrganisationId(rs.getString("organisation")), rs.getString("request_hash"),
                readDuplicates(rs.getString("possible_duplicates"))), arg);
        return found.stream().findFirst();
    }

    private String writeDuplicates(List<PossibleDuplicate> duplicates) {
        try {
            return json.writeValueAsString(duplicates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write possible duplicates", e);
        }
    }

    private List<PossibleDuplicate> readDuplicates(String stored) {
        try {
            return List.of(json.readValue(stored, PossibleDuplicate[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read possible duplicates", e);
        }
    }
}
