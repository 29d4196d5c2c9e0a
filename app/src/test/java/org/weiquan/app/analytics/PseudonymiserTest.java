package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.DisputeSummary;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationSessionRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.app.casefile.PartyKeys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What analysts get in place of personal data, as the marks on the records decide. */
class PseudonymiserTest {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(
            new PartyKeys(Base64.getEncoder().encodeToString(new byte[32]), "unused"), JSON);
    private final DisputeId dispute = new DisputeId(UUID.randomUUID());

    @Test
    void a_mediator_kept_with_their_name_is_the_staff_pseudonym_in_place_of_user_name_and_name() {
        JsonNode data = pseudonymiser.pseudonymise(new MediatorAssignedEvent(dispute,
                new Mediator(new OfficerId("mediator.qian"), "钱调解员"), new Mediator(new OfficerId("mediator.sun"), null)));

        assertThat(data.toString()).doesNotContain("mediator.qian", "钱调解员", "mediator.sun");
        assertThat(data.path("mediator").path("id").asText()).isEqualTo(pseudonymiser.actor("mediator.qian"))
                .startsWith("staff-");
        assertThat(data.path("mediator").path("name").asText()).isEqualTo(pseudonymiser.actor("mediator.qian"));
        assertThat(data.path("previousMediator").path("id").asText()).isEqualTo(pseudonymiser.actor("mediator.sun"));
        assertThat(data.path("disputeId").asText()).isEqualTo(dispute.value().toString());
    }

    @Test
    void a_lawyer_is_named_by_the_pseudonym_of_their_user_name_and_so_is_the_lawyer_before() {
        JsonNode data = pseudonymiser.pseudonymise(new LawyerAssignedEvent(new LegalAidCaseId(UUID.randomUUID()), "lawyer.li",
                "李律师", LocalDate.of(2026, 11, 20), "lawyer.he", true));

        assertThat(data.path("lawyerId").asText()).isEqualTo(pseudonymiser.actor("lawyer.li"));
        assertThat(data.path("lawyerName").asText()).isEqualTo(pseudonymiser.actor("lawyer.li"));
        assertThat(data.path("previousLawyerId").asText()).isEqualTo(pseudonymiser.actor("lawyer.he"));
    }

    @Test
    void a_worker_is_one_pseudonym_for_name_and_id_number_the_same_in_every_case() {
        Worker worker = new Worker("张小明", "320502199001011234", "13912345678");
        JsonNode first = pseudonymiser.pseudonymise(filing(worker, "拖欠工资"));
        JsonNode second = pseudonymiser.pseudonymise(filing(new Worker("张小明", "320502199001011234", null), "加班费"));

        JsonNode party = first.path("workers").get(0);
        assertThat(party.path("name").asText()).startsWith("person-").isEqualTo(party.path("idNumber").asText())
                .isEqualTo(second.path("workers").get(0).path("name").asText());
        assertThat(party.path("phone").asText()).startsWith("phone-");
        assertThat(first.path("officerInCharge").asText()).isEqualTo(pseudonymiser.actor("officer.wang"));
        assertThat(first.path("employer").path("name").asText()).isEqualTo("苏州某某电子有限公司");
        assertThat(first.path("caseNumber").asText()).isEqualTo("LD-2026-000123");
    }

    @Test
    void finding_2_id_and_phone_numbers_and_the_parties_names_typed_into_free_text_are_masked() {
        Map<String, String> parties = pseudonymiser.parties(filing(new Worker("欧阳娜娜", "11010519491231002X", null), "x"));
        JsonNode data = pseudonymiser.pseudonymise(new MediationSessionRecordedEvent(dispute, 1, LocalDate.of(2026, 11, 20),
                "欧阳娜娜电话13912345678，另一号码 +86 139-1234-5678，办公室0512-65123456，身份证11010519491231002X。"
                        + "欧阳娜称单位已付12000.00元"), parties);

        String person = parties.get("欧阳娜娜");
        assertThat(person).startsWith("person-");
        assertThat(data.path("summary").asText()).isEqualTo(
                person + "电话[电话]，另一号码 [电话]，办公室[电话]，身份证[身份证号]。欧阳娜称单位已付12000.00元");
        assertThat(data.path("heldOn").asText()).isEqualTo("2026-11-20");
    }

    @Test
    void a_list_row_reaches_analysts_without_the_masked_name_and_with_staff_as_pseudonyms() {
        JsonNode row = pseudonymiser.pseudonymise(new DisputeSummary(dispute.value().toString(), "LD-2026-000123",
                DisputeStatus.FILED, "GUSU", "szftu/gusu", "WAGES", "officer.wang", "mediator.qian", "张**", 1,
                "苏州某某电子有限公司", false, false, null, LocalDate.of(2026, 11, 20)));

        assertThat(row.path("leadWorkerMasked").isNull()).isTrue();
        assertThat(row.path("officerInCharge").asText()).isEqualTo(pseudonymiser.actor("officer.wang"));
        assertThat(row.path("mediator").asText()).isEqualTo(pseudonymiser.actor("mediator.qian"));
        assertThat(row.path("employerName").asText()).isEqualTo("苏州某某电子有限公司");
        assertThat(Pseudonymiser.holdsPersonalData(DisputeSummary.class)).isTrue();
        assertThat(Pseudonymiser.holdsPersonalData(CaseNumber.class)).isFalse();
    }

    private DisputeFiledEvent filing(Worker worker, String claim) {
        return new DisputeFiledEvent(dispute, new CaseNumber("LD-2026-000123"), new OrganisationId("szftu/gusu"),
                District.GUSU, DisputeCategory.values()[0], List.of(worker),
                new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X"), claim, BigDecimal.TEN,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 10, 1), new OfficerId("officer.wang"), false, false,
                LocalDate.of(2026, 11, 16));
    }
}
