package dev.khabar.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.khabar.model.Topic;
import dev.khabar.model.Topics;

/**
 * A docker-compose.yml (parsed as a tree) with the Dockerfiles its services build from, and the checks Khabar's
 * compose set-up must pass: the Compose Specification schema, then the wiring the schema cannot see. Every check
 * returns its problems as readable sentences; an empty list means the check passed.
 */
final class ComposeProject {

    static final String WORK_MOUNT_SOURCE = "./work";
    static final String HOST_LISTENER = "localhost:9092";
    static final String READY_PATH = "/health/ready";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final Pattern ARG = Pattern.compile("(?m)^\\s*ARG\\s+(\\w+)(=\\S*)?\\s*$");
    private static final Pattern USER = Pattern.compile("(?im)^\\s*USER\\s+(\\S+)\\s*$");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
    private static final String PORT_TOKEN = "(\\$*\\{?\\w+\\}?)";
    private static final Pattern LOOPBACK_TARGET = Pattern.compile("/dev/tcp/(?:127\\.0\\.0\\.1|localhost)/" + PORT_TOKEN
            + "|(?:127\\.0\\.0\\.1|localhost):" + PORT_TOKEN + "/health/");
    private static final JsonSchema SCHEMA = loadSchema();

    private final Path root;
    private final ObjectNode compose;
    private final Map<String, String> dockerfiles;
    private final List<String> dockerignore;

    /**
     * @param root        the folder build contexts are relative to (the compose file's folder)
     * @param compose     the parsed compose file
     * @param dockerfiles Dockerfile text by its path relative to {@code root}, for every service that builds
     * @param dockerignore the lines of {@code root/.dockerignore}, empty if there is none
     */
    ComposeProject(Path root, ObjectNode compose, Map<String, String> dockerfiles, List<String> dockerignore) {
        this.root = root;
        this.compose = compose;
        this.dockerfiles = dockerfiles;
        this.dockerignore = dockerignore;
    }

    /** Reads {@code root/docker-compose.yml} and the Dockerfiles its build sections name (missing ones are left out). */
    static ComposeProject read(Path root) {
        try {
            ObjectNode compose = (ObjectNode) YAML.readTree(root.resolve("docker-compose.yml").toFile());
            Map<String, String> dockerfiles = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> service : services(compose).entrySet()) {
                String dockerfile = dockerfilePath(service.getValue());
                if (dockerfile != null && Files.isRegularFile(root.resolve(dockerfile))) {
                    dockerfiles.put(dockerfile, Files.readString(root.resolve(dockerfile), StandardCharsets.UTF_8));
                }
            }
            Path ignore = root.resolve(".dockerignore");
            List<String> dockerignore = Files.isRegularFile(ignore)
                    ? new ArrayList<>(Files.readAllLines(ignore, StandardCharsets.UTF_8)) : new ArrayList<>();
            return new ComposeProject(root, compose, dockerfiles, dockerignore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy to break on purpose: changes to it never reach this project. */
    ComposeProject copy() {
        return new ComposeProject(root, compose.deepCopy(), new LinkedHashMap<>(dockerfiles), new ArrayList<>(dockerignore));
    }

    ObjectNode compose() {
        return compose;
    }

    Map<String, String> dockerfiles() {
        return dockerfiles;
    }

    List<String> dockerignore() {
        return dockerignore;
    }

    ObjectNode service(String name) {
        return (ObjectNode) compose.path("services").path(name);
    }

    /** Every problem of every check. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(schemaProblems());
        problems.addAll(dependsOnProblems());
        problems.addAll(buildProblems());
        problems.addAll(imageProblems());
        problems.addAll(listenerProblems());
        problems.addAll(bootstrapProblems());
        problems.addAll(topicStepProblems());
        problems.addAll(workFolderProblems());
        problems.addAll(healthcheckProblems());
        problems.addAll(readinessProblems());
        problems.addAll(brokerWaitProblems());
        problems.addAll(toolsProblems());
        problems.addAll(runtimeProblems());
        problems.addAll(dockerignoreProblems());
        problems.addAll(reactorProblems());
        problems.addAll(metricsPortProblems());
        problems.addAll(uiProblems());
        problems.addAll(monitoringProblems());
        return problems;
    }

    /** Validation messages of the Compose Specification JSON Schema (draft-07). */
    List<String> schemaProblems() {
        Set<ValidationMessage> messages = SCHEMA.validate(compose);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Every depends_on target is a service; conditions are the ones Compose knows; a service waits for no profile-only one. */
    List<String> dependsOnProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> services = services(compose);
        Set<String> known = Set.of("service_started", "service_healthy", "service_completed_successfully");
        services.forEach((name, service) -> {
            JsonNode dependsOn = service.path("depends_on");
            for (String target : dependencyNames(dependsOn)) {
                if (!services.containsKey(target)) {
                    problems.add(name + " depends on '" + target + "', which is not a service");
                    continue;
                }
                if (services.get(target).has("profiles") && !service.has("profiles")) {
                    problems.add(name + " depends on '" + target + "', which runs only under a profile");
                }
                if (dependsOn.isObject()) {
                    String condition = dependsOn.path(target).path("condition").asText("service_started");
                    if (!known.contains(condition)) {
                        problems.add(name + " waits for '" + target + "' with unknown condition " + condition);
                    } else if (condition.equals("service_healthy") && !hasHealthcheck(services.get(target))) {
                        problems.add(name + " waits for '" + target + "' to be healthy, but it has no healthcheck");
                    }
                }
            }
        });
        return problems;
    }

    /** Every build context exists and holds the Dockerfile the service names. */
    List<String> buildProblems() {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            JsonNode build = service.get("build");
            if (build == null) {
                return;
            }
            String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
            Path contextDir = root.resolve(context).normalize();
            if (!Files.isDirectory(contextDir)) {
                problems.add(name + ": build context " + context + " is not a folder");
                return;
            }
            String dockerfile = dockerfilePath(service);
            if (!Files.isRegularFile(root.resolve(dockerfile))) {
                problems.add(name + ": build context " + context + " has no " + dockerfile);
            } else if (!dockerfiles.containsKey(dockerfile)) {
                problems.add(name + ": " + dockerfile + " was not read");
            } else {
                Map<String, String> args = buildArgs(service);
                Matcher arg = ARG.matcher(dockerfiles.get(dockerfile));
                while (arg.find()) {
                    if (arg.group(2) == null && args.get(arg.group(1)) == null) {
                        problems.add(name + ": " + dockerfile + " needs build arg " + arg.group(1) + ", which build.args does not set");
                    }
                }
            }
        });
        return problems;
    }

    /** Every image, in the compose file and in every FROM of the Dockerfiles, carries a tag that is not latest. */
    List<String> imageProblems() {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            if (service.has("image")) {
                String image = service.get("image").asText();
                if (!pinned(image)) {
                    problems.add(name + ": image " + image + " is not pinned to a tag other than latest");
                }
            } else if (!service.has("build")) {
                problems.add(name + ": has neither image nor build");
            }
        });
        dockerfiles.forEach((path, text) -> {
            Set<String> stages = new TreeSet<>();
            Matcher from = FROM.matcher(text);
            boolean any = false;
            while (from.find()) {
                any = true;
                String image = from.group(1);
                if (!stages.contains(image) && !image.equals("scratch") && !pinned(image)) {
                    problems.add(path + ": FROM " + image + " is not pinned to a tag other than latest");
                }
                if (from.group(2) != null) {
                    stages.add(from.group(2));
                }
            }
            if (!any) {
                problems.add(path + ": has no FROM");
            }
        });
        return problems;
    }

    /**
     * The broker's listeners agree with each other: every advertised and controller listener is bound, every
     * listener has a security protocol, the inter-broker listener is advertised, the quorum voter is this broker's
     * controller port, and exactly one advertised listener is {@value #HOST_LISTENER}, published on the host.
     */
    List<String> listenerProblems() {
        List<String> problems = new ArrayList<>();
        String kafkaName = kafkaServiceName();
        if (kafkaName == null) {
            return List.of("no service runs the apache/kafka image");
        }
        JsonNode kafka = services(compose).get(kafkaName);
        Map<String, String> env = environment(kafka);
        Map<String, String> bound = listenerMap(env.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = listenerMap(env.get("KAFKA_ADVERTISED_LISTENERS"));
        Map<String, String> protocols = pairs(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"), ':');
        Set<String> controllers = Set.of(env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "").split(","));
        if (bound.isEmpty()) {
            problems.add(kafkaName + ": KAFKA_LISTENERS is missing");
        }
        if (advertised.isEmpty()) {
            problems.add(kafkaName + ": KAFKA_ADVERTISED_LISTENERS is missing");
        }
        if (!env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller")) {
            problems.add(kafkaName + ": KAFKA_PROCESS_ROLES must make the single node its own KRaft controller");
        }
        for (String name : bound.keySet()) {
            if (!protocols.containsKey(name)) {
                problems.add(kafkaName + ": listener " + name + " has no entry in KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
            }
        }
        advertised.forEach((name, address) -> {
            if (!bound.containsKey(name)) {
                problems.add(kafkaName + ": advertised listener " + name + " is not in KAFKA_LISTENERS");
            } else if (!port(bound.get(name)).equals(port(address))) {
                problems.add(kafkaName + ": advertised listener " + name + " (" + address + ") is bound on another port ("
                        + bound.get(name) + ")");
            }
            if (controllers.contains(name)) {
                problems.add(kafkaName + ": controller listener " + name + " must not be advertised to clients");
            }
        });
        for (String controller : controllers) {
            if (!controller.isBlank() && !bound.containsKey(controller)) {
                problems.add(kafkaName + ": controller listener " + controller + " is not in KAFKA_LISTENERS");
            }
        }
        String interBroker = env.get("KAFKA_INTER_BROKER_LISTENER_NAME");
        if (interBroker == null || !advertised.containsKey(interBroker)) {
            problems.add(kafkaName + ": KAFKA_INTER_BROKER_LISTENER_NAME (" + interBroker + ") must be an advertised listener");
        }
        String voters = env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
        String nodeId = env.getOrDefault("KAFKA_NODE_ID", "");
        Matcher voter = Pattern.compile("^(\\d+)@([^:,]+):(\\d+)$").matcher(voters);
        if (!voter.matches()) {
            problems.add(kafkaName + ": KAFKA_CONTROLLER_QUORUM_VOTERS (" + voters + ") must be this single node");
        } else {
            if (!voter.group(1).equals(nodeId)) {
                problems.add(kafkaName + ": the quorum voter's id " + voter.group(1) + " is not KAFKA_NODE_ID " + nodeId);
            }
            if (!new TreeSet<>(List.of(kafkaName, kafka.path("hostname").asText(kafkaName), "localhost")).contains(voter.group(2))) {
                problems.add(kafkaName + ": the quorum voter's host " + voter.group(2) + " is not this broker");
            }
            boolean controllerPort = controllers.stream()
                    .anyMatch(c -> bound.containsKey(c) && port(bound.get(c)).equals(voter.group(3)));
            if (!controllerPort) {
                problems.add(kafkaName + ": the quorum voter's port " + voter.group(3) + " is not a controller listener's");
            }
        }
        List<String> hostListeners = advertised.entrySet().stream()
                .filter(e -> e.getValue().equals(HOST_LISTENER)).map(Map.Entry::getKey).toList();
        if (hostListeners.size() != 1) {
            problems.add(kafkaName + ": exactly one advertised listener must be " + HOST_LISTENER + " for host clients, found "
                    + hostListeners.size());
        } else if (!publishedPorts(kafka).contains(port(bound.get(hostListeners.get(0))) + "->" + port(HOST_LISTENER))) {
            problems.add(kafkaName + ": listener " + hostListeners.get(0) + " is advertised as " + HOST_LISTENER
                    + " but its port is not published as 9092 on the host");
        }
        if (internalListener() == null) {
            problems.add(kafkaName + ": no advertised listener names the broker by its service name for other containers");
        }
        return problems;
    }

    /** Services and tools reach the broker on the internal listener, never on the host's localhost:9092. */
    List<String> bootstrapProblems() {
        List<String> problems = new ArrayList<>();
        String internal = internalListener();
        if (internal == null) {
            return List.of("no internal listener to check the services against");
        }
        services(compose).forEach((name, service) -> {
            if (service.has("build")) {
                String bootstrap = environment(service).get("KAFKA_BOOTSTRAP_SERVERS");
                if (!internal.equals(bootstrap)) {
                    problems.add(name + ": KAFKA_BOOTSTRAP_SERVERS is " + bootstrap + ", not the internal listener " + internal);
                }
            }
            String command = commandText(service);
            Matcher address = Pattern.compile("(?:--bootstrap-server[ =]|-b\\s+)([\\w.-]+:\\d+)").matcher(command);
            while (address.find()) {
                if (!address.group(1).equals(internal)) {
                    problems.add(name + ": its command connects to " + address.group(1) + ", not the internal listener " + internal);
                }
            }
        });
        return problems;
    }

    /**
     * A one-shot step creates every Khabar topic with kafka-topics.sh --if-not-exists once the broker is healthy, and
     * every built service waits for it to complete.
     */
    List<String> topicStepProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> services = services(compose);
        String step = services.entrySet().stream()
                .filter(e -> commandText(e.getValue()).contains("kafka-topics.sh")
                        && commandText(e.getValue()).contains("--create"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (step == null) {
            return List.of("no service creates the topics with kafka-topics.sh --create");
        }
        JsonNode service = services.get(step);
        String command = commandText(service);
        if (!command.contains("--if-not-exists")) {
            problems.add(step + ": kafka-topics.sh --create without --if-not-exists fails on a second start");
        }
        for (Topic<?, ?> topic : Topics.all()) {
            if (!command.contains(topic.name())) {
                problems.add(step + ": does not create " + topic.name());
            }
        }
        if (!service.path("image").asText().startsWith("apache/kafka:")) {
            problems.add(step + ": should run kafka-topics.sh from the apache/kafka image");
        }
        String kafka = kafkaServiceName();
        if (!"service_healthy".equals(service.path("depends_on").path(kafka).path("condition").asText())) {
            problems.add(step + ": must wait for " + kafka + " to be healthy");
        }
        services.forEach((name, other) -> {
            if (other.has("build") && !"service_completed_successfully".equals(
                    other.path("depends_on").path(step).path("condition").asText())) {
                problems.add(name + ": must wait for " + step + " to complete successfully");
            }
        });
        return problems;
    }

    /** Every built service mounts ./work at its KHABAR_WORKDIR, as local-stack uses DIR. */
    List<String> workFolderProblems() {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            if (!service.has("build")) {
                return;
            }
            String workdir = environment(service).get("KHABAR_WORKDIR");
            if (workdir == null) {
                problems.add(name + ": KHABAR_WORKDIR is not set");
                return;
            }
            boolean mounted = false;
            for (JsonNode volume : service.path("volumes")) {
                String source;
                String target;
                if (volume.isTextual()) {
                    String[] parts = volume.asText().split(":");
                    source = parts[0];
                    target = parts.length > 1 ? parts[1] : "";
                } else {
                    source = volume.path("source").asText();
                    target = volume.path("target").asText();
                }
                mounted |= normalise(source).equals(WORK_MOUNT_SOURCE) && target.equals(workdir);
            }
            if (!mounted) {
                problems.add(name + ": does not mount " + WORK_MOUNT_SOURCE + " at KHABAR_WORKDIR " + workdir);
            }
        });
        return problems;
    }

    /** Every built service serves its metrics on KHABAR_METRICS_PORT and publishes that port on the host's loopback. */
    List<String> metricsPortProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        metricsTargets().forEach((name, port) -> {
            if (port == null || !port.matches("[1-9]\\d{0,4}")) {
                problems.add(name + ": KHABAR_METRICS_PORT is " + port + ", not a port");
                return;
            }
            if (!used.add(port)) {
                problems.add(name + ": KHABAR_METRICS_PORT " + port + " is another service's too");
            }
            if (!publishedPorts(service(name)).contains(port + "->" + port)) {
                problems.add(name + ": metrics port " + port + " is not published on the host as " + port);
            }
        });
        return problems;
    }

    /** The built services' metrics endpoints as service name to port, from KHABAR_METRICS_PORT. */
    Map<String, String> metricsTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        services(compose).forEach((name, service) -> {
            if (service.has("build")) {
                targets.put(name, environment(service).get("KHABAR_METRICS_PORT"));
            }
        });
        return targets;
    }

    /** A web UI runs only under the ui profile, on the compose network, reading the broker's internal listener. */
    List<String> uiProblems() {
        List<String> problems = new ArrayList<>();
        List<String> uis = services(compose).entrySet().stream()
                .filter(e -> e.getValue().path("image").asText().contains("kafka-ui")).map(Map.Entry::getKey).toList();
        if (uis.isEmpty()) {
            return List.of("no kafka-ui service");
        }
        for (String name : uis) {
            JsonNode ui = service(name);
            if (!profiles(ui).equals(List.of("ui"))) {
                problems.add(name + ": must run only under the ui profile, has " + profiles(ui));
            }
            String bootstrap = environment(ui).get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS");
            if (!Objects.equals(internalListener(), bootstrap)) {
                problems.add(name + ": KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS is " + bootstrap + ", not the internal listener "
                        + internalListener());
            }
            if (ui.has("networks") || ui.has("network_mode")) {
                problems.add(name + ": must stay on the default compose network with the broker");
            }
        }
        return problems;
    }

    /**
     * Prometheus and Grafana run only under the monitoring profile; Prometheus's mounted configuration scrapes exactly
     * the built services on their metrics ports; Grafana mounts provisioning with a Prometheus datasource pointing at
     * the Prometheus service and a dashboard provider whose folder is where the repository's dashboards are mounted.
     */
    List<String> monitoringProblems() {
        List<String> problems = new ArrayList<>();
        String prometheus = serviceWithImage("prom/prometheus:");
        String grafana = serviceWithImage("grafana/grafana");
        if (prometheus == null || grafana == null) {
            return List.of("the monitoring profile needs a prom/prometheus and a grafana/grafana service");
        }
        for (String name : List.of(prometheus, grafana)) {
            if (!profiles(service(name)).equals(List.of("monitoring"))) {
                problems.add(name + ": must run only under the monitoring profile, has " + profiles(service(name)));
            }
        }
        Path config = mountSource(prometheus, "/etc/prometheus/prometheus.yml");
        if (config == null || !Files.isRegularFile(config)) {
            problems.add(prometheus + ": does not mount a prometheus.yml from the repository at /etc/prometheus/prometheus.yml");
        } else {
            Set<String> scraped = new TreeSet<>();
            readYaml(config).path("scrape_configs").forEach(job -> job.path("static_configs")
                    .forEach(c -> c.path("targets").forEach(t -> scraped.add(t.asText()))));
            Set<String> expected = new TreeSet<>();
            metricsTargets().forEach((name, port) -> expected.add(name + ":" + port));
            if (!scraped.equals(expected)) {
                problems.add(prometheus + ": " + root.relativize(config) + " scrapes " + scraped + ", the services serve "
                        + expected);
            }
        }
        Path provisioning = mountSource(grafana, "/etc/grafana/provisioning");
        if (provisioning == null || !Files.isDirectory(provisioning)) {
            problems.add(grafana + ": does not mount a provisioning folder from the repository at /etc/grafana/provisioning");
            return problems;
        }
        List<JsonNode> datasources = yamlFiles(provisioning.resolve("datasources"), "datasources");
        String url = "http://" + prometheus + ":9090";
        if (datasources.stream().noneMatch(d -> d.path("type").asText().equals("prometheus")
                && d.path("url").asText().equals(url))) {
            problems.add(grafana + ": no provisioned prometheus datasource with url " + url);
        }
        List<JsonNode> providers = yamlFiles(provisioning.resolve("dashboards"), "providers");
        if (providers.isEmpty()) {
            problems.add(grafana + ": no provisioned dashboard provider");
        }
        for (JsonNode provider : providers) {
            String folder = provider.path("options").path("path").asText();
            Path dashboards = mountSource(grafana, folder);
            if (dashboards == null) {
                problems.add(grafana + ": the dashboard provider reads " + folder + ", which is not mounted");
            } else if (!Files.isRegularFile(dashboards.resolve("khabar.json"))) {
                problems.add(grafana + ": " + root.relativize(dashboards) + " has no khabar.json");
            }
        }
        return problems;
    }

    private String serviceWithImage(String prefix) {
        return services(compose).entrySet().stream().filter(e -> e.getValue().path("image").asText().startsWith(prefix))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static List<String> profiles(JsonNode service) {
        List<String> profiles = new ArrayList<>();
        service.path("profiles").forEach(p -> profiles.add(p.asText()));
        return profiles;
    }

    /** The repository path a service's bind mount puts at {@code target}, or null. */
    private Path mountSource(String service, String target) {
        for (JsonNode volume : service(service).path("volumes")) {
            String[] parts = volume.isTextual() ? volume.asText().split(":")
                    : new String[] {volume.path("source").asText(), volume.path("target").asText()};
            if (parts.length >= 2 && parts[1].equals(target) && parts[0].startsWith(".")) {
                return root.resolve(parts[0]).normalize();
            }
        }
        return null;
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse " + file, e);
        }
    }

    /** The entries of list {@code key} in every YAML file of {@code folder}. */
    private static List<JsonNode> yamlFiles(Path folder, String key) {
        List<JsonNode> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (var files = Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                    .forEach(f -> readYaml(f).path(key).forEach(entries::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Every long-running service has a real healthcheck (one-shot steps and profile tools need none). */
    List<String> healthcheckProblems() {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            boolean oneShot = !service.has("build") && "no".equals(service.path("restart").asText());
            if (oneShot || service.has("profiles")) {
                return;
            }
            if (!hasHealthcheck(service)) {
                problems.add(name + ": has no healthcheck");
            }
        });
        return problems;
    }

    /**
     * Every built service's healthcheck asks its own {@code GET /health/ready} on 127.0.0.1 at its KHABAR_METRICS_PORT
     * (written as the number or as {@code $$KHABAR_METRICS_PORT}, which the container's shell fills in; a single
     * {@code $} would be filled in by Compose from the host's environment) and passes only on 200.
     */
    List<String> readinessProblems() {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            if (!service.has("build") || !hasHealthcheck(service)) {
                return;
            }
            String test = healthcheckText(service);
            String port = environment(service).get("KHABAR_METRICS_PORT");
            if (!test.contains(READY_PATH)) {
                problems.add(name + ": healthcheck does not ask " + READY_PATH);
            }
            if (!test.matches("(?s).*\\b200\\b.*")) {
                problems.add(name + ": healthcheck does not require the answer 200");
            }
            List<String> targets = readinessPorts(test);
            if (targets.isEmpty()) {
                problems.add(name + ": healthcheck does not connect to 127.0.0.1 or localhost at its metrics port " + port);
            }
            for (String target : targets) {
                if (target.matches("\\$\\{?\\w+\\}?")) {
                    problems.add(name + ": healthcheck's " + target + " is filled in by Compose from the host's environment;"
                            + " write $" + target + " for the container's");
                } else if (!resolvePort(target, environment(service)).equals(port)) {
                    problems.add(name + ": healthcheck asks port " + resolvePort(target, environment(service))
                            + ", not its metrics port " + port);
                }
            }
        });
        return problems;
    }

    /** The built services' readiness healthchecks as service name to the port they ask, resolved in their environment. */
    Map<String, String> readinessTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        services(compose).forEach((name, service) -> {
            if (service.has("build") && healthcheckText(service).contains(READY_PATH)) {
                readinessPorts(healthcheckText(service)).forEach(t -> targets.put(name, resolvePort(t, environment(service))));
            }
        });
        return targets;
    }

    /** The healthcheck's command as one text: a CMD/CMD-SHELL list joined by spaces, or the string form. */
    static String healthcheckText(JsonNode service) {
        JsonNode test = service.path("healthcheck").path("test");
        if (test.isTextual()) {
            return test.asText();
        }
        List<String> parts = new ArrayList<>();
        test.forEach(n -> parts.add(n.asText()));
        return parts.isEmpty() ? "" : String.join(" ", parts.subList(1, parts.size()));
    }

    /** The ports of every loopback address in {@code command}: bash's /dev/tcp/HOST/PORT or HOST:PORT/health/ready. */
    private static List<String> readinessPorts(String command) {
        List<String> ports = new ArrayList<>();
        Matcher target = LOOPBACK_TARGET.matcher(command);
        while (target.find()) {
            ports.add(target.group(1) != null ? target.group(1) : target.group(2));
        }
        return ports;
    }

    /** A port as the container sees it: a number, or $$NAME / $${NAME} looked up in the service's environment. */
    private static String resolvePort(String target, Map<String, String> env) {
        Matcher variable = Pattern.compile("\\$\\$\\{?(\\w+)\\}?").matcher(target);
        return variable.matches() ? String.valueOf(env.get(variable.group(1))) : target;
    }

    /** Every built service waits for the broker's healthcheck to pass before it starts. */
    List<String> brokerWaitProblems() {
        List<String> problems = new ArrayList<>();
        String kafka = kafkaServiceName();
        services(compose).forEach((name, service) -> {
            if (service.has("build") && !"service_healthy".equals(
                    service.path("depends_on").path(kafka).path("condition").asText())) {
                problems.add(name + ": must wait for " + kafka + " to be healthy");
            }
        });
        return problems;
    }

    /** kcat runs only on request, under the tools profile. */
    List<String> toolsProblems() {
        List<String> problems = new ArrayList<>();
        List<String> kcats = services(compose).entrySet().stream()
                .filter(e -> e.getValue().path("image").asText().contains("kcat")).map(Map.Entry::getKey).toList();
        if (kcats.isEmpty()) {
            problems.add("no kcat service");
        }
        for (String name : kcats) {
            List<String> profiles = new ArrayList<>();
            services(compose).get(name).path("profiles").forEach(p -> profiles.add(p.asText()));
            if (!profiles.contains("tools")) {
                problems.add(name + ": must run only under the tools profile, has " + profiles);
            }
        }
        return problems;
    }

    /**
     * The Dockerfiles build the module with Maven in a build stage and run it as a non-root user; the services cap
     * their heap through JAVA_TOOL_OPTIONS (at most 512 MB).
     */
    List<String> runtimeProblems() {
        List<String> problems = new ArrayList<>();
        services(compose).forEach((name, service) -> {
            if (!service.has("build")) {
                return;
            }
            String dockerfile = dockerfileFor(service);
            if (dockerfile != null) {
                List<String> froms = new ArrayList<>();
                Matcher from = FROM.matcher(dockerfile);
                while (from.find()) {
                    froms.add(from.group(1));
                }
                if (froms.size() < 2) {
                    problems.add(name + ": Dockerfile is not multi-stage");
                }
                if (!dockerfile.matches("(?s).*RUN\\s+mvn\\s[^\\n]*package[^\\n]*-pl\\s+" + Pattern.quote(name) + "\\s+-am.*")) {
                    problems.add(name + ": Dockerfile does not build the module with mvn package -pl " + name + " -am");
                }
                Matcher user = USER.matcher(dockerfile.substring(lastFrom(dockerfile)));
                String last = null;
                while (user.find()) {
                    last = user.group(1);
                }
                if (last == null || last.equals("root") || last.equals("0") || last.startsWith("0:") || last.startsWith("root:")) {
                    problems.add(name + ": the runtime stage runs as root (USER " + last + ")");
                }
            }
            if (service.has("user") && service.get("user").asText().matches("(0|root)(:.*)?")) {
                problems.add(name + ": compose runs it as root");
            }
            String options = environment(service).get("JAVA_TOOL_OPTIONS");
            Matcher xmx = options == null ? null : XMX.matcher(options);
            if (xmx == null || !xmx.find()) {
                problems.add(name + ": JAVA_TOOL_OPTIONS has no -Xmx heap cap");
            } else if (megabytes(xmx.group(1), xmx.group(2)) > 512) {
                problems.add(name + ": heap cap " + xmx.group() + " is above 512 MB");
            }
        });
        return problems;
    }

    /**
     * Each Dockerfile copies the pom of every module the parent pom lists: Maven reads them all even for
     * {@code -pl MODULE -am}, and a module added to the parent pom but not to the Dockerfiles breaks the image builds.
     */
    List<String> reactorProblems() {
        List<String> modules = new ArrayList<>();
        try {
            Matcher module = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>")
                    .matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
            while (module.find()) {
                modules.add(module.group(1));
            }
        } catch (IOException e) {
            return List.of("cannot read the parent pom.xml: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (modules.isEmpty()) {
            problems.add("the parent pom.xml lists no modules");
        }
        dockerfiles.forEach((path, text) -> {
            if (!Pattern.compile("(?m)^COPY\\s+pom\\.xml\\s").matcher(text).find()) {
                problems.add(path + ": does not copy the parent pom.xml");
            }
            for (String module : modules) {
                if (!Pattern.compile("(?m)^COPY\\s+" + Pattern.quote(module) + "/pom\\.xml\\s").matcher(text).find()) {
                    problems.add(path + ": does not copy " + module + "/pom.xml, which the parent pom lists");
                }
            }
        });
        return problems;
    }

    /** The build context (the repository root) leaves out build output, the work folder and the git metadata. */
    List<String> dockerignoreProblems() {
        Set<String> patterns = dockerignore.stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
                .map(line -> line.replaceAll("^/+", "").replaceAll("/+$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();
        for (String folder : List.of("target", "work", ".git")) {
            if (!patterns.contains(folder) && !patterns.contains("**/" + folder)) {
                problems.add(".dockerignore does not leave out " + folder + "/ (has " + patterns + ")");
            }
        }
        if (patterns.contains("target") && !patterns.contains("**/target")) {
            problems.add(".dockerignore leaves out target/ only at the root; module builds need **/target/");
        }
        return problems;
    }

    /** The advertised address other containers use: the listener whose host is the broker's service name. */
    String internalListener() {
        String kafkaName = kafkaServiceName();
        if (kafkaName == null) {
            return null;
        }
        JsonNode kafka = services(compose).get(kafkaName);
        Set<String> names = new TreeSet<>(List.of(kafkaName, kafka.path("hostname").asText(kafkaName)));
        return listenerMap(environment(kafka).get("KAFKA_ADVERTISED_LISTENERS")).values().stream()
                .filter(address -> names.contains(address.substring(0, address.lastIndexOf(':'))))
                .findFirst().orElse(null);
    }

    String kafkaServiceName() {
        return services(compose).entrySet().stream()
                .filter(e -> e.getValue().path("image").asText().startsWith("apache/kafka:")
                        && environment(e.getValue()).containsKey("KAFKA_LISTENERS"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    static Map<String, JsonNode> services(JsonNode compose) {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            services.put(e.getKey(), e.getValue());
        }
        return services;
    }

    /** The environment as name to value, from the map or the list form. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else {
            for (JsonNode entry : node) {
                String text = entry.asText();
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return env;
    }

    /** A tag that is not latest, or a digest; the registry part's port is not a tag. */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        if (colon < 0) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest") && !tag.contains("$");
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ComposeProject.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec/compose-spec.json is not on the test classpath");
            }
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(in);
            // the fix-ups SOURCE.md names: a draft-07 meta-schema URI and an absolute $id for resolving #/definitions
            schema.put("$schema", "http://json-schema.org/draft-07/schema#");
            schema.put("$id", "https://compose-spec.io/compose-spec.json");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's Dockerfile with its build.args filled in where the text says $NAME or ${NAME}; null if not read. */
    private String dockerfileFor(JsonNode service) {
        String text = dockerfiles.get(dockerfilePath(service));
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, String> arg : buildArgs(service).entrySet()) {
            if (arg.getValue() != null) {
                text = text.replaceAll("\\$\\{" + Pattern.quote(arg.getKey()) + "\\}|\\$" + Pattern.quote(arg.getKey()) + "\\b",
                        Matcher.quoteReplacement(arg.getValue()));
            }
        }
        return text;
    }

    /** build.args as name to value, from the map or the list form (a name without value is null). */
    private static Map<String, String> buildArgs(JsonNode service) {
        Map<String, String> args = new LinkedHashMap<>();
        JsonNode node = service.path("build").path("args");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else {
            for (JsonNode entry : node) {
                String text = entry.asText();
                int eq = text.indexOf('=');
                args.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return args;
    }

    private static String dockerfilePath(JsonNode service) {
        JsonNode build = service.get("build");
        if (build == null) {
            return null;
        }
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        return normalise(Path.of(context).resolve(dockerfile).normalize().toString());
    }

    private static List<String> dependencyNames(JsonNode dependsOn) {
        List<String> names = new ArrayList<>();
        if (dependsOn.isArray()) {
            dependsOn.forEach(n -> names.add(n.asText()));
        } else {
            dependsOn.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static boolean hasHealthcheck(JsonNode service) {
        JsonNode health = service.path("healthcheck");
        if (health.path("disable").asBoolean(false)) {
            return false;
        }
        JsonNode test = health.path("test");
        if (test.isTextual()) {
            return !test.asText().isBlank();
        }
        return test.isArray() && test.size() >= 2 && !test.get(0).asText().equals("NONE")
                && !test.get(test.size() - 1).asText().isBlank();
    }

    /** LISTENER_NAME to host:port, from {@code NAME://host:port,...}. */
    private static Map<String, String> listenerMap(String listeners) {
        Map<String, String> map = new LinkedHashMap<>();
        if (listeners == null) {
            return map;
        }
        for (String listener : listeners.split(",")) {
            int sep = listener.indexOf("://");
            if (sep > 0) {
                map.put(listener.substring(0, sep).trim(), listener.substring(sep + 3).trim());
            }
        }
        return map;
    }

    private static Map<String, String> pairs(String text, char separator) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String pair : text.split(",")) {
            int sep = pair.indexOf(separator);
            if (sep > 0) {
                map.put(pair.substring(0, sep).trim(), pair.substring(sep + 1).trim());
            }
        }
        return map;
    }

    private static String port(String address) {
        return address == null ? "" : address.substring(address.lastIndexOf(':') + 1);
    }

    /** Published ports as CONTAINER->HOST. */
    private static Set<String> publishedPorts(JsonNode service) {
        Set<String> ports = new TreeSet<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                ports.add(port.path("target").asText() + "->" + port.path("published").asText());
            } else {
                String[] parts = port.asText().split(":");
                String container = parts[parts.length - 1].replaceAll("/.*", "");
                String host = parts.length >= 2 ? parts[parts.length - 2] : "";
                ports.add(container + "->" + host);
            }
        }
        return ports;
    }

    private static String commandText(JsonNode service) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("entrypoint", "command")) {
            JsonNode node = service.path(key);
            if (node.isTextual()) {
                parts.add(node.asText());
            } else if (node.isArray()) {
                node.forEach(n -> parts.add(n.asText()));
            }
        }
        return parts.stream().collect(Collectors.joining(" "));
    }

    private static int lastFrom(String dockerfile) {
        Matcher from = FROM.matcher(dockerfile);
        int start = 0;
        while (from.find()) {
            start = from.start();
        }
        return start;
    }

    private static long megabytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit.toLowerCase()) {
            case "g" -> n * 1024;
            case "m" -> n;
            case "k" -> n / 1024;
            default -> n / (1024 * 1024);
        };
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("./") || p.startsWith("/") || p.startsWith("..") ? p : "./" + p;
    }
}
