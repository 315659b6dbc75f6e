package cn.childprotect.cms.cases;

/** docs/domain.md §4. */
public enum CaseStatus {
    RECEIVED("接报"),
    EMERGENCY("应急处置"),
    ASSESSING("评估"),
    HANDLING("处置"),
    SUPPORTING("帮扶"),
    PENDING_CLOSURE("待结案审核"),
    CLOSED("结案"),
    SCREENED_OUT("不予立案"),
    MERGED("已合并");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still needs work: not closed, screened out or merged. */
    public boolean isOpen() {
        return this != CLOSED && this != SCREENED_OUT && this != MERGED;
    }
}
