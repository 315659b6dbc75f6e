package cn.childprotect.cms.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A guardian or caregiver of a child; the phone number is encrypted like the ID number. */
@Entity
@Table(name = "people_guardian")
class Guardian {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "child_id")
    private long childId;

    private String name;

    private String relation;

    @Column(name = "phone_cipher")
    private String phoneCipher;

    @Column(name = "phone_hash", columnDefinition = "char(64)")
    private String phoneHash;

    @Version
    private long version;

    protected Guardian() {
    }

    Guardian(long childId, String name, String relation, String phoneCipher, String phoneHash) {
        this.childId = childId;
        this.name = name;
        this.relation = relation;
        this.phoneCipher = phoneCipher;
        this.phoneHash = phoneHash;
    }

    Long id() {
        return id;
    }

    long childId() {
        return childId;
    }

    /** Returns whether anything changed. */
    boolean correct(String newName, String newRelation, String newPhoneCipher, String newPhoneHash,
            boolean phoneChanged) {
        boolean changed = !newName.equals(name) || !java.util.Objects.equals(newRelation, relation) || phoneChanged;
        this.name = newName;
        this.relation = newRelation;
        if (phoneChanged) {
            this.phoneCipher = newPhoneCipher;
            this.phoneHash = newPhoneHash;
        }
        return changed;
    }

    String name() {
        return name;
    }

    String relation() {
        return relation;
    }

    String phoneCipher() {
        return phoneCipher;
    }
}
