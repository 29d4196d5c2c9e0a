package org.weiquan.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Request bodies of the safety hazard API with valid data, for tests to send as they are or spoil
 * one field at a time. Dates are relative to today in China ({@link Disputes#today()}), so bodies
 * stay valid whenever the suite runs; deadlines lie in the future unless a test wants them past.
 */
public final class Hazards {
    public static final String PATH = "/api/hazards";
    /** Two employers with valid unified social credit codes (GB 32100). */
    public static final String CREDIT_CODE = Disputes.creditCode("91320508MA1H2N3D4");
    public static final String OTHER_CREDIT_CODE = Disputes.creditCode("91320583MA7K8L9M1");
    public static final String SHA256_PHOTO = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String SHA256_REPORT = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Hazards() {
    }

    /** A valid general hazard found 12 days ago, with a description no other report has. */
    public static ObjectNode report() {
        return report("GENERAL", CREDIT_CODE);
    }

    public static ObjectNode report(String severity, String creditCode) {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.put("severity", severity);
        body.putObject("employer").put("name", "苏州恒通精密机械有限公司").put("creditCode", creditCode);
        body.put("location", "三号车间冲压线");
        body.put("description", "冲床光电保护装置被拆除 (" + UUID.randomUUID() + ")");
        body.put("foundOn", daysAgo(12).toString());
        return body;
    }

    /** A notice issued {@code issuedDaysAgo} days ago with the deadline {@code deadlineInDays} from today. */
    public static ObjectNode notice(int issuedDaysAgo, int deadlineInDays) {
        return object().put("issuedOn", daysAgo(issuedDaysAgo).toString())
                .put("deadline", Disputes.today().plusDays(deadlineInDays).toString())
                .put("requirements", "恢复光电保护装置, 对冲压工进行安全培训");
    }

    public static ObjectNode answer(int daysAgo) {
        return object().put("answeredOn", daysAgo(daysAgo).toString()).put("summary", "企业承诺十日内整改");
    }

    public static ObjectNode progress(int daysAgo) {
        return object().put("recordedOn", daysAgo(daysAgo).toString()).put("description", "新光电保护装置已订购");
    }

    public static ObjectNode rectification(int daysAgo, String... hashes) {
        ObjectNode body = object().put("submittedOn", daysAgo(daysAgo).toString())
                .put("description", "光电保护装置已恢复并测试");
        ArrayNode evidence = body.putArray("evidence");
        int i = 0;
        for (String hash : hashes) {
            evidence.addObject().put("fileName", "evidence-" + (++i) + ".jpg").put("mediaType", "image/jpeg")
                    .put("sizeBytes", 480_000 + i).put("sha256", hash);
        }
        return body;
    }

    public static ObjectNode passed(int daysAgo) {
        return object().put("verifiedOn", daysAgo(daysAgo).toString()).put("outcome", "PASSED")
                .put("findings", "光电保护装置有效, 培训记录齐全");
    }

    public static ObjectNode failed(int daysAgo, int newDeadlineInDays) {
        return object().put("verifiedOn", daysAgo(daysAgo).toString()).put("outcome", "FAILED")
                .put("findings", "保护装置被短接")
                .put("newDeadline", Disputes.today().plusDays(newDeadlineInDays).toString())
                .put("newRequirements", "拆除短接线, 控制柜上锁");
    }

    public static ObjectNode escalation(int daysAgo) {
        return object().put("escalatedOn", daysAgo(daysAgo).toString()).put("reason", "另一台冲床也无防护");
    }

    public static ObjectNode majorReport(String recipient, int daysAgo) {
        return object().put("recipient", recipient)
                .put("recipientName", "WORK_SAFETY_AUTHORITY".equals(recipient) ? "苏州市姑苏区应急管理局" : "职工代表大会")
                .put("reportedOn", daysAgo(daysAgo).toString()).put("reference", "姑工劳保〔2026〕3号");
    }

    public static ObjectNode listing(int daysAgo) {
        return object().put("listedOn", daysAgo(daysAgo).toString()).put("listedBy", "苏州市应急管理局")
                .put("documentNumber", "苏应急督〔2026〕12号");
    }

    public static ObjectNode evacuation(int daysAgo) {
        return object().put("recommendedOn", daysAgo(daysAgo).toString()).put("reason", "冲床在无防护状态下运行");
    }

    public static ObjectNode closure(String reason, int daysAgo, String note) {
        ObjectNode body = object().put("reason", reason).put("closedOn", daysAgo(daysAgo).toString());
        if (note != null) body.put("note", note);
        return body;
    }

    public static LocalDate daysAgo(int days) {
        return Disputes.daysAgo(days);
    }

    public static String path(String hazardId) {
        return PATH + "/" + hazardId;
    }

    public static String path(String hazardId, String transition) {
        return PATH + "/" + hazardId + "/" + transition;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
