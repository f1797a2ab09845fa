package dev.khabar.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.khabar.ops.Health;
import dev.khabar.ops.HealthStatus;
import dev.khabar.ops.ServiceMetrics;

/**
 * The root docker-compose.yml against the Compose Specification schema and Khabar's wiring rules, and each rule
 * against a copy of the file broken on purpose. Needs no Docker.
 */
class ComposeFileTest {

    private static final ComposeProject PROJECT = ComposeProject.read(Path.of(".."));
    private static final List<String> SERVICES = List.of("ingest-producer", "enrich-streams", "sink-consumer");

    @Test
    void composeFileDefinesTheBrokerTheTopicStepTheServicesAndKcat() {
        Set<String> names = new TreeSet<>(ComposeProject.services(PROJECT.compose()).keySet());
        assertTrue(names.containsAll(List.of("kafka", "topics", "kcat")), names::toString);
        assertTrue(names.containsAll(SERVICES), names::toString);
        assertEquals("kafka", PROJECT.kafkaServiceName());
        assertEquals("kafka:19092", PROJECT.internalListener());
        assertEquals(Set.of("./Dockerfile"), PROJECT.dockerfiles().keySet(), "one Dockerfile for the three services");
    }

    @Test
    void composeFileMatchesTheComposeSpecification() {
        assertEquals(List.of(), PROJECT.schemaProblems());
    }

    @Test
    void composeFileHasNoTopLevelKeysComposeV1Rejects() {
        assertFalse(PROJECT.compose().has("name"), "docker-compose 1.29 rejects a top-level name");
    }

    @Test
    void composeFileIsWiredCorrectly() {
        assertEquals(List.of(), PROJECT.dependsOnProblems(), "depends_on");
        assertEquals(List.of(), PROJECT.buildProblems(), "build contexts");
        assertEquals(List.of(), PROJECT.imageProblems(), "pinned images");
        assertEquals(List.of(), PROJECT.listenerProblems(), "listeners");
        assertEquals(List.of(), PROJECT.bootstrapProblems(), "bootstrap servers");
        assertEquals(List.of(), PROJECT.topicStepProblems(), "topic step");
        assertEquals(List.of(), PROJECT.workFolderProblems(), "work folder");
        assertEquals(List.of(), PROJECT.healthcheckProblems(), "healthchecks");
        assertEquals(List.of(), PROJECT.readinessProblems(), "readiness healthchecks");
        assertEquals(List.of(), PROJECT.brokerWaitProblems(), "waiting for the broker");
        assertEquals(List.of(), PROJECT.toolsProblems(), "tools profile");
        assertEquals(List.of(), PROJECT.runtimeProblems(), "Dockerfiles and heap");
        assertEquals(List.of(), PROJECT.dockerignoreProblems(), ".dockerignore");
        assertEquals(List.of(), PROJECT.reactorProblems(), "module poms in the Dockerfiles");
        assertEquals(List.of(), PROJECT.metricsPortProblems(), "metrics ports");
        assertEquals(List.of(), PROJECT.uiProblems(), "ui profile");
        assertEquals(List.of(), PROJECT.monitoringProblems(), "monitoring profile");
        assertEquals(List.of(), PROJECT.problems());
    }

    @Test
    void schemaRejectsAKeyComposeDoesNotKnow() {
        assertRejected(p -> p.service("kafka").put("listeners", "INTERNAL://:19092"),
                ComposeProject::schemaProblems, "listeners");
    }

    @Test
    void schemaRejectsAValueOfTheWrongShape() {
        assertRejected(p -> p.service("kafka").putObject("ports").put("9092", "9092"),
                ComposeProject::schemaProblems, "ports");
    }

    @Test
    void dependencyOnAMissingServiceIsReported() {
        assertRejected(p -> p.service("sink-consumer").with("depends_on").putObject("zookeeper")
                .put("condition", "service_started"), ComposeProject::dependsOnProblems, "'zookeeper', which is not a service");
    }

    @Test
    void waitingForTheHealthOfAServiceWithoutHealthcheckIsReported() {
        Consumer<ComposeProject> breakIt = p -> p.service("kafka").remove("healthcheck");
        assertRejected(breakIt, ComposeProject::dependsOnProblems, "'kafka' to be healthy, but it has no healthcheck");
        assertRejected(breakIt, ComposeProject::healthcheckProblems, "kafka: has no healthcheck");
    }

    @Test
    void disabledServiceHealthcheckIsReported() {
        assertRejected(p -> p.service("enrich-streams").with("healthcheck").put("disable", true),
                ComposeProject::healthcheckProblems, "enrich-streams: has no healthcheck");
    }

    @Test
    void serviceHealthchecksAskTheirOwnMetricsPortForReadiness() {
        assertEquals(Map.of("ingest-producer", "9401", "enrich-streams", "9402", "sink-consumer", "9403"),
                PROJECT.readinessTargets());
        assertEquals(PROJECT.metricsTargets(), PROJECT.readinessTargets());
    }

    @Test
    void healthcheckNotAskingItsOwnReadinessIsReported() {
        assertRejected(p -> p.service("enrich-streams").with("healthcheck").putArray("test").add("CMD-SHELL")
                .add("grep -qa enrich-streams.jar /proc/1/cmdline && test -d /var/lib/khabar/state/khabar-enrich"),
                ComposeProject::readinessProblems, "enrich-streams: healthcheck does not ask /health/ready",
                "enrich-streams: healthcheck does not connect to 127.0.0.1 or localhost at its metrics port 9402");
        assertRejected(p -> editHealthcheck(p, "ingest-producer", "/health/ready", "/health/live"),
                ComposeProject::readinessProblems, "ingest-producer: healthcheck does not ask /health/ready");
        assertRejected(p -> editHealthcheck(p, "sink-consumer", "$$KHABAR_METRICS_PORT", "9401"),
                ComposeProject::readinessProblems, "sink-consumer: healthcheck asks port 9401, not its metrics port 9403");
        assertRejected(p -> editHealthcheck(p, "ingest-producer", "$$KHABAR_METRICS_PORT", "$KHABAR_METRICS_PORT"),
                ComposeProject::readinessProblems, "ingest-producer: healthcheck's $KHABAR_METRICS_PORT is filled in by Compose");
        assertRejected(p -> editHealthcheck(p, "sink-consumer", "= 200", "-lt 600"),
                ComposeProject::readinessProblems, "sink-consumer: healthcheck does not require the answer 200");
    }

    @Test
    void readinessHealthcheckPassesOnlyWhileTheServiceAnswersReady() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "the healthcheck runs in bash, which this machine lacks");
        AtomicReference<HealthStatus> ready = new AtomicReference<>(HealthStatus.down("streams REBALANCING"));
        Health health = new Health() {
            @Override
            public HealthStatus live() {
                return HealthStatus.up("streams RUNNING");
            }

            @Override
            public HealthStatus ready() {
                return ready.get();
            }
        };
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ServiceMetrics ops = new ServiceMetrics("enrich-streams")) {
            ops.serve(port, health);
            assertEquals(new Probe(1, "503 {\"status\":\"DOWN\",\"detail\":\"streams REBALANCING\"}"),
                    runHealthcheck("enrich-streams", port));
            ready.set(HealthStatus.up("streams RUNNING"));
            assertEquals(new Probe(0, "200 {\"status\":\"UP\",\"detail\":\"streams RUNNING\"}"),
                    runHealthcheck("enrich-streams", port));
        }
        assertEquals(1, runHealthcheck("enrich-streams", port).exitCode(), "nothing listens on the port any more");
    }

    @Test
    void serviceThatDoesNotWaitForAHealthyBrokerIsReported() {
        assertRejected(p -> ((ObjectNode) p.service("sink-consumer").get("depends_on")).remove("kafka"),
                ComposeProject::brokerWaitProblems, "sink-consumer: must wait for kafka to be healthy");
    }

    @Test
    void buildContextWithoutItsDockerfileIsReported() {
        assertRejected(p -> p.service("sink-consumer").with("build").put("dockerfile", "sink-consumer/Dockerfile.gone"),
                ComposeProject::buildProblems, "has no ./sink-consumer/Dockerfile.gone");
    }

    @Test
    void serviceBuildWithoutTheModuleItRunsIsReported() {
        assertRejected(p -> p.service("enrich-streams").with("build").remove("args"),
                ComposeProject::buildProblems, "enrich-streams: ./Dockerfile needs build arg SERVICE");
        assertRejected(p -> p.service("sink-consumer").with("build").with("args").put("SERVICE", "ingest-producer"),
                ComposeProject::runtimeProblems, "sink-consumer: Dockerfile does not build the module with mvn package -pl sink-consumer -am");
    }

    @Test
    void latestOrMissingTagsAreReportedInComposeAndDockerfiles() {
        assertRejected(p -> p.service("kafka").put("image", "apache/kafka:latest"),
                ComposeProject::imageProblems, "image apache/kafka:latest is not pinned");
        assertRejected(p -> p.service("kcat").put("image", "edenhill/kcat"),
                ComposeProject::imageProblems, "image edenhill/kcat is not pinned");
        assertRejected(p -> p.dockerfiles().replaceAll((path, text) -> text.replaceAll("(?m)^FROM eclipse-temurin:\\S+",
                "FROM eclipse-temurin")), ComposeProject::imageProblems, "FROM eclipse-temurin is not pinned");
    }

    @Test
    void pinnedMeansATagOtherThanLatestOrADigest() {
        assertTrue(ComposeProject.pinned("apache/kafka:4.3.1"));
        assertTrue(ComposeProject.pinned("maven:3.9.11-eclipse-temurin-17"));
        assertTrue(ComposeProject.pinned("registry.example:5000/team/kcat:1.7.1"));
        assertTrue(ComposeProject.pinned("edenhill/kcat@sha256:0123abcd"));
        assertFalse(ComposeProject.pinned("registry.example:5000/team/kcat"));
        assertFalse(ComposeProject.pinned("eclipse-temurin:latest"));
        assertFalse(ComposeProject.pinned("apache/kafka:${KAFKA_TAG}"));
    }

    @Test
    void advertisedListenerOnAnotherPortThanItIsBoundIsReported() {
        assertRejected(p -> kafkaEnv(p).put("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://kafka:29092,HOST://localhost:9092"),
                ComposeProject::listenerProblems, "advertised listener INTERNAL (kafka:29092) is bound on another port");
    }

    @Test
    void listenerWithoutSecurityProtocolIsReported() {
        assertRejected(p -> kafkaEnv(p).put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                ComposeProject::listenerProblems, "listener HOST has no entry");
    }

    @Test
    void quorumVoterOffTheControllerListenerIsReported() {
        assertRejected(p -> kafkaEnv(p).put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:19092"),
                ComposeProject::listenerProblems, "port 19092 is not a controller listener's");
    }

    @Test
    void hostListenerOtherThanLocalhost9092IsReported() {
        assertRejected(p -> kafkaEnv(p).put("KAFKA_ADVERTISED_LISTENERS", "INTERNAL://kafka:19092,HOST://127.0.0.1:9092"),
                ComposeProject::listenerProblems, "exactly one advertised listener must be localhost:9092");
    }

    @Test
    void hostListenerWhosePortIsNotPublishedIsReported() {
        assertRejected(p -> p.service("kafka").remove("ports"),
                ComposeProject::listenerProblems, "its port is not published as 9092 on the host");
    }

    @Test
    void serviceBootstrappingOnTheHostListenerIsReported() {
        assertRejected(p -> ((ObjectNode) p.service("sink-consumer").get("environment")).put("KAFKA_BOOTSTRAP_SERVERS",
                "localhost:9092"), ComposeProject::bootstrapProblems, "sink-consumer: KAFKA_BOOTSTRAP_SERVERS is localhost:9092");
        assertRejected(p -> p.service("kcat").putArray("command").add("-b").add("localhost:9092").add("-L"),
                ComposeProject::bootstrapProblems, "kcat: its command connects to localhost:9092");
    }

    @Test
    void topicStepThatFailsOnASecondStartOrMissesATopicIsReported() {
        assertRejected(p -> {
            String command = commandOf(p, "topics").replace("--if-not-exists", "").replace("articles.dlq", "");
            p.service("topics").putArray("command").add(command);
        },
                ComposeProject::topicStepProblems, "without --if-not-exists", "does not create articles.dlq");
    }

    @Test
    void serviceThatDoesNotWaitForTheTopicStepIsReported() {
        assertRejected(p -> ((ObjectNode) p.service("enrich-streams").get("depends_on")).remove("topics"),
                ComposeProject::topicStepProblems, "enrich-streams: must wait for topics to complete successfully");
    }

    @Test
    void serviceWithoutTheWorkFolderIsReported() {
        assertRejected(p -> p.service("ingest-producer").putArray("volumes").add("./elsewhere:/work"),
                ComposeProject::workFolderProblems, "ingest-producer: does not mount ./work at KHABAR_WORKDIR /work");
    }

    @Test
    void kcatOutsideTheToolsProfileIsReported() {
        assertRejected(p -> p.service("kcat").remove("profiles"), ComposeProject::toolsProblems, "kcat: must run only under the tools profile");
    }

    @Test
    void rootRuntimeAndLargeHeapAreReported() {
        assertRejected(p -> p.dockerfiles().replaceAll((path, text) -> text.replaceAll("(?m)^USER .*$", "USER root")),
                ComposeProject::runtimeProblems, "enrich-streams: the runtime stage runs as root");
        assertRejected(p -> ((ObjectNode) p.service("enrich-streams").get("environment")).put("JAVA_TOOL_OPTIONS", "-Xmx1g"),
                ComposeProject::runtimeProblems, "enrich-streams: heap cap -Xmx1g is above 512 MB");
        assertRejected(p -> p.service("sink-consumer").put("user", "0:0"),
                ComposeProject::runtimeProblems, "sink-consumer: compose runs it as root");
    }

    @Test
    void buildContextCarryingTheWorkFolderOrModuleOutputIsReported() {
        assertRejected(p -> p.dockerignore().removeIf(line -> line.startsWith("work")),
                ComposeProject::dockerignoreProblems, "does not leave out work/");
        assertRejected(p -> p.dockerignore().removeIf(line -> line.startsWith("**/target")),
                ComposeProject::dockerignoreProblems, "module builds need **/target/");
    }

    @Test
    void dockerfileMissingAModulePomOfTheReactorIsReported() {
        assertRejected(p -> p.dockerfiles().replaceAll((path, text) -> text.replaceAll("(?m)^COPY local-stack/pom.xml .*\\n", "")),
                ComposeProject::reactorProblems, "does not copy local-stack/pom.xml, which the parent pom lists");
    }

    @Test
    void composeFileDefinesTheUiAndMonitoringProfilesWithPinnedImages() {
        Set<String> names = new TreeSet<>(ComposeProject.services(PROJECT.compose()).keySet());
        assertTrue(names.containsAll(List.of("kafka-ui", "prometheus", "grafana")), names::toString);
        for (String tool : List.of("kafka-ui", "prometheus", "grafana")) {
            assertTrue(ComposeProject.pinned(PROJECT.service(tool).path("image").asText()), tool);
        }
        assertEquals(Map.of("ingest-producer", "9401", "enrich-streams", "9402", "sink-consumer", "9403"),
                PROJECT.metricsTargets());
    }

    @Test
    void serviceWithoutAPublishedMetricsPortIsReported() {
        assertRejected(p -> p.service("enrich-streams").remove("ports"),
                ComposeProject::metricsPortProblems, "enrich-streams: metrics port 9402 is not published");
        assertRejected(p -> ((ObjectNode) p.service("sink-consumer").get("environment")).remove("KHABAR_METRICS_PORT"),
                ComposeProject::metricsPortProblems, "sink-consumer: KHABAR_METRICS_PORT is null");
    }

    @Test
    void prometheusScrapingOtherPortsThanTheServicesServeIsReported() {
        assertRejected(p -> {
            ((ObjectNode) p.service("sink-consumer").get("environment")).put("KHABAR_METRICS_PORT", "9500");
            p.service("sink-consumer").putArray("ports").add("127.0.0.1:9500:9500");
        }, ComposeProject::monitoringProblems, "the services serve [enrich-streams:9402, ingest-producer:9401, sink-consumer:9500]");
    }

    @Test
    void grafanaWithoutItsDashboardsOrProvisioningIsReported() {
        assertRejected(p -> p.service("grafana").putArray("volumes")
                .add("./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro"),
                ComposeProject::monitoringProblems, "reads /var/lib/grafana/dashboards/khabar, which is not mounted");
        assertRejected(p -> p.service("grafana").putArray("volumes")
                .add("./monitoring/grafana/dashboards:/var/lib/grafana/dashboards/khabar:ro"),
                ComposeProject::monitoringProblems, "does not mount a provisioning folder");
        assertRejected(p -> p.service("prometheus").putArray("volumes").add("./monitoring/gone.yml:/etc/prometheus/prometheus.yml:ro"),
                ComposeProject::monitoringProblems, "does not mount a prometheus.yml");
    }

    @Test
    void monitoringOrUiOutsideTheirProfilesIsReported() {
        assertRejected(p -> p.service("grafana").remove("profiles"),
                ComposeProject::monitoringProblems, "grafana: must run only under the monitoring profile");
        assertRejected(p -> p.service("kafka-ui").remove("profiles"),
                ComposeProject::uiProblems, "kafka-ui: must run only under the ui profile");
    }

    @Test
    void uiReadingTheHostListenerIsReported() {
        assertRejected(p -> ((ObjectNode) p.service("kafka-ui").get("environment"))
                .put("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "localhost:9092"),
                ComposeProject::uiProblems, "kafka-ui: KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS is localhost:9092");
    }

    private record Probe(int exitCode, String output) {
    }

    /** Runs the service's compose healthcheck as the container would: bash, its $$ unescaped, KHABAR_METRICS_PORT set. */
    private static Probe runHealthcheck(String service, int port) throws IOException, InterruptedException {
        JsonNode test = PROJECT.service(service).path("healthcheck").path("test");
        assertEquals(List.of("CMD", "bash", "-c"), List.of(test.get(0).asText(), test.get(1).asText(), test.get(2).asText()));
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", test.get(3).asText().replace("$$", "$"))
                .redirectErrorStream(true);
        builder.environment().put("KHABAR_METRICS_PORT", String.valueOf(port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the healthcheck did not finish");
        return new Probe(process.exitValue(), output);
    }

    /** Replaces {@code from} with {@code to} in the last element of the service's healthcheck test list. */
    private static void editHealthcheck(ComposeProject project, String service, String from, String to) {
        ArrayNode test = (ArrayNode) project.service(service).path("healthcheck").path("test");
        String script = test.get(test.size() - 1).asText();
        assertTrue(script.contains(from), () -> service + "'s healthcheck has no '" + from + "' to break: " + script);
        test.set(test.size() - 1, script.replace(from, to));
    }

    private static ObjectNode kafkaEnv(ComposeProject project) {
        return (ObjectNode) project.service("kafka").get("environment");
    }

    private static String commandOf(ComposeProject project, String service) {
        StringBuilder text = new StringBuilder();
        project.service(service).path("command").forEach(n -> text.append(n.asText()));
        return text.toString();
    }

    /** Breaks a copy of the project, then expects {@code check} to report each fragment (and the real file not to). */
    private static void assertRejected(Consumer<ComposeProject> breakIt, Function<ComposeProject, List<String>> check,
                                       String... expected) {
        ComposeProject broken = PROJECT.copy();
        breakIt.accept(broken);
        List<String> problems = check.apply(broken);
        for (String fragment : expected) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)),
                    () -> "expected a problem containing '" + fragment + "', got " + problems);
            assertTrue(check.apply(PROJECT).stream().noneMatch(p -> p.contains(fragment)),
                    () -> "the real compose file already has the problem '" + fragment + "'");
        }
    }
}
