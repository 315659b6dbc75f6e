package cn.childprotect.cms.people;

public enum Sex {
    MALE("男"), FEMALE("女"), UNKNOWN("不详");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
