package cn.childprotect.cms.ui;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.assessment.AssessmentDesk;
import cn.childprotect.cms.assessment.SupportPlanDesk;
import cn.childprotect.cms.assessment.VisitDesk;
import cn.childprotect.cms.assessment.PlanService;
import cn.childprotect.cms.assessment.RiskInstrument;
import cn.childprotect.cms.casefile.CaseFilePage;
import cn.childprotect.cms.casefile.CaseFileReader;
import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseScreening;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseList;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseSearch;
import cn.childprotect.cms.cases.CaseSort;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.intake.ReportTaxonomy;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.intake.ChildRecords;
import cn.childprotect.cms.people.ChildCorrection;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.referrals.WorkOrderAction;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.referrals.WorkOrderDesk.StepInput;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The case pages: the work list (deadlines and overdue first), the case file with only the
 * buttons the caller may press, assignment, and the forms for assessment, plan, visits and
 * work orders. A refusal comes back next to its field, or at the top of the page.
 */
@Controller
class CasePagesController {

    private final CaseQueries queries;
    private final CaseFileReader caseFile;
    private final CaseFiles caseFiles;
    private final AssessmentDesk assessments;
    private final SupportPlanDesk plans;
    private final VisitDesk visits;
    private final RiskInstrument instrument;
    private final WorkOrderDesk workOrders;
    private final AgencyDirectory agencies;
    private final UserDirectory users;
    private final CurrentUsers currentUsers;
    private final IntakeQueries intake;
    private final ReportTaxonomy taxonomy;
    private final Jurisdictions jurisdictions;
    private final ChildRecords childRecords;
    private final BusinessTime time;
    private final JsonMapper json;
    private final org.springframework.context.MessageSource messages;

    private final CaseScreening screening;

    CasePagesController(CaseQueries queries, CaseFiles caseFiles, AssessmentDesk assessments, SupportPlanDesk plans,
            VisitDesk visits, RiskInstrument instrument,
            WorkOrderDesk workOrders, AgencyDirectory agencies, UserDirectory users, CurrentUsers currentUsers,
            ChildRecords childRecords, BusinessTime time, JsonMapper json,
            org.springframework.context.MessageSource messages, IntakeQueries intake, ReportTaxonomy taxonomy,
            Jurisdictions jurisdictions, CaseFileReader caseFile, CaseScreening screening) {
        this.caseFile = caseFile;
        this.screening = screening;
        this.childRecords = childRecords;
        this.messages = messages;
        this.time = time;
        this.json = json;
        this.queries = queries;
        this.caseFiles = caseFiles;
        this.assessments = assessments;
        this.plans = plans;
        this.visits = visits;
        this.instrument = instrument;
        this.workOrders = workOrders;
        this.agencies = agencies;
        this.users = users;
        this.currentUsers = currentUsers;
        this.intake = intake;
        this.taxonomy = taxonomy;
        this.jurisdictions = jurisdictions;
    }

    /** Rows per page of the browser's work lists. */
    static final int PAGE_SIZE = 50;

    /**
     * The work lists: every filter stays set across a search and across pages (the links carry
     * the query), sorted by deadline (overdue first) unless another order is chosen. The triage
     * list (status RECEIVED) also shows each case's channel and a duplicate flag.
     */
    @GetMapping("/cases")
    String list(@RequestParam(required = false) Set<CaseStatus> status, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String village,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String after,
            @RequestParam MultiValueMap<String, String> params, Model model) {
        CurrentUser me = currentUsers.current();
        if (!CaseQueries.mayList(me)) {
            return "redirect:/";
        }
        Set<CaseStatus> statuses = status == null ? Set.of()
                : status.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        CaseSort order = sort == null || sort.isBlank() ? CaseSort.DEADLINE : CaseSort.parse(sort);
        if (order == null) {
            order = CaseSort.DEADLINE;
        }
        String villageCode = village != null && village.matches("\\d{12}") ? village : null;
        LocalDate fromDate = dateOrNull(from);
        LocalDate toDate = dateOrNull(to);
        String assigneeName = Texts.blankToNull(assignee);
        CaseList rows = queries.list(new CaseSearch(statuses, villageCode, mine, Texts.blankToNull(category), overdue, null,
                Texts.blankToNull(q), fromDate, toDate, urgent, mine ? null : assigneeName), Math.max(page, 0), PAGE_SIZE,
                order, me, Texts.blankToNull(after));
        boolean triage = statuses.equals(Set.of(CaseStatus.RECEIVED));
        model.addAttribute("rows", rows.items());
        model.addAttribute("list", rows);
        model.addAttribute("triage", triage);
        model.addAttribute("facts", triage ? intake.intakeFactsOfCases(rows.items().stream().map(r -> r.id()).toList())
                : java.util.Map.of());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("selected", statuses);
        model.addAttribute("mine", mine);
        model.addAttribute("overdue", overdue);
        model.addAttribute("urgentOnly", urgent);
        model.addAttribute("q", q);
        model.addAttribute("category", Texts.blankToNull(category));
        model.addAttribute("assignee", assigneeName);
        model.addAttribute("village", villageCode);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("sort", order.asParameter());
        model.addAttribute("sorts", List.of("statusDeadline,asc", "openedAt,desc", "openedAt,asc", "caseNumber,asc"));
        model.addAttribute("categories", taxonomy.categories());
        model.addAttribute("taxonomy", taxonomy);
        model.addAttribute("villages", jurisdictions.within(me.scope()).stream()
                .filter(d -> d.level() == DivisionLevel.VILLAGE).toList());
        model.addAttribute("supervisor", me.is(Role.SUPERVISOR));
        model.addAttribute("firstRow", rows.page() * PAGE_SIZE + (rows.items().isEmpty() ? 0 : 1));
        model.addAttribute("lastRow", rows.page() * PAGE_SIZE + rows.items().size());
        model.addAttribute("prevUrl", rows.hasPrevious() ? pageUrl(params, rows.page() - 1, null) : null);
        // the next page seeks to where this one ends (index range), the previous one is read by offset
        model.addAttribute("nextUrl", rows.hasNext() ? pageUrl(params, rows.page() + 1, rows.nextKey()) : null);
        return "ui/cases";
    }

    /** The same list with every filter as it is, another page. */
    private static String pageUrl(MultiValueMap<String, String> params, int page, String after) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/cases").queryParams(params).replaceQueryParam("page", page);
        url = after == null ? url.replaceQueryParam("after") : url.replaceQueryParam("after", after);
        return url.encode().build().toUriString();
    }

    private static LocalDate dateOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        }
        catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = currentUsers.current();
        CaseFilePage page;
        try {
            page = caseFile.page(id, me);
        }
        catch (Refusal notThere) {
            model.addAttribute("pageError", FormRefusals.message(notThere, messages));
            return "ui/not-found";
        }
        var detail = page.file();
        model.addAttribute("file", page);
        model.addAttribute("c", detail);
        model.addAttribute("timeline", queries.timeline(id, me));
        model.addAttribute("directors", me.is(Role.SUPERVISOR) ? users.directorsOf(detail.villageCode()) : List.of());
        model.addAttribute("agencies", agencies.all().stream().filter(a -> a.active()).toList());
        model.addAttribute("instrument", instrument);
        Integer age = childAge(page);
        model.addAttribute("childAge", age);
        model.addAttribute("derived", instrument.derivedAnswers(age));
        // for the live score and level preview (static/js/assessment.js)
        model.addAttribute("overridesJson", json.writeValueAsString(instrument.overrides()));
        Map<String, String> levelLabels = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            levelLabels.put(level.name(), level.label());
        }
        model.addAttribute("levelsJson", json.writeValueAsString(levelLabels));
        model.addAttribute("serviceTypes", plans.serviceTypes().serviceTypes());
        Map<String, String> serviceTypeNames = new LinkedHashMap<>();
        plans.serviceTypes().serviceTypes().forEach(t -> serviceTypeNames.put(t.code(), t.name(org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        model.addAttribute("serviceTypeNames", serviceTypeNames);
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("childForm", childRecords.correctionForm(id, me));
        model.addAttribute("screeningChoices", screening.choices());
        return "ui/case";
    }

    /** A stale version says who changed what (FormRefusals); the page that follows shows the new state. */
    @PostMapping("/cases/{id}/transitions")
    @OnRefusal("/cases/{id}")
    String transition(@PathVariable long id, @RequestParam CaseEvent event, @RequestParam long version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String note,
            @RequestParam(required = false) String mergeInto, RedirectAttributes redirect) {
        caseFiles.transition(id, new TransitionCommand(event, Texts.blankToNull(note), Texts.blankToNull(reason),
                mergeTarget(mergeInto)), version, currentUsers.current());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cases/" + id;
    }

    /**
     * The merge box takes what a person reads on the page: a case number (CP-141029-2026-000005);
     * an internal id still works. A number outside the caller's scope resolves to nothing, and
     * the facade then refuses the merge as it would an unknown id.
     */
    private Long mergeTarget(String typed) {
        String value = Texts.blankToNull(typed);
        if (value == null) {
            return null;
        }
        if (value.matches("\\d{1,18}")) {
            return Long.parseLong(value);
        }
        return caseFiles.findInScopeByNumber(value, currentUsers.current()).map(CaseRef::id).orElse(-1L);
    }

    @PostMapping("/cases/{id}/assignee")
    @OnRefusal("/cases/{id}")
    String assign(@PathVariable long id, @RequestParam String username, RedirectAttributes redirect) {
        return act(id, redirect, () -> caseFiles.assign(id, username, null, currentUsers.current()));
    }

    @PostMapping("/cases/{id}/assessments")
    String assess(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("answer.") && !v.isEmpty() && !v.get(0).isBlank()) {
                answers.put(k.substring("answer.".length()), v.get(0));
            }
        });
        String rationale = Texts.blankToNull(params.getFirst("rationale"));
        CurrentUser me = currentUsers.current();
        try {
            // the facade replaces the age item by the one the birth date gives, whatever the form says
            assessments.assess(id, answers, rationale, me);
            redirect.addFlashAttribute("saved", true);
        }
        catch (Refusal problem) {
            // nothing was saved: the form comes back open, with what was chosen and what is missing
            Map<String, String> errors = FormRefusals.byField(problem, messages);
            long unanswered = errors.keySet().stream().filter(f -> f.startsWith("answers.")).count();
            redirect.addFlashAttribute("pageError", unanswered == 0 ? FormRefusals.message(problem, messages)
                    : messages.getMessage("ui.assess.refused", new Object[] { unanswered },
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("fieldErrors", errors);
            redirect.addFlashAttribute("triedAnswers", answers);
            redirect.addFlashAttribute("triedRationale", rationale);
        }
        return "redirect:/cases/" + id;
    }

    /** The child's age in whole years from the birth date; null when it is not known. */
    private Integer childAge(CaseFilePage page) {
        var card = page.child();
        if (card != null && card.child() != null && card.child().birthDate() != null) {
            return Period.between(card.child().birthDate(), time.today()).getYears();
        }
        return null;
    }

    @PostMapping("/cases/{id}/assessments/{aid}/confirm")
    @OnRefusal("/cases/{id}")
    String confirm(@PathVariable long id, @PathVariable long aid, @RequestParam(required = false) RiskLevel level,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> assessments.confirm(id, aid, level, Texts.blankToNull(reason), currentUsers.current()));
    }

    @PostMapping("/cases/{id}/plan")
    @OnRefusal("/cases/{id}")
    String plan(@PathVariable long id, @RequestParam String goals, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> provider, @RequestParam(required = false) List<String> due,
            @RequestParam(required = false) List<String> agency, RedirectAttributes redirect) {
        List<SupportPlanDesk.ServiceInput> services = new ArrayList<>();
        for (int i = 0; type != null && i < type.size(); i++) {
            if (type.get(i) == null || type.get(i).isBlank()) {
                continue;
            }
            String agencyCode = agency != null && i < agency.size() ? Texts.blankToNull(agency.get(i)) : null;
            String dueDate = due != null && i < due.size() ? Texts.blankToNull(due.get(i)) : null;
            services.add(new SupportPlanDesk.ServiceInput(type.get(i), agencyCode,
                    provider != null && i < provider.size() ? Texts.blankToNull(provider.get(i)) : null,
                    dueDate == null ? null : LocalDate.parse(dueDate), PlanService.ServiceStatus.PLANNED, null, null,
                    false, null));
        }
        return act(id, redirect, () -> plans.savePlan(id, goals, services, null, currentUsers.current()));
    }

    @PostMapping("/cases/{id}/visits")
    @OnRefusal("/cases/{id}")
    String visit(@PathVariable long id, @RequestParam String visitedOn, @RequestParam String type,
            @RequestParam(required = false) String personsSeen, @RequestParam String observations,
            @RequestParam String safety, @RequestParam(required = false) String nextSteps,
            @RequestParam(defaultValue = "false") boolean declareEmergency, RedirectAttributes redirect) {
        return act(id, redirect, () -> visits.recordVisit(id, new VisitDesk.VisitInput(LocalDate.parse(visitedOn), type,
                personsSeen, observations, safety, nextSteps, declareEmergency), currentUsers.current()));
    }

    @PostMapping("/cases/{id}/work-orders")
    @OnRefusal("/cases/{id}")
    String dispatch(@PathVariable long id, @RequestParam String agencyCode,
            @RequestParam(required = false) List<String> coAgencyCodes, @RequestParam String requestText,
            @RequestParam String sharedSummary, RedirectAttributes redirect) {
        return act(id, redirect, () -> workOrders.dispatch(id, new WorkOrderDesk.Dispatch(agencyCode,
                coAgencyCodes == null ? List.of() : coAgencyCodes.stream().filter(c -> !c.isBlank()).toList(),
                requestText, sharedSummary, null), currentUsers.current()));
    }

    @PostMapping("/cases/{id}/work-orders/{orderId}/{step}")
    @OnRefusal("/cases/{id}")
    String orderStep(@PathVariable long id, @PathVariable long orderId, @PathVariable String step,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        return act(id, redirect, () -> switch (step) {
            case "complete" -> workOrders.take(orderId, WorkOrderAction.COMPLETE, StepInput.of(text), me);
            case "reopen" -> workOrders.take(orderId, WorkOrderAction.REOPEN, StepInput.of(text), me);
            case "revoke" -> workOrders.take(orderId, WorkOrderAction.REVOKE, StepInput.of(text), me);
            case "redispatch" -> workOrders.take(orderId, WorkOrderAction.REDISPATCH, StepInput.of(text), me);
            case "urge" -> workOrders.take(orderId, WorkOrderAction.URGE, StepInput.of(text), me);
            default -> throw Refusal.notFound("unknown step");
        });
    }

    /** A note (个案记录) on the case's timeline. */
    @PostMapping("/cases/{id}/notes")
    @OnRefusal("/cases/{id}")
    String note(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> caseFiles.addNote(id, text, currentUsers.current()));
    }

    /** Corrects the child's record; guardians come as parallel lists, a ticked "remove" drops one. */
    @PostMapping("/cases/{id}/child")
    @OnRefusal("/cases/{id}")
    String correctChild(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) Sex sex, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String idNumber, @RequestParam(required = false) String school,
            @RequestParam(required = false) String address, @RequestParam(required = false) String description,
            @RequestParam(defaultValue = "false") boolean identityUnknown,
            @RequestParam(name = "guardianId", required = false) List<String> guardianIds,
            @RequestParam(name = "guardianName", required = false) List<String> guardianNames,
            @RequestParam(name = "guardianRelation", required = false) List<String> relations,
            @RequestParam(name = "guardianPhone", required = false) List<String> phones,
            @RequestParam(name = "guardianRemove", required = false) Set<String> removed, RedirectAttributes redirect) {
        List<ChildCorrection.GuardianEntry> guardians = new ArrayList<>();
        for (int i = 0; guardianNames != null && i < guardianNames.size(); i++) {
            String gid = guardianIds != null && i < guardianIds.size() ? Texts.blankToNull(guardianIds.get(i)) : null;
            String gname = Texts.blankToNull(guardianNames.get(i));
            if ((gid == null && gname == null) || (gid != null && removed != null && removed.contains(gid))) {
                continue;
            }
            guardians.add(new ChildCorrection.GuardianEntry(gid == null ? null : Long.valueOf(gid), gname,
                    relations != null && i < relations.size() ? Texts.blankToNull(relations.get(i)) : null,
                    phones != null && i < phones.size() ? Texts.blankToNull(phones.get(i)) : null));
        }
        String birth = Texts.blankToNull(birthDate);
        return act(id, redirect, () -> childRecords.correct(id, new ChildCorrection(Texts.blankToNull(name), sex,
                birth == null ? null : LocalDate.parse(birth), null, Texts.blankToNull(idNumber), identityUnknown,
                Texts.blankToNull(description), Texts.blankToNull(address), Texts.blankToNull(school), guardians),
                currentUsers.current()));
    }

    /** Does it, then back to the case; a refusal goes back there too, through FormRefusals ({@link OnRefusal}). */
    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<Object> action) {
        action.get();
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cases/" + id;
    }

}
