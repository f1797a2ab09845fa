package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.khabar.model.Format;
import dev.khabar.model.RawArticle;

class ArticleDecoderTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final ArticleDecoder decoder = new ArticleDecoder();

    private RawArticle one(String name, byte[] bytes) throws RejectedFileException {
        List<RawArticle> articles = decoder.decode(name, bytes, NOW);
        assertEquals(1, articles.size());
        return articles.get(0);
    }

    private RejectedFileException rejected(String name, byte[] bytes) {
        return assertThrows(RejectedFileException.class, () -> decoder.decode(name, bytes, NOW));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @ParameterizedTest
    @CsvSource({
            "ARABIC, windows-1256",
            "ARABIC, ISO-8859-6",
            "ARABIC_2, windows-1256",
            "ARABIC_2, ISO-8859-6",
            "FRENCH, windows-1252",
            "GERMAN, ISO-8859-1"})
    void detectsLegacyCharsetWithIcuAndRecordsIt(String sample, String charset) throws Exception {
        String text = (String) Samples.class.getDeclaredField(sample).get(null);
        RawArticle article = one("news.txt", text.getBytes(Charset.forName(charset)));
        assertEquals(text, article.content());
        assertEquals(Charset.forName(charset).name(), article.source().charset());
        assertTrue(article.source().warnings().isEmpty());
    }

    /** The Arabic news seeds of the repository, re-encoded in the legacy Arabic charsets. */
    @ParameterizedTest
    @ValueSource(strings = {"windows-1256", "ISO-8859-6"})
    void detectsArabicSeedArticlesInLegacyCharsets(String charsetName) throws Exception {
        Charset charset = Charset.forName(charsetName);
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(seeds.isEmpty(), "seeds/ holds the Arabic sample articles");
        for (Path seed : seeds) {
            byte[] bytes = Files.readString(seed).getBytes(charset);
            RawArticle article = one(seed.getFileName().toString(), bytes);
            assertEquals(charset.name(), article.source().charset(), seed.toString());
            assertEquals(new String(bytes, charset), article.content(), seed.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void decodesUtf16WithBom(String charset) throws Exception {
        byte[] bom = charset.endsWith("LE") ? bytes(0xFF, 0xFE) : bytes(0xFE, 0xFF);
        RawArticle article = one("news.md", concat(bom, Samples.ARABIC.getBytes(Charset.forName(charset))));
        assertEquals(Samples.ARABIC, article.content());
        assertEquals(charset, article.source().charset());
        assertEquals(Format.MARKDOWN, article.format());
    }

    @Test
    void decodesUtf8WithAndWithoutBomAndDropsTheBom() throws Exception {
        byte[] plain = Samples.ARABIC.getBytes(StandardCharsets.UTF_8);
        RawArticle withBom = one("a.txt", concat(bytes(0xEF, 0xBB, 0xBF), plain));
        RawArticle without = one("b.txt", plain);
        assertEquals(Samples.ARABIC, withBom.content());
        assertEquals(Samples.ARABIC, without.content());
        assertEquals("UTF-8", withBom.source().charset());
        assertEquals("UTF-8", without.source().charset());
    }

    @Test
    void htmlKeepsRawMarkupAndUsesMetaCharset() throws Exception {
        String html = "<!DOCTYPE html><html lang=\"ar\"><head><meta charset=\"windows-1256\"><title>خبر</title></head>"
                + "<body><p>" + Samples.ARABIC + "</p></body></html>";
        RawArticle article = one("page.html", html.getBytes(Charset.forName("windows-1256")));
        assertEquals(html, article.content());
        assertEquals("windows-1256", article.source().charset());
        assertEquals(Format.HTML, article.format());
        assertEquals("text/html", article.source().contentType());
    }

    @Test
    void htmlMetaIso88591IsReadAsWindows1252LikeBrowsers() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                + "</head><body><p>" + Samples.FRENCH + "</p></body></html>";
        RawArticle article = one("page.htm", html.getBytes(Charset.forName("windows-1252")));
        assertEquals(html, article.content());
        assertEquals("windows-1252", article.source().charset());
    }

    @Test
    void replacesAFewInvalidUtf8BytesAndFlagsThem() throws Exception {
        byte[] good = Samples.ARABIC.getBytes(StandardCharsets.UTF_8);
        int boundary = "أعلنت وزارة الصحة ".getBytes(StandardCharsets.UTF_8).length;
        byte[] broken = concat(Arrays.copyOf(good, boundary), bytes(0xFF),
                Arrays.copyOfRange(good, boundary, good.length));
        RawArticle article = one("news.txt", broken);
        assertEquals("UTF-8", article.source().charset());
        assertEquals(List.of(ArticleDecoder.MALFORMED_REPLACED), article.source().warnings());
        assertEquals(Samples.ARABIC, article.content().replace("\uFFFD", ""));
        assertEquals(1, article.content().chars().filter(c -> c == 0xFFFD).count());
    }

    @Test
    void oneCorruptedCharacterIsReplacedNotRejected() throws Exception {
        byte[] good = Samples.ARABIC.getBytes(StandardCharsets.UTF_8);
        byte[] broken = good.clone();
        broken[41] = (byte) 0xFF; // inside a two-byte letter: lead byte, 0xFF and a stray continuation byte
        RawArticle article = one("news.txt", broken);
        assertEquals("UTF-8", article.source().charset());
        assertEquals(List.of(ArticleDecoder.MALFORMED_REPLACED), article.source().warnings());
    }

    @Test
    void rejectsMostlyUndecodableTextAsDecodeError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(0xFF, 0xFE));
        for (int i = 0; i < 50; i++) {
            out.writeBytes(bytes(0x00, 0xD8, 0x41, 0x00)); // a lone high surrogate, then 'A'
        }
        RejectedFileException e = rejected("news.txt", out.toByteArray());
        assertEquals(RejectReason.DECODE_ERROR, e.reason());
        assertTrue(e.getMessage().contains("UTF-16LE"), e.getMessage());
    }

    @Test
    void rejectsUndefinedBytesOfTheDeclaredCharsetAsDecodeError() {
        // 0xA1..0xA3 are not defined in ISO-8859-6
        byte[] head = "<html><head><meta charset=\"ISO-8859-6\"></head><body>".getBytes(StandardCharsets.US_ASCII);
        byte[] junk = new byte[200];
        Arrays.fill(junk, (byte) 0xA1);
        RejectedFileException e = rejected("page.html", concat(head, junk));
        assertEquals(RejectReason.DECODE_ERROR, e.reason());
    }

    @ParameterizedTest
    @CsvSource({
            "'25,50,44,46,2D,31', PDF",
            "'50,4B,03,04,14,00', ZIP",
            "'89,50,4E,47,0D,0A', PNG",
            "'FF,D8,FF,E0,00,10', JPEG",
            "'1F,8B,08,00,00,00', gzip",
            "'41,42,00,43,44,45', NUL bytes"})
    void rejectsBinaryAsNotText(String hex, String kind) {
        String[] parts = hex.split(",");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        RejectedFileException e = rejected("looks-like-text.txt", b);
        assertEquals(RejectReason.NOT_TEXT, e.reason());
        assertTrue(e.getMessage().contains(kind), e.getMessage());
    }

    @Test
    void rejectsEmptyAndWhiteSpaceOnlyFiles() {
        assertEquals(RejectReason.EMPTY, rejected("a.txt", new byte[0]).reason());
        assertEquals(RejectReason.EMPTY, rejected("b.txt", " \n\t\r\n ".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(RejectReason.EMPTY, rejected("c.jsonl", "\n\n  \n".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void rejectsUnsupportedTypeNamingTheTypeFound() {
        RejectedFileException docx = rejected("report.docx", "text".getBytes(StandardCharsets.UTF_8));
        assertEquals(RejectReason.UNSUPPORTED_TYPE, docx.reason());
        assertTrue(docx.getMessage().contains(".docx"), docx.getMessage());
        RejectedFileException none = rejected("sub.dir/README", "text".getBytes(StandardCharsets.UTF_8));
        assertEquals(RejectReason.UNSUPPORTED_TYPE, none.reason());
        assertTrue(none.getMessage().contains("without an extension"), none.getMessage());
    }

    @Test
    void acceptsJsonArticleObject() throws Exception {
        String json = "{\"title\":\"عنوان\",\"body\":\"" + Samples.ARABIC + "\",\"url\":\"https://example.org/a\","
                + "\"published\":\"2026-01-01T10:00:00Z\",\"author\":\"سارة\",\"language\":\"ar\"}";
        RawArticle article = one("article.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(Format.JSON, article.format());
        assertEquals(json, article.content());
        assertEquals("application/json", article.source().contentType());
    }

    @Test
    void rejectsJsonThatIsNotAnArticle() {
        assertEquals(RejectReason.INVALID_JSON, rejected("a.json", "{\"title\": ".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(RejectReason.INVALID_JSON, rejected("b.json", "[1,2]".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(RejectReason.EMPTY, rejected("c.json", "{\"url\":\"https://x\"}".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void publishesEachJsonLinesLineAsItsOwnRecord() throws Exception {
        String jsonl = "{\"title\":\"one\",\"text\":\"first\"}\n{\"title\":\"two\",\"content\":\"second\"}\n\n"
                + "{\"body\":\"" + Samples.ARABIC + "\"}\n";
        List<RawArticle> articles = decoder.decode("feed.jsonl", jsonl.getBytes(StandardCharsets.UTF_8), NOW);
        assertEquals(3, articles.size());
        assertEquals(List.of(1, 2, 4), articles.stream().map(a -> a.source().line()).toList());
        assertEquals("{\"title\":\"one\",\"text\":\"first\"}", articles.get(0).content());
        assertEquals(3, articles.stream().map(RawArticle::id).distinct().count());
        assertTrue(articles.get(2).content().contains(Samples.ARABIC));
    }

    @Test
    void rejectsJsonLinesNamingTheBadLine() {
        String jsonl = "{\"title\":\"one\"}\nnot json\n";
        RejectedFileException e = rejected("feed.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        assertEquals(RejectReason.INVALID_JSON, e.reason());
        assertTrue(e.getMessage().startsWith("Line 2"), e.getMessage());
    }

    @Test
    void idIsDerivedFromContentSoTheSameBytesGetTheSameKey() throws Exception {
        byte[] bytes = Samples.ENGLISH.getBytes(StandardCharsets.UTF_8);
        assertEquals(one("a.txt", bytes).id(), one("other name.txt", bytes).id());
        assertNotEquals(one("a.txt", bytes).id(), one("a.txt", (Samples.ENGLISH + "!").getBytes(StandardCharsets.UTF_8)).id());
        assertFalse(one("a.txt", bytes).id().isBlank());
    }
}
