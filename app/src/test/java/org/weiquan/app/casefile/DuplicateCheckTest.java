package org.weiquan.app.casefile;

import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseKind;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateCheckTest {

    private static PossibleDuplicate found(int number, String matchedOn) {
        return new PossibleDuplicate("id-" + number, CaseKind.LABOUR_DISPUTE, String.format("LD-2026-%06d", number),
                "FILED", matchedOn);
    }

    @Test
    void a_large_employer_lists_its_latest_cases_and_every_case_of_the_same_worker_comes_first() {
        List<PossibleDuplicate> found = new ArrayList<>();
        for (int number = 1; number <= 300; number++) found.add(found(number, number == 7 ? "worker" : "employer"));

        List<PossibleDuplicate> listed = DuplicateCheck.mostTelling(found);

        assertThat(listed).hasSize(DuplicateCheck.MAX_LISTED);
        assertThat(listed.get(0).caseNumber()).as("the worker's own earlier case").isEqualTo("LD-2026-000007");
        assertThat(listed.get(1).caseNumber()).isEqualTo("LD-2026-000282");
        assertThat(listed.get(listed.size() - 1).caseNumber()).isEqualTo("LD-2026-000300");
    }

    @Test
    void a_short_list_is_kept_whole_in_case_number_order() {
        List<PossibleDuplicate> found = List.of(found(3, "employer"), found(1, "worker"), found(2, "employer"));

        assertThat(DuplicateCheck.mostTelling(found)).extracting(PossibleDuplicate::caseNumber)
                .containsExactly("LD-2026-000001", "LD-2026-000002", "LD-2026-000003");
    }
}
