package org.weiquan.api.query;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;

/**
 * One page of cases of every kind visible to {@code viewer}, filtered; {@code null} filters match
 * everything. {@code text} searches case number, party and employer names, credit code and the
 * case's own text; for a viewer who sees pseudonyms only ({@code personalDataSearchable} false)
 * only the case number, the employer's name and its credit code: whether a search for a person
 * finds a case would tell who has one. {@code order}: the most recently opened first, or a work
 * queue's order (overdue first, then the nearest deadline).
 */
public record CaseListQuery(OrganisationId viewer, CaseKind kind, String status, District district, String officer,
                            Boolean overdue, Boolean open, String text, int page, int size,
                            boolean personalDataSearchable, Order order) {
    public enum Order { NEWEST_FIRST, DEADLINE_FIRST }

    public CaseListQuery {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1 || size > 200) throw new IllegalArgumentException("size must be between 1 and 200");
        if (order == null) order = Order.NEWEST_FIRST;
    }

    public CaseListQuery(OrganisationId viewer, CaseKind kind, String status, District district, String officer,
                         Boolean overdue, Boolean open, String text, int page, int size,
                         boolean personalDataSearchable) {
        this(viewer, kind, status, district, officer, overdue, open, text, page, size, personalDataSearchable,
                Order.NEWEST_FIRST);
    }
}
