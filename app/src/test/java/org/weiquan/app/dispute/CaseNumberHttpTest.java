package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.FreshStore;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Case numbers are read aloud: {@code LD-<year>-<6 digits>}, unique, and without gaps, also when
 * filings arrive at the same moment, and a refused filing uses none up.
 */
@FreshStore // the first filings of the year race to create its counter
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseNumberHttpTest extends HttpIntegrationTest {
    private static final int FILINGS = 20;

    /** First, on the fresh database: the racers also race to create this year's counter. */
    @Test
    @Order(1)
    void twenty_concurrent_filings_get_twenty_distinct_contiguous_case_numbers_of_this_year() throws Exception {
        assertThat(counterRows()).as("no filing yet this year").isZero();
        assertThat(api.as(OFFICER_LI).get("/api/me").status()).isEqualTo(200);
        List<ApiResponse> responses = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(FILINGS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < FILINGS; i++) {
                ObjectNode body = Disputes.filing(); // each with a claim of its own
                futures.add(threads.submit(() -> {
                    start.await();
                    return api.as(OFFICER_LI).post(Disputes.PATH, body);
                }));
            }
            start.countDown();
            for (Future<ApiResponse> future : futures) responses.add(future.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }

        String prefix = "LD-" + Disputes.today().getYear() + "-";
        List<Long> sequences = new ArrayList<>();
        for (ApiResponse response : responses) {
            assertThat(response.status()).as("%s", response).isEqualTo(201);
            String caseNumber = response.json().path("caseNumber").asText();
            assertThat(caseNumber).matches("LD-\\d{4}-\\d{6}").startsWith(prefix);
            sequences.add(Long.parseLong(caseNumber.substring(prefix.length())));
        }
        assertThat(sequences).as("no duplicates").doesNotHaveDuplicates();
        long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = sequences.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(last - first + 1).as("no gaps between %s and %s", first, last).isEqualTo(FILINGS);
        assertThat(responses.stream().map(r -> r.json().path("disputeId").asText()).distinct()).hasSize(FILINGS);
        assertThat(counter()).isGreaterThanOrEqualTo(last);
    }

    @Test
    @Order(2)
    void a_refused_filing_consumes_no_case_number() {
        long before = sequenceOf(file(Disputes.filing()).path("caseNumber").asText());
        long events = storedEvents();

        // refused by validation, before any number is drawn
        assertProblem(api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing().put("claim", "")), 400,
                "validation-failed");
        // refused by the case's own rules, after the number was drawn in the filing's transaction
        ObjectNode sameWorkerTwice = Disputes.filing(2);
        ((ObjectNode) sameWorkerTwice.withArray("workers").get(1)).put("idNumber", Disputes.idNumber(1));
        assertProblem(api.as(OFFICER_LI).post(Disputes.PATH, sameWorkerTwice), 400, "dispute.duplicate-worker");
        ObjectNode knownAfterApplying = Disputes.filing().put("infringementKnownOn", Disputes.daysAgo(1).toString());
        assertProblem(api.as(OFFICER_LI).post(Disputes.PATH, knownAfterApplying), 400,
                "dispute.known-after-application");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(counter()).isEqualTo(before);

        long after = sequenceOf(file(Disputes.filing()).path("caseNumber").asText());
        assertThat(after).isEqualTo(before + 1);
    }

    private long counterRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_number_counter", Long.class);
    }

    private long counter() {
        return jdbc.queryForObject("SELECT last_used FROM case_number_counter WHERE kind = 'LD' AND case_year = ?",
                Long.class, Disputes.today().getYear());
    }

    private static long sequenceOf(String caseNumber) {
        return Long.parseLong(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
    }
}
