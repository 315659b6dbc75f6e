package cn.childprotect.cms.people;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "people_child")
class Child {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "estimated_age")
    private Integer estimatedAge;

    @Column(name = "identity_unknown")
    private boolean identityUnknown;

    private String description;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    private String address;

    private String school;

    /** AES-GCM cipher text of the resident ID number. */
    @Column(name = "id_number_cipher")
    private String idNumberCipher;

    /** HMAC-SHA256 of the ID number, for exact look-up without decrypting. */
    @Column(name = "id_number_hash", columnDefinition = "char(64)")
    private String idNumberHash;

    /** The ID number's last four characters' position masked form, kept to show without decrypting. */
    @Column(name = "id_number_masked")
    private String idNumberMasked;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Child() {
    }

    Child(String name, Sex sex, LocalDate birthDate, Integer estimatedAge, boolean identityUnknown, String description,
            String villageCode, String address, String school, Instant createdAt) {
        this.name = name;
        this.sex = sex;
        this.birthDate = birthDate;
        this.estimatedAge = estimatedAge;
        this.identityUnknown = identityUnknown;
        this.description = description;
        this.villageCode = villageCode;
        this.address = address;
        this.school = school;
        this.createdAt = createdAt;
    }

    void setIdNumber(String cipher, String hash, String masked) {
        this.idNumberCipher = cipher;
        this.idNumberHash = hash;
        this.idNumberMasked = masked;
    }

    /** A later report may know more than the first: fill what was unknown, never overwrite. */
    void learn(ChildData data) {
        if (isBlank(name) && !isBlank(data.name())) {
            name = data.name().strip();
            identityUnknown = false;
        }
        if ((sex == null || sex == Sex.UNKNOWN) && data.sex() != null) {
            sex = data.sex();
        }
        if (birthDate == null && data.birthDate() != null) {
            birthDate = data.birthDate();
        }
        if (address == null && !isBlank(data.address())) {
            address = data.address().strip();
        }
        if (school == null && !isBlank(data.school())) {
            school = data.school().strip();
        }
    }

    /** A correction after intake: every field replaced; returns the names of the fields that changed. */
    java.util.List<String> correct(String newName, Sex newSex, LocalDate newBirthDate, Integer newEstimatedAge,
            boolean newIdentityUnknown, String newDescription, String newAddress, String newSchool) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(name, newName)) {
            changed.add("name");
            name = newName;
        }
        if (sex != newSex) {
            changed.add("sex");
            sex = newSex;
        }
        if (!java.util.Objects.equals(birthDate, newBirthDate)) {
            changed.add("birthDate");
            birthDate = newBirthDate;
        }
        Integer estimate = newBirthDate == null ? newEstimatedAge : null;
        if (!java.util.Objects.equals(estimatedAge, estimate)) {
            changed.add("estimatedAge");
            estimatedAge = estimate;
        }
        boolean unknown = newIdentityUnknown && newName == null;
        if (identityUnknown != unknown) {
            changed.add("identityUnknown");
            identityUnknown = unknown;
        }
        if (!java.util.Objects.equals(description, newDescription)) {
            changed.add("description");
            description = newDescription;
        }
        if (!java.util.Objects.equals(address, newAddress)) {
            changed.add("address");
            address = newAddress;
        }
        if (!java.util.Objects.equals(school, newSchool)) {
            changed.add("school");
            school = newSchool;
        }
        return changed;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    Long id() {
        return id;
    }

    String idNumberCipher() {
        return idNumberCipher;
    }

    String idNumberHash() {
        return idNumberHash;
    }

    ChildSummary toSummary() {
        return new ChildSummary(id, name, sex, birthDate, estimatedAge, identityUnknown, description, villageCode,
                address, school, idNumberMasked, false);
    }
}
