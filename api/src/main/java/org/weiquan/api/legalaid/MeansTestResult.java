package org.weiquan.api.legalaid;

import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;

/**
 * The result of checking the applicant's economic situation (经济困难状况核查).
 *
 * @param hardshipEstablished whether economic hardship was established
 * @param basis               what it rests on, e.g. "低保证 苏民保字第…号" or "经济困难状况说明表, 社区盖章"
 */
public record MeansTestResult(boolean hardshipEstablished, @Personal(FREE_TEXT) String basis) {
}
