package cn.childprotect.cms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import jakarta.persistence.Entity;

/** House rules of STYLE.md that the module verification alone does not cover. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.childprotect.cms");

    @Test
    void entitiesArePackagePrivate() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces().should().notBePublic()
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivateAndLiveInWebPackages() {
        classes().that().areAnnotatedWith(RestController.class).should().notBePublic().andShould()
                .resideInAPackage("..web..").check(CLASSES);
    }

    /**
     * The pages' {@code @Controller}s too: package-private, in {@code ui} or a {@code web/}
     * package, and (like the REST controllers) never touching an entity or a repository.
     */
    @Test
    void pageControllersArePackagePrivateAndUseOnlyFacades() {
        classes().that().areAnnotatedWith(Controller.class).should().notBePublic().andShould()
                .resideInAnyPackage("cn.childprotect.cms.ui..", "..web..").check(CLASSES);
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class).orShould().dependOnClassesThat()
                .areAssignableTo(Repository.class).check(CLASSES);
    }

    @Test
    void webLayerNeverTouchesEntities() {
        noClasses().that().resideInAPackage("..web..").should().dependOnClassesThat()
                .areAnnotatedWith(Entity.class).check(CLASSES);
    }

    @Test
    void nothingDependsOnAuditOrNotifications() {
        noClasses().that().resideOutsideOfPackages("..audit..", "..notifications..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.childprotect.cms.audit..", "cn.childprotect.cms.notifications..")
                .check(CLASSES);
    }

    /**
     * Refusals are domain types ({@link cn.childprotect.cms.shared.Refusal}); only the web layer
     * (controllers, the problem handler, the pages) and the HTTP security set-up know HTTP.
     */
    @Test
    void facadesAndDomainClassesDoNotKnowHttp() {
        noClasses().that().resideOutsideOfPackages("..web..", "cn.childprotect.cms.ui..")
                .and().doNotHaveSimpleName("SecurityConfiguration")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.http..").check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("lombok.Data").check(CLASSES);
        com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(CLASSES);
    }

    /**
     * Aggregates own their state (issue 11): an entity's fields are written by the entity alone
     * (private, and no {@code set*} methods), so every change goes through a method of the
     * entity that checks its rule.
     */
    @Test
    void entitiesChangeTheirStateThemselves() {
        fields().that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class).and().areNotStatic()
                .should().bePrivate().check(CLASSES);
        // the case work's modules; people's Child.setIdNumber and users' setEnabled predate the rule
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class).and()
                .areDeclaredInClassesThat().resideInAnyPackage("cn.childprotect.cms.cases..",
                        "cn.childprotect.cms.referrals..", "cn.childprotect.cms.escalations..",
                        "cn.childprotect.cms.assessment..", "cn.childprotect.cms.monitoring..",
                        "cn.childprotect.cms.guardianship..")
                .should().haveNameMatching("set[A-Z].*").check(CLASSES);
    }

    /**
     * The case, the work order and the escalation item register the events of their transitions
     * (published when they are saved); no facade builds those events beside them.
     */
    @Test
    void aggregatesRegisterTheEventsOfTheirTransitions() {
        String cases = "cn.childprotect.cms.cases.events.";
        String referrals = "cn.childprotect.cms.referrals.events.";
        String escalations = "cn.childprotect.cms.escalations.events.";
        Map<String, Set<String>> eventsByAggregate = Map.of(
                "cn.childprotect.cms.cases.CaseFile", Set.of(cases + "CaseOpened", cases + "ReportLinked",
                        cases + "CaseStatusChanged", cases + "CaseAssigned", cases + "CaseRiskLevelChanged",
                        cases + "CaseNoteAdded"),
                "cn.childprotect.cms.referrals.WorkOrder", Set.of(referrals + "WorkOrderStepRecorded",
                        referrals + "WorkOrderDispatched", referrals + "WorkOrderRedispatched",
                        referrals + "WorkOrderSigned", referrals + "WorkOrderReturned",
                        referrals + "WorkOrderResponded", referrals + "WorkOrderCompleted",
                        referrals + "WorkOrderReopened", referrals + "WorkOrderRevoked", referrals + "WorkOrderUrged",
                        referrals + "WorkOrderExtensionRequested", referrals + "WorkOrderExtensionApproved",
                        referrals + "WorkOrderExtensionRefused", referrals + "WorkOrderCallbackRecorded",
                        referrals + "WorkOrderRedone"),
                "cn.childprotect.cms.escalations.Escalation", Set.of(escalations + "EscalationRaised",
                        escalations + "EscalationRaisedOnCase", escalations + "EscalationResolved"));
        eventsByAggregate.forEach((aggregate, events) -> noClasses().that()
                .doNotHaveFullyQualifiedName(aggregate).should()
                .callConstructorWhere(DescribedPredicate.describe("an event " + aggregate + " registers",
                        (JavaConstructorCall call) -> events.contains(call.getTargetOwner().getName())))
                .check(CLASSES));
    }
}
