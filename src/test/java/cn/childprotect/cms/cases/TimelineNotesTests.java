package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.cases.CaseTimelineItem.NotePart;
import cn.childprotect.cms.cases.events.TimelineLine;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timeline lines keep their note as key and arguments and are read in the reader's language
 * (issue 11 item 5): codes become their names, what people wrote stays as written and is marked
 * as data, a person's own note stays text, and lines written before keep their stored text.
 */
class TimelineNotesTests extends IntegrationTest {

    @Autowired
    TimelineNotes notes;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void codesAreNamedInTheReadersLanguageAndWhatPeopleWroteStaysAsWritten() {
        TimelineLine line = TimelineLine.of(1, "supervisor1", TimelineKind.ASSESSMENT, "assessment:1",
                "timeline.assessment.adjusted", Labels.resolvable(RiskLevel.HIGH), Labels.resolvable(RiskLevel.MEDIUM),
                "祖母已接回");
        TimelineNotes.Stored stored = notes.store(line);
        assertThat(stored.note()).isNull();
        assertThat(stored.key()).isEqualTo("timeline.assessment.adjusted");
        assertThat(stored.args()).contains("label.RiskLevel.HIGH").contains("祖母已接回").doesNotContain("高");

        assertThat(notes.render(stored.note(), stored.key(), stored.args(), Locale.ENGLISH)).containsExactly(
                new NotePart("Supervisor confirmed the risk level: High (adjusted from Medium, reason: ", false),
                new NotePart("祖母已接回", true), new NotePart(")", false));
        assertThat(text(notes.render(stored.note(), stored.key(), stored.args(), Locale.SIMPLIFIED_CHINESE)))
                .isEqualTo("督导员确认风险等级：高（由中调整，理由：祖母已接回）");
    }

    @Test
    void listsOfNamesAreJoinedInTheReadersLanguage() {
        TimelineLine line = TimelineLine.of(1, "director1", TimelineKind.CHILD_CORRECTED, "child:1", "child.corrected.note",
                List.of(new DefaultMessageSourceResolvable(new String[] { "child.field.name" }, "name"),
                        new DefaultMessageSourceResolvable(new String[] { "child.field.birthDate" }, "birthDate")));
        TimelineNotes.Stored stored = notes.store(line);
        assertThat(text(notes.render(null, stored.key(), stored.args(), Locale.ENGLISH)))
                .isEqualTo("Corrected: name, birth date");
        assertThat(notes.render(null, stored.key(), stored.args(), Locale.ENGLISH)).noneMatch(NotePart::data);
    }

    @Test
    void aPersonsOwnNoteStaysText() {
        TimelineNotes.Stored stored = notes.store(TimelineLine.of(1, "director1", TimelineKind.NOTE, null,
                TimelineNotes.OWN_WORDS, "电话回访：儿童已返校"));
        assertThat(stored).isEqualTo(new TimelineNotes.Stored("电话回访：儿童已返校", null, null));
        assertThat(notes.render(stored.note(), stored.key(), stored.args(), Locale.ENGLISH))
                .containsExactly(new NotePart("电话回访：儿童已返校", true));
    }

    @Test
    void longTextsAreCutToFitTheColumn() {
        String long1 = "甲".repeat(5000);
        TimelineNotes.Stored stored = notes.store(TimelineLine.of(1, "director1", TimelineKind.TRANSITION, null,
                "timeline.reason-and-note", long1, long1, long1, long1, long1));
        assertThat(stored.args().length()).isLessThanOrEqualTo(TimelineNotes.ARGS_MAX_LENGTH);
    }

    @Test
    void linesWrittenBeforeKeysWereKeptShowTheirStoredText() {
        long caseId = fixtures.openInVillage1().id();
        jdbc.update("insert into cases_timeline (case_id, occurred_at, actor, kind, note) values (?, ?, ?, ?, ?)", caseId,
                LocalDateTime.now(), "system", "ESCALATION", "提请乡镇督导员关注：个案环节超时");
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en")).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$[?(@.kind == 'ESCALATION')].note").asArray()
                            .containsExactly("提请乡镇督导员关注：个案环节超时");
                    assertThat(json).extractingPath("$[?(@.kind == 'OPENED')].note").asArray().hasSize(1).allSatisfy(n -> assertThat(String.valueOf(n))
                            .startsWith("Case opened from report "));
                    assertThat(json).extractingPath("$[0]").asMap().doesNotContainKey("noteParts");
                });
    }

    private static String text(List<NotePart> parts) {
        return parts.stream().map(NotePart::text).reduce("", String::concat);
    }
}
