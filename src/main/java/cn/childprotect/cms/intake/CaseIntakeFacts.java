package cn.childprotect.cms.intake;

/**
 * What the triage list shows of a case's reports: the channel of its first report, how many
 * reports it has, and whether any of them may be about a child already known. No personal data.
 */
public record CaseIntakeFacts(long caseId, Channel channel, int reports, boolean possibleDuplicate) {

    /** Repeated reports about the child, or a possible match with a known child. */
    public boolean duplicateFlag() {
        return reports > 1 || possibleDuplicate;
    }
}
