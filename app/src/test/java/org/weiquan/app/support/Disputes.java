package org.weiquan.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request bodies of the dispute API with valid data, for tests to send as they are or spoil one
 * field at a time. Dates are relative to today in China, so bodies stay valid whenever the suite
 * runs and no legal period runs out while it does.
 */
public final class Disputes {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String PATH = "/api/disputes";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Disputes() {
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    public static LocalDate daysAgo(int days) {
        return today().minusDays(days);
    }

    /** A resident ID number (GB 11643) with a valid check character; a different one per serial. */
    public static String idNumber(int serial) {
        if (serial < 0 || serial > 999) throw new IllegalArgumentException("serial 0..999");
        return withIdCheck("11010519900101" + String.format("%03d", serial));
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    /**
     * An ID number no other call returns, for a party who must match no other case (a case filed in
     * another organisation would otherwise flag every case of the shared test workers).
     */
    public static String uniqueIdNumber() {
        int n = UNIQUE.getAndIncrement();
        // born on one of 28 days of February 1990, with one of 1,000 serials each
        return withIdCheck(String.format("110105199002%02d%03d", 1 + n / 1000 % 28, n % 1000));
    }

    /** An employer no other filing names: a shared store holds every test's cases. */
    public static ObjectNode uniqueEmployer() {
        int n = UNIQUE.getAndIncrement();
        return JSON.createObjectNode().put("name", "苏州某精密机械有限公司" + n)
                .put("creditCode", creditCode(String.format("91320508MA%07d", n)));
    }

    /** A filing at Kunshan (for {@code officer.chen}) for a worker no other filing names. */
    public static ObjectNode filingAtKunshan() {
        ObjectNode body = filing().put("district", "KUNSHAN");
        ((ObjectNode) body.withArray("workers").get(0)).put("idNumber", uniqueIdNumber());
        return body;
    }

    /** The 17 digits followed by their GB 11643 check character. */
    public static String withIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        return first17 + ID_CHECK[sum % 11];
    }

    /** A unified social credit code (GB 32100) with a valid check character. */
    public static String creditCode(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        return first17 + CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A valid filing with one worker and a claim no other filing has (so its request hash is its own). */
    public static ObjectNode filing() {
        return filing(1);
    }

    /** A valid filing naming {@code workers} different workers. */
    public static ObjectNode filing(int workers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.put("category", "WAGE_ARREARS");
        ArrayNode list = body.putArray("workers");
        for (int i = 0; i < workers; i++) {
            list.addObject().put("name", "张小明" + i).put("idNumber", idNumber(i + 1)).put("phone", "13912345678");
        }
        body.putObject("employer").put("name", "苏州某电子有限公司").put("creditCode", creditCode("91320508MA1N2B3C4"));
        body.put("claim", "三个月工资未发 (" + UUID.randomUUID() + ")");
        body.put("claimedAmount", new BigDecimal("12000.00"));
        body.put("appliedOn", daysAgo(10).toString());
        body.put("infringementKnownOn", daysAgo(40).toString());
        return body;
    }

    public static ObjectNode acceptance() {
        return object().put("acceptedOn", daysAgo(9).toString());
    }

    public static ObjectNode mediator(String mediator) {
        return object().put("mediator", mediator);
    }

    public static ObjectNode session(int daysAgo, String summary) {
        return object().put("heldOn", daysAgo(daysAgo).toString()).put("summary", summary);
    }

    public static ObjectNode settlement(String amount) {
        return object().put("amount", new BigDecimal(amount)).put("paymentDueOn", today().plusDays(30).toString())
                .put("terms", "雇主分两期支付");
    }

    public static ObjectNode payment(String amount) {
        return object().put("amount", new BigDecimal(amount)).put("paidOn", today().toString());
    }

    public static ObjectNode mediationFailure() {
        return object().put("reason", "雇主拒绝调解");
    }

    public static ObjectNode arbitrationReferral() {
        return object().put("referredOn", daysAgo(3).toString()).put("commission", "苏州市姑苏区劳动人事争议仲裁委员会");
    }

    public static ObjectNode arbitrationAcceptance() {
        return object().put("acceptedOn", daysAgo(2).toString()).put("arbitrationCaseNumber", "苏姑劳人仲案字〔2026〕第1号");
    }

    public static ObjectNode arbitrationExtension(int days) {
        return object().put("days", days).put("reason", "案情复杂");
    }

    public static ObjectNode arbitrationAward(String amount) {
        return object().put("awardedOn", today().toString()).put("outcome", "PARTIALLY_UPHELD")
                .put("awardedAmount", new BigDecimal(amount));
    }

    public static ObjectNode closure(String reason) {
        return object().put("reason", reason).put("note", "结案");
    }

    public static String path(String disputeId) {
        return PATH + "/" + disputeId;
    }

    public static String path(String disputeId, String transition) {
        return PATH + "/" + disputeId + "/" + transition;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
