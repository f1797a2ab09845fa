package dev.khabar.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import dev.khabar.model.Json;

/**
 * The services' logback configuration logs text by default and one JSON object per line with KHABAR_LOG_FORMAT=json;
 * the four modules ship the same three files, so this one classpath's copy speaks for all.
 */
class LogFormatTest {

    private static final List<String> MODULES = List.of("ingest-producer", "enrich-streams", "sink-consumer", "local-stack");
    private static final List<String> FILES = List.of("logback.xml", "logback-text.xml", "logback-json.xml");
    private static final String TEXT_LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.k\\.i\\.InboxWatcher - Published a\\.txt -> id "
            + "abc at articles\\.raw-1@7\\R";

    @Test
    void everyServiceShipsTheSameLogConfiguration() throws Exception {
        for (String file : FILES) {
            String first = Files.readString(resources(MODULES.get(0)).resolve(file));
            for (String module : MODULES) {
                assertEquals(first, Files.readString(resources(module).resolve(file)), module + "/" + file);
            }
        }
    }

    @Test
    void textIsTheDefault() throws Exception {
        for (String format : new String[] {null, "text"}) {
            String out = log(format);
            assertTrue(out.matches(TEXT_LINE), format + ": " + out);
        }
    }

    @Test
    void jsonGivesOneObjectPerLineWithTheFormattedMessage() throws Exception {
        String out = log("json");
        String[] lines = out.split("\\R");
        assertEquals(1, lines.length, out);
        JsonNode line = Json.mapper().readTree(lines[0]);
        assertEquals("INFO", line.path("level").asText(), out);
        assertEquals("dev.khabar.ingest.InboxWatcher", line.path("loggerName").asText(), out);
        assertEquals("Published a.txt -> id abc at articles.raw-1@7", line.path("formattedMessage").asText(), out);
        assertEquals("Published {} -> id {} at {}", line.path("message").asText(), out);
        assertTrue(line.path("timestamp").asLong() > 0, out);
    }

    @Test
    void anUnknownFormatIsReportedAtStartUp() throws Exception {
        LoggerContext context = configure("xml");
        List<Status> warnings = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        assertTrue(warnings.stream().anyMatch(s -> s.getMessage().contains("logback-xml.xml")), warnings.toString());
        context.stop();
    }

    @Test
    void anUnknownFormatStillLogsText() throws Exception {
        String out = log("JSON ");
        assertTrue(out.matches(TEXT_LINE), out);
    }

    @Test
    void theKnownFormatsConfigureWithoutWarningsThatLogbackWouldPrint() throws Exception {
        for (String format : new String[] {null, "text", "json"}) {
            LoggerContext context = configure(format);
            List<Status> warnings = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(s -> s.getLevel() >= Status.WARN).toList();
            assertEquals(List.of(), warnings, String.valueOf(format));
            context.stop();
        }
    }

    private static Path resources(String module) {
        return Path.of("..", module, "src", "main", "resources");
    }

    /** Configures a fresh context from logback.xml and logs one line, returning what reached System.out. */
    private static String log(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = configure(format);
            Logger logger = context.getLogger("dev.khabar.ingest.InboxWatcher");
            logger.info("Published {} -> id {} at {}", "a.txt", "abc", "articles.raw-1@7");
            context.getLogger("org.apache.kafka.clients.Metadata").info("hidden below WARN");
            context.stop();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static LoggerContext configure(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (format != null) {
            // resolved like the environment variable: logback looks up context properties before the environment
            context.putProperty("KHABAR_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = resources("local-stack").resolve("logback.xml").toUri().toURL();
        configurator.doConfigure(config);
        return context;
    }
}
