package cn.childprotect.cms.support;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.OpenCaseCommand;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens cases directly through the cases facade, as intake does, for workflow tests. */
@TestComponent
public class CaseFixtures {

    public static final String VILLAGE_1_1 = "141029100001";
    public static final String VILLAGE_2_1 = "141029101001";

    private final CaseFiles caseFiles;
    private final TransactionTemplate tx;

    CaseFixtures(CaseFiles caseFiles, TransactionTemplate tx) {
        this.caseFiles = caseFiles;
        this.tx = tx;
    }

    public CaseRef open(String villageCode, Set<String> categories, boolean urgent) {
        long childId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        long reportId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        return tx.execute(status -> caseFiles.open(new OpenCaseCommand(childId, villageCode, categories, urgent,
                reportId, "R-TEST", "operator1")));
    }

    public CaseRef openInVillage1() {
        return open(VILLAGE_1_1, Set.of("MR04"), false);
    }
}
