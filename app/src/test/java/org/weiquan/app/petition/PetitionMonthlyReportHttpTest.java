package org.weiquan.app.petition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.FreshStore;
import org.weiquan.app.support.Petitions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/**
 * The monthly petition analysis report (信访分析月报) over HTTP: petitions received this month in
 * China, walked through acceptance, reply and rating, show in the month's report with the right
 * counts and rates, for the viewer's organisations only, as JSON and as CSV.
 */
@FreshStore // the report counts every petition of the month
class PetitionMonthlyReportHttpTest extends PetitionHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = "/api/reports/petitions/monthly";
    private static final LocalDate TODAY = Petitions.daysAgo(0);
    private static final YearMonth THIS_MONTH = YearMonth.from(TODAY);

    /** The context, and with it the store, lives as long as this class: its petitions are filed once. */
    private static boolean filed;

    @BeforeEach
    void fileThisMonthsPetitionsOnce() {
        if (filed) return;
        // Petitioner 603 petitioned last month too: a repeat petitioner.
        file(OFFICER_LI, petition("LETTER", 603).put("receivedOn", TODAY.minusMonths(1).toString()));

        // A letter about wage arrears: accepted, replied on time, the petitioner satisfied.
        walk(file(OFFICER_LI, petition("LETTER", 601)), registration("WAGE_ARREARS"), assignment(),
                on("acceptance", Petitions.acceptance(0)), on("reply", Petitions.reply(0)),
                on("rating", Petitions.rating("SATISFIED", 0)));
        // Online, about a dismissal: not accepted.
        walk(file(OFFICER_LI, petition("ONLINE", 602)), registration("DISMISSAL"), assignment(),
                on("non-acceptance", object().put("decidedOn", TODAY.toString()).put("reason", "已进入劳动仲裁程序")));
        // The 12351 hotline, about social insurance: registered, undecided.
        walk(file(OFFICER_LI, petition("HOTLINE_12351", 603)), registration("SOCIAL_INSURANCE"));
        // Seven visitors together: a collective visit, not registered yet.
        ObjectNode visit = petition("VISIT", 604).put("visitorCount", 7);
        ((ArrayNode) visit.get("petitioners")).addObject().put("name", "李来访").put("idNumber", Petitions.idNumber(605));
        file(OFFICER_LI, visit);
        // Kunshan's own letter.
        file(OFFICER_CHEN, petition("LETTER", 606).put("district", "KUNSHAN"));
        filed = true;
    }

    @Test
    void the_report_of_this_month_counts_the_petitions_received_and_their_acceptance_replies_and_ratings() {
        JsonNode city = awaitReport(ANALYST_ZHAO, 5);

        assertThat(city.path("month").asText()).isEqualTo(THIS_MONTH.toString());
        assertThat(city.path("organisation").asText()).isEqualTo("szftu");
        assertThat(city.path("totals").path("received").asLong()).isEqualTo(5);
        assertThat(city.path("totals").path("collectiveVisits").asLong()).isEqualTo(1);
        assertThat(city.path("totals").path("notRegistered").asLong()).isEqualTo(2);
        assertThat(counts(city.path("byChannel"), "LETTER", "ONLINE", "HOTLINE_12351", "VISIT"))
                .containsExactly(2L, 1L, 1L, 1L);
        assertThat(counts(city.path("bySubject"), "WAGE_ARREARS", "DISMISSAL", "SOCIAL_INSURANCE", "OTHER"))
                .containsExactly(1L, 1L, 1L, 0L);
        assertThat(counts(city.path("byDistrict"), "GUSU", "KUNSHAN", "WUJIANG")).containsExactly(4L, 1L, 0L);
        assertThat(city.path("acceptance").path("accepted").asLong()).isEqualTo(1);
        assertThat(city.path("acceptance").path("notAccepted").asLong()).isEqualTo(1);
        assertThat(city.path("acceptance").path("pending").asLong()).isEqualTo(3);
        assertThat(city.path("acceptanceRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(city.path("replies").path("replied").asLong()).isEqualTo(1);
        assertThat(city.path("onTimeReplyRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(city.path("satisfaction").path("rated").asLong()).isEqualTo(1);
        assertThat(counts(city.path("satisfaction").path("byRating"), "SATISFIED", "BASICALLY_SATISFIED",
                "DISSATISFIED")).containsExactly(1L, 0L, 0L);
        assertThat(city.path("satisfaction").path("satisfiedShare").decimalValue()).isEqualByComparingTo("1");
        JsonNode repeats = city.path("repeatPetitioners");
        assertThat(repeats.path("petitioners").asLong()).as("601 to 606").isEqualTo(6);
        assertThat(repeats.path("count").asLong()).as("603, who petitioned last month too").isEqualTo(1);
        assertThat(repeats.path("share").decimalValue()).isEqualByComparingTo("0.1667");
        assertThat(repeats.path("definition").asText()).contains("12 calendar months before");
    }

    @Test
    void each_viewer_sees_the_petitions_of_its_own_organisations_only() {
        awaitReport(ANALYST_ZHAO, 5);

        JsonNode gusu = report(OFFICER_LI, "?month=" + THIS_MONTH).json();
        JsonNode kunshan = report(OFFICER_CHEN, "?month=" + THIS_MONTH).json();

        assertThat(gusu.path("totals").path("received").asLong()).isEqualTo(4);
        assertThat(gusu.path("byDistrict").path("KUNSHAN").asLong()).isZero();
        assertThat(kunshan.path("totals").path("received").asLong()).isEqualTo(1);
        assertThat(kunshan.path("repeatPetitioners").path("count").asLong()).isZero();
        assertThat(kunshan.path("acceptanceRate").isNull()).as("nothing decided, no rate").isTrue();
        assertThat(report(OFFICER_LI, "?month=" + THIS_MONTH.minusMonths(1)).json().path("totals").path("received")
                .asLong()).as("last month's letter").isEqualTo(1);
    }

    @Test
    void the_report_exports_as_csv_with_one_section_per_table_and_a_byte_order_mark() {
        awaitReport(ANALYST_ZHAO, 5);

        ApiResponse csv = report(ANALYST_ZHAO, "?month=" + THIS_MONTH + "&format=csv");

        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("petition-report-" + THIS_MONTH + ".csv");
        assertThat(csv.body()).startsWith("\uFEFFreport,month,organisation\r\n信访分析月报," + THIS_MONTH + ",szftu\r\n");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines).contains("total,count", "received,5", "collective_visits,1",
                "channel,count", "LETTER,2", "ONLINE,1", "HOTLINE_12351,1", "VISIT,1",
                "subject,count", "WAGE_ARREARS,1", "DISMISSAL,1",
                "district,district_zh,count", "GUSU,姑苏区,4", "KUNSHAN,昆山市,1",
                "decision,count", "ACCEPTED,1", "NOT_ACCEPTED,1", "PENDING,3",
                "rating,count", "SATISFIED,1", "DISSATISFIED,0",
                "measure,numerator,denominator,rate", "acceptance_rate,1,2,0.5000", "on_time_reply_rate,1,1,1.0000",
                "satisfied_share,1,1,1.0000", "repeat_petitioner_share,1,6,0.1667");
        // Sections are separated by an empty line; the notes hold commas, so they are quoted.
        assertThat(lines.stream().filter(String::isEmpty).count()).isEqualTo(8);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("repeat_petitioner,\"a petitioner"));
    }

    @Test
    void a_month_that_is_not_a_month_is_a_400_problem() {
        for (String bad : List.of("2026-13", "2026-00", "2026-1", "November", "2026-11-01")) {
            JsonNode problem = assertProblem(report(ANALYST_ZHAO, "?month=" + bad), 400, "validation-failed");
            assertThat(errorFields(problem)).as(bad).containsExactly("month");
        }
        assertProblem(report(ANALYST_ZHAO, "?month=2026-11&format=pdf"), 400, "validation-failed");
    }

    @Test
    void without_a_month_the_report_is_of_the_current_month_in_china() {
        assertThat(report(OFFICER_LI, "").json().path("month").asText()).isEqualTo(THIS_MONTH.toString());
    }

    private ApiResponse report(String user, String query) {
        return as(user).get(REPORT + query);
    }

    /** This month's report as {@code user} as soon as it counts {@code received} petitions with their walks done. */
    private JsonNode awaitReport(String user, long received) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await("report with " + received + " petitions").atMost(READ_SIDE).untilAsserted(() -> {
            ApiResponse response = report(user, "?month=" + THIS_MONTH);
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            seen.set(response.json());
            assertThat(seen.get().path("totals").path("received").asLong()).isEqualTo(received);
            assertThat(seen.get().path("satisfaction").path("rated").asLong()).isEqualTo(1);
            assertThat(seen.get().path("acceptance").path("notAccepted").asLong()).isEqualTo(1);
            assertThat(seen.get().path("bySubject").path("SOCIAL_INSURANCE").asLong()).isEqualTo(1);
        });
        return seen.get();
    }

    private static List<Long> counts(JsonNode counts, String... keys) {
        return Arrays.stream(keys).map(key -> counts.path(key).asLong(-1)).toList();
    }

    /** A petition received today by {@code channel} from the petitioner with ID number serial {@code petitioner}. */
    private static ObjectNode petition(String channel, int petitioner) {
        ObjectNode body = Petitions.letter(petitioner);
        body.put("channel", channel).put("receivedOn", TODAY.toString());
        return body;
    }

    private ApiResponse file(String user, ObjectNode body) {
        ApiResponse response = as(user).post(Petitions.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response;
    }

    private record Step(String transition, ObjectNode body) {
    }

    private static Step on(String transition, ObjectNode body) {
        return new Step(transition, body);
    }

    private static Step registration(String subject) {
        return on("registration", object().put("registeredOn", TODAY.toString()).put("subject", subject));
    }

    private static Step assignment() {
        return on("assignment", Petitions.assignment(0));
    }

    /** Sends the steps in order, each with the version the previous one answered. */
    private void walk(ApiResponse received, Step... steps) {
        String id = received.json().path("petitionId").asText();
        long version = received.etagVersion();
        for (Step step : steps) version = advance(id, step.transition(), step.body(), version).etagVersion();
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
