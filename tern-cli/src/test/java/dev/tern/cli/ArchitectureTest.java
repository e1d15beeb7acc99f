package dev.tern.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The module rules of {@code ARCHITECTURE.md}, checked on the production classes of every module on tern-cli's
 * classpath (tern-cli reaches all of them through tern-server, and tern-testkit in test scope). Rules about a package that has no classes yet pass
 * ({@code allowEmptyShould}) and start to bite as soon as code appears there.
 */
@AnalyzeClasses(packages = "dev.tern", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "dev.tern.api..";
    private static final String CORE = "dev.tern.core..";
    private static final String CODEC = "dev.tern.mqtt.codec..";
    private static final String TRANSPORT = "dev.tern.transport..";
    private static final String SERVER = "dev.tern.server..";
    private static final String CLI = "dev.tern.cli..";
    private static final String TESTKIT = "dev.tern.testkit..";
    private static final String STORE = "dev.tern.store..";
    private static final String AUTH = "dev.tern.auth..";
    private static final String NETTY = "io.netty..";

    @ArchTest
    static final ArchRule coreDependsOnlyOnTheApiTheJdkAndSlf4j = classes()
            .that()
            .resideInAPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(CORE, API, "java..", "org.slf4j..")
            .because("the core sees only tern-api: no Netty, no packets, no other module")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule storesDependOnlyOnTheApiTheJdkSlf4jAndRocksDb = classes()
            .that()
            .resideInAPackage(STORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(STORE, API, "java..", "org.slf4j..", "org.rocksdb..")
            .because("a store sees only tern-api and its own engine: it completes writes, it never calls into delivery")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule authDependsOnlyOnTheApiTheJdkSlf4jAndItsLibraries = classes()
            .that()
            .resideInAPackage(AUTH)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    AUTH,
                    API,
                    "java..",
                    "javax.crypto..",
                    "org.slf4j..",
                    "com.password4j..",
                    "com.nimbusds..",
                    "com.fasterxml.jackson..")
            .because("tern-auth answers the access-control seam from files and tokens; it never sees the core, the"
                    + " protocols, the transport or the server")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule apiDependsOnNothingElseInTern = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat(resideInAPackage("dev.tern..").and(not(resideInAPackage(API))))
            .because("tern-api is the protocol-neutral bottom layer that every other module builds on")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule neitherCoreNorApiUsesNetty = noClasses()
            .that()
            .resideInAnyPackage(CORE, API)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(NETTY)
            .because("Netty types never enter the core or its vocabulary")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule codecDependsOnNothingElseInTern = noClasses()
            .that()
            .resideInAPackage(CODEC)
            .should()
            .dependOnClassesThat(resideInAPackage("dev.tern..").and(not(resideInAPackage(CODEC))))
            .because("the codec is pure: bytes to packet records and back, without the api, core, MQTT channel,"
                    + " transport or server")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule transportDoesNotDependOnTheCore = noClasses()
            .that()
            .resideInAPackage(TRANSPORT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CORE)
            .because("listeners, like the gateways to come, reach the broker only through tern-api")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheServerTheCliAndTheTestkitDependOnTheServer = noClasses()
            .that()
            .resideOutsideOfPackages(SERVER, CLI, TESTKIT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVER)
            .because("tern-server is the composition root: only it sees everything, and only the CLI (and the test"
                    + " fixtures that start a broker) start it")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noProductionCodeDependsOnTheTestkit = noClasses()
            .that()
            .resideOutsideOfPackage(TESTKIT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TESTKIT)
            .because("tern-testkit is test support, used from test scope only and never shipped in tern.jar")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingButTheCliDependsOnTheCli = noClasses()
            .that()
            .resideOutsideOfPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CLI)
            .because("the command line is the top of the stack")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theCliDoesNotReachIntoTheCore = noClasses()
            .that()
            .resideInAPackage(CLI)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CORE)
            .because("commands reach the broker through tern-server and tern-api; only tern-server sees the core")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().assignedFrom(new TopLevelSlices())
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(true);

    /**
     * One slice per top-level package {@code dev.tern.<name>}, except that {@code dev.tern.mqtt.codec} (module
     * tern-mqtt-codec) is a slice of its own, apart from {@code dev.tern.mqtt} (module tern-mqtt): slicing by
     * {@code dev.tern.(*)..} would merge the two and hide a cycle between them.
     */
    private static final class TopLevelSlices implements SliceAssignment {

        private static final String ROOT = "dev.tern";
        private static final String CODEC_PACKAGE = "dev.tern.mqtt.codec";

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(CODEC_PACKAGE) || pkg.startsWith(CODEC_PACKAGE + ".")) {
                return SliceIdentifier.of("mqtt.codec");
            }
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (pkg.startsWith(ROOT + ".")) {
                String rest = pkg.substring(ROOT.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "top-level packages dev.tern.<name>, with dev.tern.mqtt.codec apart from dev.tern.mqtt";
        }
    }
}
