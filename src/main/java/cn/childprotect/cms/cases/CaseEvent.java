package cn.childprotect.cms.cases;

/** docs/domain.md §4; what each needs is in {@link CaseWorkflow} and {@link CasePermissions}. */
public enum CaseEvent {
    ACCEPT("受理"),
    DECLARE_EMERGENCY("启动应急处置"),
    STABILIZE("应急处置完成"),
    COMPLETE_ASSESSMENT("完成评估"),
    START_SUPPORT("开始帮扶"),
    REQUEST_CLOSURE("申请结案"),
    APPROVE_CLOSURE("批准结案"),
    REJECT_CLOSURE("退回结案申请"),
    SCREEN_OUT("不予立案"),
    MERGE("合并"),
    REOPEN("重新开启");

    private final String label;

    CaseEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Events whose reason is recorded on the case and must be given. */
    public boolean needsReason() {
        return this == SCREEN_OUT || this == REQUEST_CLOSURE || this == REJECT_CLOSURE || this == REOPEN;
    }
}
