package cn.childprotect.cms.jurisdictions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "jurisdictions_division")
class DivisionEntity {

    @Id
    @Column(columnDefinition = "char(12)")
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private DivisionLevel level;

    @Column(name = "parent_code", columnDefinition = "char(12)")
    private String parentCode;

    protected DivisionEntity() {
    }

    DivisionEntity(String code, String name) {
        this.code = code;
        this.name = name;
        this.level = DivisionLevel.of(code);
        this.parentCode = JurisdictionCodes.parentOf(code);
    }

    void rename(String newName) {
        this.name = newName;
    }

    String name() {
        return name;
    }

    Division toDivision() {
        return new Division(code, name, level, parentCode);
    }
}
