package cn.childprotect.cms.intake.web;

import java.time.LocalDate;
import java.util.List;

import cn.childprotect.cms.intake.ChildCard;
import cn.childprotect.cms.intake.ChildRecords;
import cn.childprotect.cms.people.ChildCorrection;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The child of a case, corrected after intake by those who work the case (404 for anyone else). */
@RestController
class ChildRecordController {

    private final ChildRecords records;
    private final CurrentUsers currentUsers;

    ChildRecordController(ChildRecords records, CurrentUsers currentUsers) {
        this.records = records;
        this.currentUsers = currentUsers;
    }

    record GuardianRequest(Long id, @NotBlank @Size(max = 50) String name, @Size(max = 30) String relation,
            @Size(max = 20) String phone) {
    }

    record ChildCorrectionRequest(@Size(max = 50) String name, Sex sex, LocalDate birthDate, Integer estimatedAge,
            @Size(max = 18) String idNumber, boolean identityUnknown, @Size(max = 1000) String description,
            @Size(max = 200) String address, @Size(max = 100) String school,
            @Size(max = 10) List<@Valid GuardianRequest> guardians) {

        ChildCorrection toCorrection() {
            return new ChildCorrection(name, sex, birthDate, estimatedAge, idNumber, identityUnknown, description,
                    address, school, guardians == null ? List.of() : guardians.stream()
                            .map(g -> new ChildCorrection.GuardianEntry(g.id(), g.name(), g.relation(), g.phone()))
                            .toList());
        }
    }

    /** The record as stored, in the shape a correction takes (the ID number is never returned in full). */
    @GetMapping("/api/v1/cases/{id}/child")
    ChildCorrection get(@PathVariable long id) {
        return records.correctionForm(id, currentUsers.current());
    }

    @PutMapping("/api/v1/cases/{id}/child")
    ChildCard correct(@PathVariable long id, @Valid @RequestBody ChildCorrectionRequest request) {
        return records.correct(id, request.toCorrection(), currentUsers.current());
    }
}
