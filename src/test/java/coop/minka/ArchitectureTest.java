package coop.minka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/// The layering of STYLE.md and DESIGN.md §1: dependencies point down only.
@AnalyzeClasses(packages = "coop.minka", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {
    /// Main classes only, wherever the build directory is (`-Dminka.buildDir` moves it).
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/") && !location.contains("/generated-test-sources/");
        }
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("domain").definedBy("coop.minka.domain..")
            .layer("store").definedBy("coop.minka.store..")
            .layer("sync").definedBy("coop.minka.sync..")
            .layer("app").definedBy("coop.minka.app..")
            .layer("ui").definedBy("coop.minka.ui..")
            .layer("cli").definedBy("coop.minka.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("sync").mayOnlyBeAccessedByLayers("app")
            .whereLayer("store").mayOnlyBeAccessedByLayers("sync", "app");

    /// One door into the books (issue #15): the two front ends reach the books only through the
    /// use cases of `app` and the values of `domain` — never the database, the sync machinery,
    /// jOOQ or the schema jOOQ generates (`coop.minka.store.schema` lies inside `store`).
    @ArchTest
    static final ArchRule frontEndsUseOnlyAppAndDomain = noClasses().that()
            .resideInAnyPackage("coop.minka.ui..", "coop.minka.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("coop.minka.store..", "coop.minka.sync..",
                    "org.jooq..", "java.sql..", "org.sqlite..", "org.flywaydb..");

    /// The use cases hold no SQL (issue #15): the repositories of `store` do, handed a
    /// [coop.minka.store.Session]; `app` never names jOOQ, the generated schema or JDBC.
    @ArchTest
    static final ArchRule appUsesNoJooq = noClasses().that().resideInAPackage("coop.minka.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "coop.minka.store.schema..",
                    "java.sql..", "org.sqlite..");

    /// `app` is split by what it holds (report, pack, export, sync, backup, demo) around a core of
    /// use cases; the parts lean on the core, never the other way (only the composition root
    /// [coop.minka.app.Services] wires them), and no two parts need each other.
    @ArchTest
    static final ArchRule appCoreKnowsNoParts = noClasses().that().resideInAPackage("coop.minka.app")
            .and().doNotHaveFullyQualifiedName("coop.minka.app.Services")
            .should().dependOnClassesThat().resideInAnyPackage("coop.minka.app.*..");

    @ArchTest
    static final ArchRule appPartsFreeOfCycles = slices().matching("coop.minka.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("coop.minka.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "tools.jackson..",
                    "com.fasterxml..", "java.sql..", "picocli..");

    @ArchTest
    static final ArchRule backEndKnowsNoJavaFx = noClasses().that()
            .resideInAnyPackage("coop.minka.app..", "coop.minka.store..", "coop.minka.sync..", "coop.minka.cli..", "coop.minka.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "coop.minka.ui..", "atlantafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule viewModelsKnowNoScene = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyUiCommonHopsThreads = noClasses().that().resideOutsideOfPackage("coop.minka.ui.common..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);
}
