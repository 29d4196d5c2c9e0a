package org.weiquan.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Request bodies of the legal-aid API with valid data, for tests to send as they are or spoil one field
 * at a time. Dates are relative to today in China, so bodies stay valid whenever the suite runs and no
 * period runs out while it does (an application made two days ago is due for decision in five).
 */
public final class LegalAidCases {
    public static final String PATH = "/api/legal-aid-cases";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LegalAidCases() {
    }

    public static LocalDate today() {
        return Disputes.today();
    }

    public static LocalDate daysAgo(int days) {
        return Disputes.daysAgo(days);
    }

    /** A resident ID number with a valid check character, different per serial (and from the dispute tests'). */
    public static String idNumber(int serial) {
        return Disputes.withIdCheck("32050219880101" + String.format("%03d", serial));
    }

    public static String creditCode() {
        return Disputes.creditCode("91320505MA1Q2R3T4");
    }

    /**
     * A valid application, made two days ago by an applicant who is not a migrant worker (so not exempt from
     * the means test), with a matter no other application has (so its request hash is its own).
     */
    public static ObjectNode application(int applicant) {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.putObject("applicant").put("name", "李小红").put("idNumber", idNumber(applicant)).put("phone", "13912345678");
        body.put("migrantWorker", false);
        body.put("matterCategory", "LABOUR_CONTRACT");
        body.put("matter", "违法解除劳动合同赔偿金 (" + UUID.randomUUID() + ")");
        body.put("grounds", "失业, 家庭经济困难");
        body.put("amountClaimed", new BigDecimal("36000.00"));
        body.putObject("employer").put("name", "苏州某精密机械有限公司").put("creditCode", creditCode());
        body.put("appliedOn", daysAgo(2).toString());
        return body;
    }

    /** A migrant worker claiming wages: exempt from the means test (§42). */
    public static ObjectNode migrantWorkerClaimingWages(int applicant) {
        return application(applicant).put("migrantWorker", true).put("matterCategory", "WAGES");
    }

    public static ObjectNode materialsRequest(String... items) {
        ObjectNode body = object().put("requestedOn", daysAgo(2).toString())
                .put("supplyBy", today().plusDays(10).toString());
        ArrayNode list = body.putArray("items");
        for (String item : items) list.add(item);
        return body;
    }

    public static ObjectNode materialsReceived() {
        return object().put("receivedOn", daysAgo(1).toString()).put("note", "材料已补齐");
    }

    public static ObjectNode urgentAid(int daysToDeadline) {
        return object().put("grantedOn", today().toString())
                .put("deadlineOn", today().plusDays(daysToDeadline).toString())
                .put("deadlineDescription", "劳动仲裁申请时效届满");
    }

    public static ObjectNode approval(boolean withMeansTest) {
        ObjectNode body = object().put("decidedOn", daysAgo(1).toString());
        if (withMeansTest) {
            body.putObject("meansTest").put("hardshipEstablished", true).put("basis", "低保证 苏民保字第0456号");
        }
        return body;
    }

    public static ObjectNode rejection() {
        return object().put("decidedOn", daysAgo(1).toString()).put("reasons", "申请人月收入高于本市经济困难标准");
    }

    public static ObjectNode lawyer(String lawyerId) {
        return object().put("lawyerId", lawyerId).put("assignedOn", daysAgo(1).toString());
    }

    public static ObjectNode lawyerAssignedToday(String lawyerId) {
        return object().put("lawyerId", lawyerId).put("assignedOn", today().toString());
    }

    public static ObjectNode activity(String type, int daysAgo) {
        return object().put("type", type).put("on", daysAgo(daysAgo).toString()).put("note", "与申请人会谈, 整理证据");
    }

    public static ObjectNode outcome(String outcome, String amount) {
        ObjectNode body = object().put("outcome", outcome).put("concludedOn", today().toString());
        if (amount != null) body.put("amountRecovered", new BigDecimal(amount));
        return body;
    }

    public static ObjectNode closingReport() {
        return object().put("submittedOn", today().toString()).put("summary", "仲裁调解结案, 用人单位当庭支付");
    }

    public static ObjectNode objection() {
        return object().put("lodgedOn", daysAgo(1).toString()).put("grounds", "收入证明未计入赡养老人支出");
    }

    public static ObjectNode objectionReview(String finding) {
        return object().put("finding", finding).put("reviewedOn", today().toString()).put("reasons", "复核意见");
    }

    public static ObjectNode closure(String reason) {
        return object().put("reason", reason).put("note", "结案");
    }

    public static String path(String id) {
        return PATH + "/" + id;
    }

    public static String path(String id, String transition) {
        return PATH + "/" + id + "/" + transition;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
