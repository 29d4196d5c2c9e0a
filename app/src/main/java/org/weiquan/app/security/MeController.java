package org.weiquan.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who you are logged in as; also the cheap way to start a session. */
@RestController
@Tag(name = "Session")
public class MeController {

    public record Me(String username, Role role, String organisation) {
    }

    @GetMapping("/api/me")
    @Operation(summary = "The logged-in user, role and organisation")
    public Me me() {
        WeiquanUser user = CurrentUser.get();
        return new Me(user.username(), user.role(), user.organisation().value());
    }
}
