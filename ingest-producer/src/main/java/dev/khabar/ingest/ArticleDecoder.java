package dev.khabar.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import dev.khabar.model.ArticleIds;
import dev.khabar.model.Format;
import dev.khabar.model.Json;
import dev.khabar.model.RawArticle;
import dev.khabar.model.SourceInfo;

/**
 * Turns a file's bytes into raw articles: picks the format from the file name, refuses what is not text,
 * and decodes with the charset named by a BOM or an HTML {@code <meta>}, else UTF-8 when the bytes are valid
 * UTF-8, else the charset ICU4J detects.
 */
final class ArticleDecoder {

    static final String MALFORMED_REPLACED = "malformed_input_replaced";
    /** Share of replaced characters above which a file is rejected rather than published with a warning. */
    private static final double MAX_REPLACED_SHARE = 0.01;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private record Kind(Format format, String contentType, boolean lines) {
    }

    private record Decoded(String text, String charset, List<String> warnings) {
    }

    /**
     * @param name the file's name relative to the inbox
     */
    List<RawArticle> decode(String name, byte[] bytes, Instant ingestedAt) throws RejectedFileException {
        Kind kind = kindOf(name, bytes);
        if (bytes.length == 0) {
            throw new RejectedFileException(RejectReason.EMPTY, "The file is empty");
        }
        Decoded decoded = decodeText(bytes, kind);
        if (decoded.text().isBlank()) {
            throw new RejectedFileException(RejectReason.EMPTY, "The file holds only white space");
        }
        String sha = ArticleIds.sha256Hex(bytes);
        if (!kind.lines()) {
            if (kind.format() == Format.JSON) {
                requireJsonObject(decoded.text(), 0);
            }
            SourceInfo source = new SourceInfo(name, bytes.length, sha, kind.contentType(), decoded.charset(),
                    ingestedAt, null, decoded.warnings());
            return List.of(new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source,
                    kind.format(), stripBom(decoded.text())));
        }
        List<RawArticle> articles = new ArrayList<>();
        String[] lines = stripBom(decoded.text()).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            requireJsonObject(lines[i], i + 1);
            byte[] lineBytes = lines[i].getBytes(StandardCharsets.UTF_8);
            String lineSha = ArticleIds.sha256Hex(lineBytes);
            SourceInfo source = new SourceInfo(name, bytes.length, lineSha, kind.contentType(), decoded.charset(),
                    ingestedAt, i + 1, decoded.warnings());
            articles.add(new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(lineSha), source,
                    Format.JSON, lines[i]));
        }
        if (articles.isEmpty()) {
            throw new RejectedFileException(RejectReason.EMPTY, "The JSON Lines file has no records");
        }
        return articles;
    }

    private static Kind kindOf(String name, byte[] bytes) throws RejectedFileException {
        String lower = name.toLowerCase(Locale.ROOT);
        String magic = binaryMagic(bytes);
        if (magic != null) {
            throw new RejectedFileException(RejectReason.NOT_TEXT, "The file is binary (" + magic + "), not text");
        }
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "txt", "text" -> new Kind(Format.TEXT, "text/plain", false);
            case "md", "markdown" -> new Kind(Format.MARKDOWN, "text/markdown", false);
            case "html", "htm" -> new Kind(Format.HTML, "text/html", false);
            case "json" -> new Kind(Format.JSON, "application/json", false);
            case "jsonl", "ndjson" -> new Kind(Format.JSON, "application/x-ndjson", true);
            default -> throw new RejectedFileException(RejectReason.UNSUPPORTED_TYPE, extension.isEmpty()
                    ? "Files without an extension are not supported; use .txt, .md, .html, .json or .jsonl"
                    : "Files of type ." + extension + " are not supported; use .txt, .md, .html, .json or .jsonl");
        };
    }

    /** A name for the binary format {@code bytes} start with, or null for what may be text. */
    static String binaryMagic(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) {
            return "PDF";
        }
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "ZIP";
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "PNG";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG";
        }
        if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
            return "GIF";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip";
        }
        if (startsWith(b, 0x7F, 0x45, 0x4C, 0x46)) {
            return "ELF executable";
        }
        if (bomCharset(b) == null) {
            for (int i = 0; i < Math.min(b.length, 8192); i++) {
                if (b[i] == 0) {
                    return "NUL bytes";
                }
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset bomCharset(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static Decoded decodeText(byte[] bytes, Kind kind) throws RejectedFileException {
        Charset charset = bomCharset(bytes);
        int skip = charset == null ? 0 : (charset == StandardCharsets.UTF_8 ? 3 : 2);
        if (charset == null && kind.format() == Format.HTML) {
            charset = metaCharset(bytes);
        }
        if (charset == null && isValidUtf8(bytes)) {
            charset = StandardCharsets.UTF_8;
        }
        if (charset == null) {
            charset = detect(bytes);
        }
        String text = new String(bytes, skip, bytes.length - skip, charset);
        long replaced = text.chars().filter(c -> c == '\uFFFD').count();
        List<String> warnings = new ArrayList<>();
        if (replaced > 0) {
            if (replaced > Math.max(1, text.length() * MAX_REPLACED_SHARE)) {
                throw new RejectedFileException(RejectReason.DECODE_ERROR, replaced + " of " + text.length()
                        + " characters cannot be decoded as " + charset.name());
            }
            warnings.add(MALFORMED_REPLACED);
        }
        return new Decoded(text, charset.name(), warnings);
    }

    private static Charset metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
        return null;
    }

    private static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset detect(byte[] bytes) throws RejectedFileException {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (Charset.isSupported(match.getName())) {
                return Charset.forName(match.getName());
            }
        }
        throw new RejectedFileException(RejectReason.DECODE_ERROR, "The text's charset cannot be determined");
    }

    private static void requireJsonObject(String text, int line) throws RejectedFileException {
        try {
            JsonNode node = Json.mapper().readTree(stripBom(text));
            if (node == null || !node.isObject()) {
                throw new RejectedFileException(RejectReason.INVALID_JSON, where(line) + "is not a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new RejectedFileException(RejectReason.INVALID_JSON,
                    where(line) + "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String where(int line) {
        return line > 0 ? "Line " + line + " " : "The file ";
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
