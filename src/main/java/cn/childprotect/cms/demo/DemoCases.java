package cn.childprotect.cms.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.childprotect.cms.assessment.AssessmentDesk;
import cn.childprotect.cms.assessment.SupportPlanDesk;
import cn.childprotect.cms.assessment.VisitDesk;
import cn.childprotect.cms.assessment.PlanService;
import cn.childprotect.cms.assessment.RiskInstrument;
import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.intake.ReportReceipt;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.ConfigCsv;
import cn.childprotect.cms.shared.SequenceNumbers;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo cases for the embedded default: at the first start the rows of
 * {@code config/seed/demo-cases.csv} are filed by the demo users and moved through the workflow
 * (accept, assign, assess, work orders, plan, visits, closure ...) through the modules' facades,
 * so every rule, deadline, timeline entry and audit record is real. Once only: a counter in
 * {@code shared_sequence} remembers it, so a restart adds nothing. Off under the mysql profile
 * (demo disabled) and in the tests ({@code cms.demo.cases=false}).
 */
@Component
@Order(40)
@ConditionalOnProperty(name = { "cms.demo.enabled", "cms.demo.cases" }, havingValue = "true", matchIfMissing = false)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    static final String MARKER = "demo-cases-seeded";

    private final IntakeDesk intake;
    private final IntakeQueries reports;
    private final CaseFiles caseFiles;
    private final AssessmentDesk assessments;
    private final SupportPlanDesk plans;
    private final VisitDesk visits;
    private final RiskInstrument instrument;
    private final WorkOrderDesk workOrders;
    private final UserDirectory users;
    private final SequenceNumbers sequences;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BusinessTime time;
    private final Path file;

    DemoCases(IntakeDesk intake, IntakeQueries reports, CaseFiles caseFiles, AssessmentDesk assessments,
            SupportPlanDesk plans, VisitDesk visits, RiskInstrument instrument,
            WorkOrderDesk workOrders, UserDirectory users, SequenceNumbers sequences, JdbcTemplate jdbc,
            TransactionTemplate tx, BusinessTime time,
            DemoProperties.Seed seed) {
        this.intake = intake;
        this.reports = reports;
        this.caseFiles = caseFiles;
        this.assessments = assessments;
        this.plans = plans;
        this.visits = visits;
        this.instrument = instrument;
        this.workOrders = workOrders;
        this.users = users;
        this.sequences = sequences;
        this.jdbc = jdbc;
        this.tx = tx;
        this.time = time;
        this.file = seed.demoCases();
    }

    /** One row of the file; {@code state} is where the case is left. */
    record DemoCase(String key, String village, List<String> categories, boolean urgent, String state, String child,
            Sex sex, int age, String reporter, String policeStation, String narrative, String note, String plan) {

        static DemoCase of(String[] c) {
            return new DemoCase(c[0], c[1], Arrays.asList(c[2].split(";")), Boolean.parseBoolean(c[3]), c[4], c[5],
                    Sex.valueOf(c[6]), Integer.parseInt(c[7]), c[8], c[9], c[10], c[11], c[12]);
        }

        boolean past(String... states) {
            return Arrays.asList(states).contains(state);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seededBefore()) {
            return;
        }
        if (!Files.isReadable(file)) {
            log.warn("No demo cases: {} is missing", file.toAbsolutePath());
            return;
        }
        List<DemoCase> rows;
        try {
            rows = ConfigCsv.read(file, 13, "13 columns (see the header of the file)").stream().map(DemoCase::of)
                    .toList();
        }
        catch (IOException | RuntimeException unreadable) {
            log.warn("No demo cases: {} cannot be read ({})", file.toAbsolutePath(), unreadable.getMessage());
            return;
        }
        int made = 0;
        for (DemoCase row : rows) {
            try {
                seed(row);
                made++;
            }
            catch (RuntimeException refused) {
                // a county's own instrument or users may not fit a row: skip it, keep the others
                log.warn("Demo case {} left where it got to: {}", row.key(), refused.getMessage());
            }
        }
        tx.executeWithoutResult(s -> sequences.next(MARKER));
        log.info("Demo data: {} demo cases filed and moved through the workflow (once; a restart adds none)", made);
    }

    boolean seededBefore() {
        Integer n = jdbc.queryForObject("select count(*) from shared_sequence where name = ?", Integer.class, MARKER);
        return n != null && n > 0;
    }

    private void seed(DemoCase row) {
        CurrentUser supervisor = user(first(users.supervisorsAt(row.village().substring(0, 9) + "000")));
        Optional<UserSummary> director = users.directorsOf(row.village()).stream().findFirst();
        CurrentUser worker = director.map(this::user).orElse(supervisor);

        ReportReceipt receipt = file(row);
        // a school's or clinic's receipt does not name the case: ask as the supervisor who works it
        long caseId = receipt.caseId() != null ? receipt.caseId()
                : reports.caseOf(receipt.reportId(), supervisor).orElseThrow();
        if (row.past("RECEIVED")) {
            return;
        }
        if (row.past("SCREENED_OUT")) {
            fire(caseId, CaseEvent.SCREEN_OUT, row.note(), supervisor);
            return;
        }
        fire(caseId, CaseEvent.ACCEPT, null, supervisor);
        director.ifPresent(d -> caseFiles.assign(caseId, d.username(), null, supervisor));
        if (row.past("EMERGENCY")) {
            fire(caseId, CaseEvent.DECLARE_EMERGENCY, row.note(), worker);
            return;
        }
        if (row.past("ASSESSING")) {
            return;
        }
        assessments.assess(caseId, answers(row, row.past("ASSESSING_HIGH")), row.note(), worker);
        if (row.past("ASSESSING_HIGH")) {
            return; // the level waits in the supervisors' 评估待确认 queue
        }
        fire(caseId, CaseEvent.COMPLETE_ASSESSMENT, null, worker);
        if (row.past("HANDLING", "HANDLING_SIGNED")) {
            boolean police = row.past("HANDLING_SIGNED") || row.categories().stream().anyMatch(c -> c.startsWith("MR"));
            var order = workOrders.dispatch(caseId, new WorkOrderDesk.Dispatch(police ? "XN-PS" : "XN-CA", row.plan(),
                    row.note(), null), worker);
            if (row.past("HANDLING_SIGNED")) {
                workOrders.take(order.id(), cn.childprotect.cms.referrals.WorkOrderAction.SIGN, null, user(first(users.withRole(cn.childprotect.cms.users.Role.AGENCY_STAFF)
                        .stream().filter(u -> "XN-PS".equals(u.agencyCode())).toList())));
            }
            return;
        }
        plans.savePlan(caseId, row.plan(), List.of(new SupportPlanDesk.ServiceInput(plans.serviceTypes().codes().get(0),
                "XN-SW", null, time.today().plusDays(30), PlanService.ServiceStatus.PLANNED, null, null, false, null)),
                null, worker);
        fire(caseId, CaseEvent.START_SUPPORT, null, worker);
        visits.recordVisit(caseId, new VisitDesk.VisitInput(time.today(), "HOME_VISIT", null, row.note(), "SAFE",
                null, false), worker);
        if (row.past("SUPPORTING")) {
            return;
        }
        fire(caseId, CaseEvent.REQUEST_CLOSURE, row.note(), worker);
        if (row.past("CLOSED")) {
            fire(caseId, CaseEvent.APPROVE_CLOSURE, null, supervisor);
        }
    }

    private ReportReceipt file(DemoCase row) {
        boolean institution = !"operator".equals(row.reporter());
        CurrentUser filer = user(first(users.find(institution ? row.reporter() + "1" : "operator1").stream().toList()));
        LocalDate birth = time.today().minusYears(row.age()).minusDays(Math.floorMod(row.key().hashCode(), 300));
        ChildData child = new ChildData(row.child(), row.sex(), birth, null, null, false, null, row.village(), null, null,
                List.of());
        ReportSubmission.PoliceNotification police = row.policeStation().isBlank() ? null
                : new ReportSubmission.PoliceNotification(time.now().minus(Duration.ofMinutes(20)), row.policeStation(),
                        null);
        ReportSubmission submission = new ReportSubmission(institution ? Channel.INSTITUTION : Channel.HOTLINE,
                row.categories(), row.urgent(), time.now().minus(Duration.ofHours(6)), row.village(), row.narrative(),
                child, new ReportSubmission.Reporter(!institution, null, null, null, null), police, false);
        return intake.submit(submission, "demo-" + row.key() + "-" + UUID.randomUUID(), filer);
    }

    /** The lowest-risk option of every item (the age from the birth date); "high" adds the first threat. */
    private Map<String, String> answers(DemoCase row, boolean high) {
        Map<String, String> answers = new LinkedHashMap<>();
        instrument.sections().forEach(s -> s.items().forEach(item -> item.options().stream()
                .min(Comparator.comparingInt(RiskInstrument.Option::weight))
                .ifPresent(o -> answers.put(item.code(), o.code()))));
        answers.putAll(instrument.derivedAnswers(row.age()));
        if (high) {
            RiskInstrument.Item threat = instrument.sections().get(0).items().get(0);
            threat.options().stream().max(Comparator.comparingInt(RiskInstrument.Option::weight))
                    .ifPresent(o -> answers.put(threat.code(), o.code()));
        }
        return answers;
    }

    private void fire(long caseId, CaseEvent event, String reason, CurrentUser user) {
        caseFiles.transition(caseId, new TransitionCommand(event, null, reason == null || reason.isBlank() ? null : reason,
                null), caseFiles.find(caseId).orElseThrow().version(), user);
    }

    private CurrentUser user(UserSummary summary) {
        return users.findCurrentUser(summary.username()).orElseThrow();
    }

    private static UserSummary first(List<UserSummary> candidates) {
        return candidates.stream().findFirst().orElseThrow(() -> new IllegalStateException("no demo user for this row"));
    }
}
