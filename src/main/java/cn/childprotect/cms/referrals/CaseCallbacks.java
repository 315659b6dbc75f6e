package cn.childprotect.cms.referrals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callbacks (回访) after a case is closed (issue 16; docs/domain.md §5): the handler of the case or
 * a hotline operator in scope calls the reporter or the family back and records whether they were
 * reached and how satisfied they are. A closed case is on the callbacks work list until then
 * ({@code cms.referrals.callback-within} of its closure); reopening takes it off. Unlike an
 * order's, an unsatisfied case callback reopens nothing: the supervisor decides (REOPEN).
 */
@Service
@Transactional
public class CaseCallbacks {

    private final JdbcTemplate jdbc;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final MessageSource messages;

    CaseCallbacks(JdbcTemplate jdbc, CaseFiles caseFiles, Jurisdictions jurisdictions, WorkingCalendar calendar,
            ApplicationEventPublisher events, BusinessTime time, MessageSource messages) {
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.events = events;
        this.time = time;
        this.messages = messages;
    }

    public record CaseCallbackView(long id, long caseId, String recordedBy, Instant recordedAt, boolean reached,
            Satisfaction satisfaction, String comment) {
    }

    /** A closed case whose callback is due. */
    public record CaseCallbackDue(long caseId, String caseNumber, String villageName, Instant closedAt,
            Instant callbackDueAt, boolean overdue) {
    }

    /** Same transaction as the transition: a closed case is due a callback, a reopened one no more. */
    @EventListener
    void on(CaseStatusChanged event) {
        if (event.to() == CaseStatus.CLOSED) {
            String number = event.caseNumber() != null ? event.caseNumber()
                    : caseFiles.find(event.caseId()).map(CaseRef::caseNumber).orElse("");
            jdbc.update("delete from referrals_case_callback_due where case_id = ?", event.caseId());
            jdbc.update("insert into referrals_case_callback_due (case_id, case_number, village_code, closed_at) "
                    + "values (?, ?, ?, ?)", event.caseId(), number, event.villageCode(), utc(time.now()));
        }
        else if (event.from() == CaseStatus.CLOSED) {
            jdbc.update("delete from referrals_case_callback_due where case_id = ?", event.caseId());
        }
    }

    /** 回访 of a closed case: by whoever works it, or a hotline operator in scope; others get 404. */
    public CaseCallbackView record(long caseId, WorkOrderDesk.CallbackInput input, CurrentUser user) {
        if (input.reached() == null) {
            throw Refusal.invalidField("reached", text("cms.callback.reached-required"));
        }
        if (input.reached() && input.satisfaction() == null) {
            throw Refusal.invalidField("satisfaction", text("cms.callback.satisfaction-required"));
        }
        String comment = Texts.blankToNull(input.comment());
        if (comment != null) {
            comment = comment.strip();
        }
        if (input.reached() && input.satisfaction() == Satisfaction.UNSATISFIED && comment == null) {
            throw Refusal.invalidField("comment", text("cms.case-callback.comment-required"));
        }
        if (comment != null && comment.length() > 4000) {
            throw Refusal.invalidField("comment", text("cms.work-order.text-too-long"));
        }
        CaseRef ref = caseFiles.findInScope(caseId, user)
                .filter(c -> user.is(Role.HOTLINE_OPERATOR) || caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound(text("cms.case-callback.not-found")));
        if (ref.status() != CaseStatus.CLOSED) {
            throw Refusal.invalidState("case-not-closed", text("cms.case-callback.not-closed", ref.status().label()));
        }
        Instant now = time.now();
        Satisfaction satisfaction = input.reached() ? input.satisfaction() : null;
        jdbc.update("insert into referrals_case_callback (case_id, recorded_by, recorded_at, reached, satisfaction, "
                + "comment_text) values (?, ?, ?, ?, ?, ?)", caseId, user.username(), utc(now), input.reached(),
                satisfaction == null ? null : satisfaction.name(), comment);
        long id = jdbc.queryForObject("select max(id) from referrals_case_callback where case_id = ? and recorded_by = ?",
                Long.class, caseId, user.username());
        jdbc.update("delete from referrals_case_callback_due where case_id = ?", caseId);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_CALLBACK_RECORDED", "CASE", caseId));
        return new CaseCallbackView(id, caseId, user.username(), now, input.reached(), satisfaction, comment);
    }

    /** Closed cases without a callback since closure, in the caller's scope, earliest first. */
    @Transactional(readOnly = true)
    public List<CaseCallbackDue> due(CurrentUser user, SlaDuration within, int limit) {
        if (!user.is(Role.HOTLINE_OPERATOR) && !user.is(Role.CHILD_DIRECTOR) && !user.is(Role.SUPERVISOR)) {
            throw Refusal.notAllowed(text("cms.callback.not-for-role"));
        }
        Instant now = time.now();
        return jdbc.query("select case_id, case_number, village_code, closed_at from referrals_case_callback_due "
                + "where village_code like ? order by closed_at, case_id limit ?", (rs, n) -> {
                    Instant closed = rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    Instant due = within.addTo(closed, calendar);
                    return new CaseCallbackDue(rs.getLong(1), rs.getString(2), jurisdictions.nameOf(rs.getString(3)),
                            closed, due, due.isBefore(now));
                }, user.scope().likePattern(), Math.max(1, Math.min(limit, 500)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
