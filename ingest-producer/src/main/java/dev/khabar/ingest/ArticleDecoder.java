package dev.khabar.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
 * Turns a file's bytes into raw articles: picks the format from the file name, refuses what is not text, and
 * decodes with the charset named by a BOM or an HTML {@code <meta>}, else UTF-8 when the bytes are UTF-8, else the
 * charset ICU4J's {@link CharsetDetector} finds. Bytes the charset cannot decode are replaced by U+FFFD and
 * flagged in {@link SourceInfo#warnings()}; when they are more than one character in a hundred (and more than three) the file is
 * rejected as {@code decode_error} instead.
 */
final class ArticleDecoder {

    static final String MALFORMED_REPLACED = "malformed_input_replaced";
    /** Share of undecodable sequences above which a file is rejected rather than published with a warning. */
    private static final double MAX_REPLACED_SHARE = 0.01;
    /** One corrupted UTF-8 character can take three replacements; so many are always allowed. */
    private static final int MIN_REPLACED_ALLOWED = 3;
    /** ICU confidence (0-100) below which a detected charset is not trusted. */
    private static final int MIN_CONFIDENCE = 20;
    private static final int SNIFF_BYTES = 8192;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> ARTICLE_TEXT_FIELDS = List.of("title", "body", "text", "content");
    private static final String SUPPORTED = ".txt, .text, .md, .markdown, .html, .htm, .json, .jsonl or .ndjson";

    private record Kind(Format format, String contentType, boolean lines) {
    }

    record Decoded(String text, Charset charset, List<String> warnings) {
    }

    private record Bom(Charset charset, int length) {
    }

    /**
     * @param name the file's name relative to the inbox
     */
    List<RawArticle> decode(String name, byte[] bytes, Instant ingestedAt) throws RejectedFileException {
        if (bytes.length == 0) {
            throw new RejectedFileException(RejectReason.EMPTY, "The file is empty");
        }
        String magic = binaryMagic(bytes);
        if (magic != null) {
            throw new RejectedFileException(RejectReason.NOT_TEXT, "The file is binary (" + magic + "), not text");
        }
        Kind kind = kindOf(name);
        Decoded decoded = decodeText(bytes, kind.format() == Format.HTML);
        if (decoded.text().isBlank()) {
            throw new RejectedFileException(RejectReason.EMPTY, "The file holds only white space");
        }
        String charset = decoded.charset().name();
        if (!kind.lines()) {
            if (kind.format() == Format.JSON) {
                requireArticleObject(decoded.text(), 0);
            }
            String sha = ArticleIds.sha256Hex(bytes);
            SourceInfo source = new SourceInfo(name, bytes.length, sha, kind.contentType(), charset, ingestedAt,
                    null, decoded.warnings());
            return List.of(new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(sha), source,
                    kind.format(), decoded.text()));
        }
        List<RawArticle> articles = new ArrayList<>();
        String[] lines = decoded.text().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            requireArticleObject(lines[i], i + 1);
            String lineSha = ArticleIds.sha256Hex(lines[i].getBytes(StandardCharsets.UTF_8));
            SourceInfo source = new SourceInfo(name, bytes.length, lineSha, kind.contentType(), charset, ingestedAt,
                    i + 1, decoded.warnings());
            articles.add(new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.fromSha256(lineSha), source,
                    Format.JSON, lines[i]));
        }
        if (articles.isEmpty()) {
            throw new RejectedFileException(RejectReason.EMPTY, "The JSON Lines file has no records");
        }
        return articles;
    }

    private static Kind kindOf(String name) throws RejectedFileException {
        String fileName = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "txt", "text" -> new Kind(Format.TEXT, "text/plain", false);
            case "md", "markdown" -> new Kind(Format.MARKDOWN, "text/markdown", false);
            case "html", "htm" -> new Kind(Format.HTML, "text/html", false);
            case "json" -> new Kind(Format.JSON, "application/json", false);
            case "jsonl", "ndjson" -> new Kind(Format.JSON, "application/x-ndjson", true);
            default -> throw new RejectedFileException(RejectReason.UNSUPPORTED_TYPE, extension.isEmpty()
                    ? "Files without an extension are not supported; use " + SUPPORTED
                    : "Files of type ." + extension + " are not supported; use " + SUPPORTED);
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
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "MS Office compound document";
        }
        if (bom(b) == null) {
            for (int i = 0; i < Math.min(b.length, SNIFF_BYTES); i++) {
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

    private static Bom bom(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00) && Charset.isSupported("UTF-32LE")) {
            return new Bom(Charset.forName("UTF-32LE"), 4);
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) && Charset.isSupported("UTF-32BE")) {
            return new Bom(Charset.forName("UTF-32BE"), 4);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /**
     * Decodes text: a BOM wins, then (for HTML) a {@code <meta>} charset, then UTF-8 if the bytes are UTF-8 with at
     * most a few broken sequences, then ICU4J's detection.
     */
    static Decoded decodeText(byte[] bytes, boolean html) throws RejectedFileException {
        Bom bom = bom(bytes);
        if (bom != null) {
            return decodeWith(bytes, bom.length(), bom.charset());
        }
        if (html) {
            Charset declared = metaCharset(bytes);
            if (declared != null) {
                return decodeWith(bytes, 0, declared);
            }
        }
        Counted utf8 = decodeCounting(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.malformed() == 0 || (utf8.nonAscii() >= 2 * utf8.malformed() && acceptable(utf8))) {
            return decodeWith(bytes, 0, StandardCharsets.UTF_8);
        }
        return decodeWith(bytes, 0, detect(bytes, html));
    }

    private static Decoded decodeWith(byte[] bytes, int offset, Charset charset) throws RejectedFileException {
        Counted counted = decodeCounting(bytes, offset, charset);
        List<String> warnings = new ArrayList<>();
        if (counted.malformed() > 0) {
            if (!acceptable(counted)) {
                throw new RejectedFileException(RejectReason.DECODE_ERROR, counted.malformed()
                        + " byte sequences of " + bytes.length + " bytes cannot be decoded as " + charset.name()
                        + " (more than one character in a hundred); save the file as UTF-8");
            }
            warnings.add(MALFORMED_REPLACED);
        }
        return new Decoded(counted.text(), charset, warnings);
    }

    private static boolean acceptable(Counted counted) {
        return counted.malformed() <= Math.max(MIN_REPLACED_ALLOWED, counted.text().length() * MAX_REPLACED_SHARE);
    }

    private record Counted(String text, int malformed, int nonAscii) {
    }

    /** Decodes with replacement, counting the malformed or unmappable sequences replaced. */
    private static Counted decodeCounting(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
                (long) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
        int malformed = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            if (result.isOverflow()) {
                out = grow(out);
                continue;
            }
            malformed++;
            in.position(in.position() + result.length());
            if (!out.hasRemaining()) {
                out = grow(out);
            }
            out.put('\uFFFD');
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        String text = out.toString();
        int nonAscii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F && c != '\uFFFD') {
                nonAscii++;
            }
        }
        return new Counted(text, malformed, nonAscii);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        return bigger.put(out);
    }

    private static Charset metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        String label = m.group(1).toLowerCase(Locale.ROOT);
        // as browsers do (WHATWG Encoding): these labels mean windows-1252
        if (label.equals("iso-8859-1") || label.equals("latin1") || label.equals("us-ascii") || label.equals("ascii")) {
            label = "windows-1252";
        }
        try {
            return Charset.forName(label);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Charset detect(byte[] bytes, boolean html) throws RejectedFileException {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(html);
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch match : matches) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            if (Charset.isSupported(match.getName())) {
                return Charset.forName(match.getName());
            }
        }
        throw new RejectedFileException(RejectReason.DECODE_ERROR, "The text's charset cannot be determined"
                + (matches.length == 0 ? "" : " (best guess " + matches[0].getName() + " at confidence "
                + matches[0].getConfidence() + "/100)") + "; save it as UTF-8");
    }

    private static void requireArticleObject(String text, int line) throws RejectedFileException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new RejectedFileException(RejectReason.INVALID_JSON,
                    where(line) + "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RejectedFileException(RejectReason.INVALID_JSON, where(line) + "is not a JSON object");
        }
        for (String field : ARTICLE_TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return;
            }
        }
        throw new RejectedFileException(RejectReason.EMPTY,
                where(line) + "has none of the text fields " + ARTICLE_TEXT_FIELDS + " with text in it");
    }

    private static String where(int line) {
        return line > 0 ? "Line " + line + " " : "The file ";
    }
}
