package org.weiquan.app.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.web.validation.PhoneNumber;

import java.util.List;

/** The lawyer panel and mediator roster: everyone logged in reads them, administrators change them. */
@RestController
@Tag(name = "Reference data")
@Validated
public class ReferenceDataController {
    private final ReferenceData data;

    public ReferenceDataController(ReferenceData data) {
        this.data = data;
    }

    public record LawyerData(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String lawFirm,
                             @PhoneNumber String phone, @NotNull Boolean active) {
    }

    public record MediatorData(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String organisation,
                               @NotNull Boolean active) {
    }

    @GetMapping("/api/lawyers")
    @Operation(summary = "The union lawyer panel (职工律师团)")
    public List<ReferenceData.Lawyer> lawyers() {
        return data.lawyers();
    }

    @GetMapping("/api/mediators")
    @Operation(summary = "The mediator roster")
    public List<ReferenceData.Mediator> mediators() {
        return data.mediators();
    }

    @PutMapping("/api/admin/lawyers/{lawyerId}")
    @Operation(summary = "Add or change a panel lawyer; deactivate instead of deleting")
    public ReferenceData.Lawyer saveLawyer(@PathVariable @Pattern(regexp = "[a-z0-9._-]{1,64}") String lawyerId,
                                           @Valid @RequestBody LawyerData body) {
        ReferenceData.Lawyer lawyer = new ReferenceData.Lawyer(lawyerId, body.name().strip(), body.lawFirm().strip(),
                body.phone(), body.active());
        data.saveLawyer(lawyer, CurrentUser.get().username());
        return lawyer;
    }

    @PutMapping("/api/admin/mediators/{mediatorId}")
    @Operation(summary = "Add or change a mediator; deactivate instead of deleting")
    public ReferenceData.Mediator saveMediator(@PathVariable @Pattern(regexp = "[a-z0-9._-]{1,100}") String mediatorId,
                                               @Valid @RequestBody MediatorData body) {
        ReferenceData.Mediator mediator = new ReferenceData.Mediator(mediatorId, body.name().strip(),
                new OrganisationId(body.organisation().strip()).value(), body.active());
        data.saveMediator(mediator, CurrentUser.get().username());
        return mediator;
    }
}
