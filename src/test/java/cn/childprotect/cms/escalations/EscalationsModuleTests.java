package cn.childprotect.cms.escalations;

import java.util.List;
import java.util.ArrayList;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import java.util.Locale;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseTimelineItem;
import cn.childprotect.cms.cases.TimelineKind;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.OpenCaseCommand;
import cn.childprotect.cms.escalations.events.EscalationRaised;
import cn.childprotect.cms.escalations.events.EscalationRaisedOnCase;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalations module with what it depends on (issue 11 item 8): raising an item publishes
 * the ids-only event for the mails and the case timeline's fact, exactly once per miss and level.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class EscalationsModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    EscalationDesk desk;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    CaseQueries caseQueries;

    @Autowired
    UserDirectory users;

    private List<String> escalationNotes(long caseId, CurrentUser viewer, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        try {
            return caseQueries.timeline(caseId, viewer).stream().filter(t -> t.kind() == TimelineKind.ESCALATION)
                    .map(CaseTimelineItem::note).toList();
        }
        finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** A sweep chunk's items reach the timeline in one batch: one line per item, with the item's words. */
    @Test
    void aChunkOfItemsGetsOneTimelineLineEach() {
        List<Miss> misses = new ArrayList<>();
        Instant deadline = Instant.parse("2026-01-02T00:00:00Z");
        for (int i = 0; i < 12; i++) {
            long reportId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
            CaseRef ref = caseFiles.open(new OpenCaseCommand(ThreadLocalRandom.current().nextLong(1_000_000_000L,
                    Long.MAX_VALUE), "141029100001", Set.of("BL01"), false, reportId, "R-" + reportId, "operator1"));
            misses.add(new Miss(EscalationKind.CASE_DEADLINE, ref.id(), deadline, ref.id(), ref.villageCode()));
        }
        List<Long> raised = tx.execute(s -> desk.raiseAll(misses, EscalationLevel.TOWNSHIP));
        assertThat(raised).hasSize(12);
        // kept as key and arguments (the batch path too), read in the reader's language
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();
        for (Miss m : misses) {
            assertThat(jdbc.queryForList("select note_key from cases_timeline where case_id = ? and kind = 'ESCALATION'",
                    String.class, m.caseId())).containsExactly("timeline.escalation.raised");
            assertThat(escalationNotes(m.caseId(), supervisor, Locale.SIMPLIFIED_CHINESE))
                    .containsExactly("提请乡镇督导员关注：个案环节超时");
            assertThat(escalationNotes(m.caseId(), supervisor, Locale.ENGLISH))
                    .containsExactly("Brought to the Township supervisors' attention: Case step overdue");
        }
    }

    @Test
    void raisingAnItemPublishesItOnce(PublishedEvents events) {
        long reportId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        CaseRef ref = caseFiles.open(new OpenCaseCommand(ThreadLocalRandom.current().nextLong(1_000_000_000L,
                Long.MAX_VALUE), "141029100001", Set.of("BL01"), false, reportId, "R-" + reportId, "operator1"));
        Instant deadline = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(tx.<Boolean>execute(s -> desk.raise(EscalationKind.CASE_DEADLINE, ref.id(), deadline,
                EscalationLevel.TOWNSHIP, ref.id(), ref.villageCode()))).isTrue();
        assertThat(tx.<Boolean>execute(s -> desk.raise(EscalationKind.CASE_DEADLINE, ref.id(), deadline,
                EscalationLevel.TOWNSHIP, ref.id(), ref.villageCode()))).isFalse();

        assertThat(events.ofType(EscalationRaisedOnCase.class).matching(e -> e.caseId() == ref.id())).hasSize(1);
        assertThat(events.ofType(EscalationRaised.class)).isNotEmpty();
    }
}
