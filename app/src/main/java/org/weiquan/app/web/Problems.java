package org.weiquan.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** RFC 9457 problem details with a stable machine-readable {@code code}. */
public final class Problems {
    /** Base of the problem type URIs; they name the error, they are not fetched. */
    public static final String TYPE_BASE = "urn:weiquan:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }
}
