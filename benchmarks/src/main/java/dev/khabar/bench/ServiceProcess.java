package dev.khabar.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Khabar service run as its own JVM from the benchmark's own jar (which holds every service), with its
 * output in {@code logs/NAME.log} and its GC log beside it, so its CPU, peak RSS and heap are its own.
 */
final class ServiceProcess implements AutoCloseable {

    final String name;
    final Path gcLog;
    private final Process process;

    private ServiceProcess(String name, Path gcLog, Process process) {
        this.name = name;
        this.gcLog = gcLog;
        this.process = process;
    }

    static ServiceProcess start(String name, String mainClass, List<String> jvmArgs, List<String> args,
                                Map<String, String> extraEnv, Path logs) throws IOException {
        Path gcLog = logs.resolve(name + "-gc.log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("KHABAR_"));
        env.putAll(extraEnv);
        return new ServiceProcess(name, gcLog, builder.start());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, so the service stops cleanly (and a JFR recording is written); SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
