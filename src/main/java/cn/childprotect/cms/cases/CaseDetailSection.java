package cn.childprotect.cms.cases;

/**
 * A part of the case page another module owns (its reports, assessments, work orders ...).
 * The cases module asks every such bean when it builds a case's detail, so the page is whole
 * while dependencies keep pointing toward {@code cases}. Only called for a caller who works
 * the case; implementations still apply their own masking rules.
 */
public interface CaseDetailSection {

    /** The key under {@code sections} in the case detail, e.g. {@code "reports"}. */
    String name();

    Object describe(long caseId, cn.childprotect.cms.users.CurrentUser viewer);
}
