package cn.childprotect.cms.people;

import java.time.LocalDate;
import java.util.List;

/** A child as a report describes them; every field optional except that the child must be describable. */
public record ChildData(String name, Sex sex, LocalDate birthDate, Integer estimatedAge, String idNumber,
        boolean identityUnknown, String description, String villageCode, String address, String school,
        List<GuardianData> guardians) {

    public record GuardianData(String name, String relation, String phone) {
    }
}
