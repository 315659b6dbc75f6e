package cn.childprotect.cms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
