package dev.khabar.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.ibm.icu.lang.UScript;

import dev.khabar.model.Language;

class NgramIdentifierTest {

    private static final LanguageIdentifier IDENTIFIER = LanguageIdentifier.standard();

    private static final String ARABIC = "أعلنت الحكومة اليوم عن خطة جديدة لتحسين الخدمات الصحية في المدن الكبرى، "
            + "وقال الوزير إن العمل سيبدأ في الشهر المقبل.";
    private static final String ENGLISH = "The minister said the new hospital would open next spring, although the "
            + "budget has not yet been approved by parliament.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ar | Arab | أعلنت الحكومة اليوم عن خطة جديدة لتحسين الخدمات الصحية في المدن الكبرى.
            en | Latn | The government announced a new plan to improve health services in the largest cities.
            fr | Latn | Le gouvernement a annoncé aujourd'hui un nouveau plan pour améliorer les services de santé.
            fa | Arab | دولت امروز برنامه‌ای تازه برای بهبود خدمات بهداشتی در شهرهای بزرگ اعلام کرد.
            ur | Arab | حکومت نے آج بڑے شہروں میں صحت کی سہولیات بہتر بنانے کے لیے ایک نیا منصوبہ پیش کیا۔
            de | Latn | Die Regierung hat heute einen neuen Plan zur Verbesserung der Gesundheitsversorgung vorgestellt.
            es | Latn | El gobierno anunció hoy un nuevo plan para mejorar los servicios de salud en las ciudades.
            ru | Cyrl | Правительство сегодня объявило о новом плане по улучшению медицинских услуг в крупных городах.
            tr | Latn | Hükümet bugün büyük şehirlerde sağlık hizmetlerini iyileştirmek için yeni bir plan açıkladı.
            zh | Hani | 政府今天宣布了一项改善大城市医疗服务的新计划。
            hi | Deva | सरकार ने आज बड़े शहरों में स्वास्थ्य सेवाओं को बेहतर बनाने के लिए एक नई योजना की घोषणा की।
            """)
    void identifiesNewsSentencesWithScriptAndHighConfidence(String code, String script, String sentence) {
        Language language = IDENTIFIER.identify(null, sentence);
        assertEquals(code, language.code(), sentence);
        assertEquals(script, language.script(), sentence);
        assertTrue(language.confidence() >= 0.9, () -> sentence + " -> " + language);
        assertNull(language.title());
        assertNull(language.mix());
    }

    @Test
    void tagsEveryArabicSeedAsArabicWithConfidenceAtLeastNinety() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of("../seeds"))) {
            seeds = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, seeds.size());
        for (Path seed : seeds) {
            List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
            String body = String.join("\n", lines.subList(1, lines.size()));
            Language language = IDENTIFIER.identify(lines.get(0), body);
            assertEquals("ar", language.code(), seed.toString());
            assertTrue(language.confidence() >= 0.9, () -> seed + " -> " + language);
            assertEquals("Arab", language.script());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "123 456", "!!! ... ???", "2026-11-23 19:50"})
    void returnsUndeterminedWithZeroConfidenceWithoutLetters(String text) {
        Language language = IDENTIFIER.identify(null, text);
        assertEquals("und", language.code());
        assertEquals(0.0, language.confidence());
    }

    @Test
    void returnsUndeterminedForNullTitleAndBody() {
        Language language = IDENTIFIER.identify(null, null);
        assertEquals("und", language.code());
        assertEquals("Zyyy", language.script());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "e", "o", "i"})
    void isUndeterminedOrUnsureOnASingleLatinLetter(String letter) {
        Language language = IDENTIFIER.identify(null, letter);
        assertTrue(language.code().equals("und") || language.confidence() < 0.5, language::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"taxi", "hotel", "radio", "internet", "video"})
    void givesLowConfidenceToWordsSharedByManyLanguages(String word) {
        Language language = IDENTIFIER.identify(null, word);
        assertTrue(language.confidence() < 0.6, () -> word + " -> " + language);
    }

    @Test
    void confidenceGrowsWithTheAmountOfText() {
        double word = IDENTIFIER.identify(null, "minister").confidence();
        double sentence = IDENTIFIER.identify(null, ENGLISH).confidence();
        assertTrue(sentence > word, () -> word + " vs " + sentence);
        assertTrue(sentence >= 0.95 && sentence <= 1.0, () -> String.valueOf(sentence));
    }

    @Test
    void separatesCloseLanguagesOfTheSameScript() {
        assertEquals("fa", IDENTIFIER.identify(null, "من امروز صبح به دانشگاه رفتم و با استادم صحبت کردم.").code());
        assertEquals("ur", IDENTIFIER.identify(null, "میں آج صبح یونیورسٹی گیا اور اپنے استاد سے بات کی۔").code());
        assertEquals("ar", IDENTIFIER.identify(null, "ذهبت صباح اليوم إلى الجامعة وتحدثت مع أستاذي.").code());
    }

    @Test
    void reportsTheTitleLanguageOnlyWhenItDiffersFromTheBody() {
        Language english = IDENTIFIER.identify("Government unveils new health plan for big cities", ARABIC);
        assertEquals("ar", english.code());
        assertNotNull(english.title());
        assertEquals("en", english.title().code());

        Language arabic = IDENTIFIER.identify("خطة حكومية جديدة لتحسين الخدمات الصحية", ARABIC);
        assertEquals("ar", arabic.code());
        assertNull(arabic.title());
    }

    @Test
    void usesTheTitleWhenTheBodyHasNoLetters() {
        Language language = IDENTIFIER.identify("Government unveils new health plan for big cities", "");
        assertEquals("en", language.code());
        assertNull(language.title());
    }

    @Test
    void reportsSharesForAnArabicArticleQuotingEnglish() {
        String body = ARABIC + "\n\n" + "وأضاف الوزير في مؤتمر صحفي أن الحكومة خصصت ميزانية كبيرة للمستشفيات الجديدة "
                + "في المحافظات الجنوبية، وأن التنفيذ سيستغرق ثلاث سنوات.\n\n"
                + "\"We are proud to support this programme and we expect the first clinics to open before the "
                + "summer,\" the ambassador told reporters in English.\n\n"
                + "ومن المتوقع أن يناقش البرلمان الخطة الأسبوع المقبل بعد أن يقدم الوزراء تقاريرهم النهائية.";
        Language language = IDENTIFIER.identify(null, body);
        assertEquals("ar", language.code());
        List<Language.LanguageShare> mix = language.mix();
        assertNotNull(mix, language::toString);
        assertEquals(List.of("ar", "en"), mix.stream().map(Language.LanguageShare::code).toList());
        double sum = mix.stream().mapToDouble(Language.LanguageShare::share).sum();
        assertEquals(1.0, sum, 0.01);
        assertTrue(mix.get(1).share() > 0.1 && mix.get(1).share() < 0.4, mix::toString);
    }

    @Test
    void reportsSharesForAFrenchArticleQuotingAnEnglishSentence() {
        String body = "Le président a rencontré les représentants des syndicats mardi matin à Paris. Les discussions "
                + "ont porté sur la réforme des retraites et sur les salaires des fonctionnaires.\n"
                + "\"We are very disappointed with the outcome of this meeting and we will continue our campaign "
                + "next week,\" said the British delegate.\n"
                + "Le gouvernement doit présenter un nouveau projet de loi avant la fin du mois, selon le ministère.";
        Language language = IDENTIFIER.identify("Pension talks end without a deal", body);
        assertEquals("fr", language.code());
        assertEquals("en", language.title().code());
        assertEquals(List.of("fr", "en"), language.mix().stream().map(Language.LanguageShare::code).toList());
    }

    @Test
    void leavesMixEmptyForAMonolingualBodyWithForeignNames() {
        String body = ARABIC + " وشارك في الاجتماع ممثلون عن منظمة WHO وشركة Siemens الألمانية.\n\n"
                + "وأكد المتحدث باسم الوزارة أن الخطة تشمل بناء عشرين مستشفى جديدا في السنوات الخمس المقبلة.";
        assertNull(IDENTIFIER.identify(null, body).mix());
    }

    @Test
    void splitsSegmentsAtSentenceEndsLineBreaksAndScriptChanges() {
        List<String> segments = NgramIdentifier.segments("قال الوزير the plan works جيدا. Next sentence\nnew line");
        assertEquals(List.of("قال الوزير ", "the plan works ", "جيدا. ", "Next sentence ", "new line "), segments);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plan.      | Latn
            «جيدا»     | Arab
            abcдж      | Latn
            abдже      | Cyrl
            abдж       | Cyrl
            aʹʹʹ       | Latn
            ʹʹ       | none
            2026,      | none
            """)
    void takesAWordsScriptFromTheMostOfItsLettersIgnoringCommonOnes(String word, String script) {
        int expected = script.equals("none") ? -1 : UScript.getCodeFromName(script);
        assertEquals(expected, NgramIdentifier.wordScript(word));
    }

    @Test
    void loadsOneSharedInstanceThatGivesTheSameAnswersFromManyThreads() throws Exception {
        assertSame(LanguageIdentifier.standard(), LanguageIdentifier.standard());
        Map<String, Language> expected = Map.of(ARABIC, IDENTIFIER.identify(null, ARABIC), ENGLISH,
                IDENTIFIER.identify(null, ENGLISH));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String text = i % 2 == 0 ? ARABIC : ENGLISH;
                results.add(pool.submit(() -> expected.get(text).equals(IDENTIFIER.identify(null, text))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void namesItsModelVersion() {
        assertTrue(IDENTIFIER.version().startsWith("ngram-"), IDENTIFIER.version());
    }
}
