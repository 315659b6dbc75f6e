package cn.childprotect.cms.people;

import java.time.LocalDate;
import java.util.List;

/**
 * A corrected child record, as someone who works the child's case enters it after intake. Every
 * field replaces the stored one, except {@code idNumber}: blank keeps the stored number (the
 * page never shows it in full). Guardians: an entry with an id corrects that guardian, one
 * without adds a guardian, and a stored guardian missing from the list is removed.
 */
public record ChildCorrection(String name, Sex sex, LocalDate birthDate, Integer estimatedAge, String idNumber,
        boolean identityUnknown, String description, String address, String school, List<GuardianEntry> guardians) {

    public record GuardianEntry(Long id, String name, String relation, String phone) {
    }
}
