package org.weiquan.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Request bodies of the petition API with valid data, for tests to send as they are or spoil one
 * field at a time. Dates are relative to today in China so that bodies stay valid whenever the
 * suite runs, and chosen so that no legal period runs out while it does.
 */
public final class Petitions {
    public static final String PATH = "/api/petitions";
    public static final String PLAIN_SHA = "1".repeat(64);
    public static final String WHISTLEBLOWER_SHA = "f".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Petitions() {
    }

    public static LocalDate daysAgo(int days) {
        return Disputes.daysAgo(days);
    }

    public static String idNumber(int serial) {
        return Disputes.idNumber(serial);
    }

    /** A letter received ten days ago from one petitioner, with a claim no other request has. */
    public static ObjectNode letter() {
        return letter(500);
    }

    /** A letter received at Kunshan (by {@code officer.chen}) from a petitioner no other petition names. */
    public static ObjectNode letterAtKunshan() {
        ObjectNode body = letter().put("district", "KUNSHAN");
        ((ObjectNode) body.withArray("petitioners").get(0)).put("idNumber", Disputes.uniqueIdNumber());
        return body;
    }

    /** A letter from the petitioner with ID number serial {@code petitioner}. */
    public static ObjectNode letter(int petitioner) {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.put("channel", "LETTER");
        body.put("receivedOn", daysAgo(10).toString());
        ArrayNode petitioners = body.putArray("petitioners");
        petitioners.addObject().put("name", "王信访").put("idNumber", idNumber(petitioner)).put("phone", "13912345678");
        body.putObject("employer").put("name", "苏州某精密机械有限公司")
                .put("creditCode", Disputes.creditCode("91320508MA1P2Q3R4"));
        body.put("claim", "公司拖欠工资, 请求工会协调 (" + UUID.randomUUID() + ")");
        return body;
    }

    /** A visit of {@code visitors} people, two of them named. */
    public static ObjectNode visit(int visitors) {
        ObjectNode body = letter();
        body.put("channel", "VISIT").put("visitorCount", visitors);
        ((ArrayNode) body.get("petitioners")).addObject().put("name", "李来访").put("idNumber", idNumber(501));
        return body;
    }

    public static ObjectNode material(String fileName, String sha256, boolean whistleblower) {
        return JSON.createObjectNode().put("fileName", fileName).put("mediaType", "application/pdf")
                .put("sizeBytes", 48_211).put("sha256", sha256).put("whistleblower", whistleblower);
    }

    public static ObjectNode registration() {
        return object().put("registeredOn", daysAgo(10).toString()).put("subject", "WAGE_ARREARS");
    }

    public static ObjectNode assignment(int daysAgo) {
        return object().put("assignedOn", daysAgo(daysAgo).toString()).put("routing", "ASSIGNED")
                .put("handlingUnit", "姑苏区平江街道总工会").put("handlingOfficer", "officer.zhou")
                .put("note", "请十五日内告知是否受理");
    }

    public static ObjectNode objection() {
        return object().put("objectedOn", daysAgo(0).toString()).put("reason", "属劳动监察职权, 不属本单位职权范围");
    }

    public static ObjectNode acceptance(int daysAgo) {
        return object().put("acceptedOn", daysAgo(daysAgo).toString());
    }

    public static ObjectNode nonAcceptance() {
        return object().put("decidedOn", daysAgo(7).toString()).put("reason", "已进入劳动仲裁程序, 不予受理");
    }

    public static ObjectNode extension(int days) {
        return object().put("days", days).put("reason", "需调取社保缴费记录");
    }

    public static ObjectNode reply(int daysAgo) {
        return object().put("repliedOn", daysAgo(daysAgo).toString()).put("reply", "经协调, 公司承诺月底前付清欠薪");
    }

    public static ObjectNode rating(String rating, int daysAgo) {
        return object().put("rating", rating).put("ratedOn", daysAgo(daysAgo).toString()).put("comment", "态度很好");
    }

    public static ObjectNode closure(String reason) {
        return object().put("reason", reason).put("note", "办结");
    }

    public static ObjectNode reviewRequest(int daysAgo) {
        return object().put("requestedOn", daysAgo(daysAgo).toString()).put("reviewingBody", "苏州市总工会")
                .put("grounds", "公司至今未付款");
    }

    public static ObjectNode reexaminationRequest(int daysAgo) {
        return object().put("requestedOn", daysAgo(daysAgo).toString()).put("reexaminingBody", "江苏省总工会")
                .put("grounds", "复查意见未解决问题");
    }

    public static ObjectNode answer(int daysAgo, String decision) {
        return object().put("answeredOn", daysAgo(daysAgo).toString()).put("decision", decision)
                .put("opinion", "维持原处理意见, 督促公司付款");
    }

    public static String path(String petitionId) {
        return PATH + "/" + petitionId;
    }

    public static String path(String petitionId, String transition) {
        return PATH + "/" + petitionId + "/" + transition;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
