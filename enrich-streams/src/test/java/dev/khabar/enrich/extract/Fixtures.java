package dev.khabar.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;

/** Reads test fixtures from the classpath and wraps them as raw articles. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return Json.mapper().readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawArticle raw(Format format, String content) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, "test-" + Integer.toHexString(content.hashCode()), null,
                format, content);
    }

    static Extraction extract(Format format, String content) {
        return ArticleExtractor.standard().extract(raw(format, content));
    }
}
