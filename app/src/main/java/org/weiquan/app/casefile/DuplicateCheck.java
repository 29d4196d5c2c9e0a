package org.weiquan.app.casefile;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.OrganisationId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Possible duplicates at intake: open cases of the same kind naming the same worker (by party key)
 * or employer (by credit code). Party keys are written with the case, in the filing transaction;
 * whether a case is still open with every command that closes or reopens it ({@link CaseOpenState}).
 * The answer is kept with the new case, so that a retried filing shows the same list.
 */
@Component
public class DuplicateCheck {
    static final int MAX_LISTED = 20;
    private final NamedParameterJdbcTemplate jdbc;
    private final PartyKeys keys;

    public DuplicateCheck(NamedParameterJdbcTemplate jdbc, PartyKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * What a filing found. {@code shown}: the possible duplicates the viewer may see, most telling
     * first (see {@link #mostTelling}), and, if there are others, one entry saying only that cases
     * exist outside the viewer's organisation. {@code elsewhere}: the ids of those others that name
     * the same worker, which go to the supervisors over both organisations and never into the answer.
     */
    public record Found(List<PossibleDuplicate> shown, Set<String> elsewhere) {
        static final Found NOTHING = new Found(List.of(), Set.of());
    }

    public Found find(CaseKind kind, Parties parties, String excludingCaseId, OrganisationId viewer) {
        Map<String, String> matchedOn = partyKeys(parties);
        if (matchedOn.isEmpty()) return Found.NOTHING;
        MapSqlParameterSource args = new MapSqlParameterSource()
                .addValue("kind", kind.name()).addValue("keys", matchedOn.keySet())
                .addValue("self", excludingCaseId == null ? "" : excludingCaseId);
        Map<String, PossibleDuplicate> byCase = new LinkedHashMap<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        AtomicBoolean employerElsewhere = new AtomicBoolean();
        // Whether a case is open is the registry's (CaseOpenState, in the closing command's own
        // transaction); the case list only labels it with its status, when it has reached it.
        jdbc.query("SELECT p.case_id, p.party_key, r.case_number, l.status, r.organisation FROM case_party p"
                + " JOIN case_registry r ON r.case_id = p.case_id"
                + " LEFT JOIN case_list l ON l.case_id = p.case_id"
                + " WHERE p.kind = :kind AND p.party_key IN (:keys) AND p.case_id <> :self AND r.is_open"
                + " ORDER BY r.case_number", args, rs -> {
            String caseId = rs.getString("case_id");
            if (!viewer.covers(new OrganisationId(rs.getString("organisation")))) {
                // the same worker is worth a supervisor's look; the same employer elsewhere is common
                if (matchedOn.get(rs.getString("party_key")).equals("worker")) elsewhere.add(caseId);
                else employerElsewhere.set(true);
                return;
            }
            PossibleDuplicate found = new PossibleDuplicate(caseId, kind, rs.getString("case_number"),
                    rs.getString("status"), matchedOn.get(rs.getString("party_key")));
            // the same worker tells more than the same employer
            byCase.merge(caseId, found, (first, other) -> first.matchedOn().equals("worker") ? first : other);
        });
        List<PossibleDuplicate> found = mostTelling(byCase.values());
        if (!elsewhere.isEmpty()) found.add(PossibleDuplicate.sameWorkerElsewhere(kind));
        else if (employerElsewhere.get()) found.add(PossibleDuplicate.sameEmployerElsewhere(kind));
        return new Found(found, elsewhere);
    }

    /**
     * At most {@value #MAX_LISTED} cases: every case of the same worker first, then the latest cases at
     * the same employer — a large employer can have hundreds of open cases, which no officer reads at
     * intake. In case-number order.
     */
    static List<PossibleDuplicate> mostTelling(Collection<PossibleDuplicate> found) {
        List<PossibleDuplicate> sameWorker = found.stream().filter(d -> d.matchedOn().equals("worker")).toList();
        List<PossibleDuplicate> sameEmployer = found.stream().filter(d -> !d.matchedOn().equals("worker")).toList();
        List<PossibleDuplicate> chosen = new ArrayList<>(sameWorker.subList(0, Math.min(MAX_LISTED, sameWorker.size())));
        int room = MAX_LISTED - chosen.size();
        chosen.addAll(sameEmployer.subList(Math.max(0, sameEmployer.size() - room), sameEmployer.size()));
        chosen.sort(Comparator.comparing(PossibleDuplicate::caseNumber));
        return chosen;
    }

    /** Remembers the new case's parties; runs in the filing transaction. */
    public void record(String caseId, CaseKind kind, Parties parties) {
        partyKeys(parties).keySet().forEach(key -> jdbc.update(
                "INSERT INTO case_party (case_id, kind, party_key) SELECT :id, :kind, :key FROM (VALUES (0)) AS one(x)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM case_party WHERE case_id = :id AND party_key = :key)",
                new MapSqlParameterSource().addValue("id", caseId).addValue("kind", kind.name()).addValue("key", key)));
    }

    private Map<String, String> partyKeys(Parties parties) {
        Map<String, String> matchedOn = new LinkedHashMap<>();
        parties.idNumbers().forEach(id -> matchedOn.put(keys.person(id), "worker"));
        parties.creditCodes().forEach(code -> matchedOn.put(keys.employer(code), "employer"));
        return matchedOn;
    }
}
