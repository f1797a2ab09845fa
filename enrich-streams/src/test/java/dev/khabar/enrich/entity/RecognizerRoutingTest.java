package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class RecognizerRoutingTest {

    @Test
    void sendsArabicEnglishAndFrenchToTheirModelsAndOtherLanguagesToTheGazetteer() {
        EntityRecognizer standard = EntityRecognizer.standard();
        List<Entity> german = standard.recognize("Gespräche in Paris und Baghdad endeten.", "de");
        assertEquals(List.of("Paris", "Baghdad"), german.stream().map(Entity::text).toList());
        assertTrue(german.stream().allMatch(e -> e.source().equals("gazetteer")));
        List<Entity> arabic = standard.recognize("التقى الرئيس الفرنسي إيمانويل ماكرون نظيره العراقي في باريس.", "ar-IQ");
        assertTrue(arabic.stream().anyMatch(e -> e.source().equals("model")), arabic::toString);
        List<Entity> english = standard.recognize("Talks between Microsoft and the European Commission ended.", "en-GB");
        assertTrue(english.stream().anyMatch(e -> e.source().equals("model")), english::toString);
        List<Entity> french = standard.recognize("Le ministre Bruno Le Maire a rencontré les syndicats à Lyon.", "fr");
        assertTrue(french.stream().anyMatch(e -> e.source().equals("model")), french::toString);
        assertTrue(standard.version().matches("ar=ner-ar-\\S+; en=ner-en-\\S+; fr=ner-fr-\\S+; other=.+"),
                standard.version());
    }

    @Test
    void copesWithEmptyAndOddText() {
        for (String text : List.of("", "   ", "ـ", "؟؟ ..", "\uD83D\uDE00 ـــ و ب ل", "ﻻ إله", "123 456", "U.S.",
                "\uD83D\uDE00 Mr. . . ! ? O'Neil", "ÉTATS-UNIS : LE PRÉSIDENT À PARIS")) {
            for (String language : List.of("ar", "en", "fr")) {
                for (Entity e : EntityRecognizer.standard().recognize(text, language)) {
                    assertEquals(e.text(), ArabicTokenizationTest.codePoints(text, e.start(), e.end()));
                }
            }
        }
    }

    @Test
    void findsFacilityNamesAfterTriggerNouns() {
        Clitics clitics = new Clitics(Map.of());
        assertEquals(List.of("عين الأسد"), facilities("وصلت القوات إلى قاعدة عين الأسد الجوية بالعراق", clitics));
        assertEquals(List.of("التنف"), facilities("في قاعدة التنف في سوريا", clitics));
        assertEquals(List.of(), facilities("تملك قاعدة شعبية واسعة وقاعدة أمريكية", clitics));
    }

    @Test
    void leavesACommonWordAfterATriggerNounAlone() {
        Clitics clitics = new Clitics(Map.of());
        String camp = "وانضم اللاعب إلى معسكر التدريب في النمسا";
        assertEquals(List.of("التدريب"), facilities(camp, clitics));
        assertEquals(List.of(), facilities(camp, clitics, "التدريب"::equals));
        // the whole recogniser: الفريق is common in the training text and not a place name
        String text = "وانضم اللاعب إلى معسكر الفريق في النمسا";
        assertEquals(List.of("النمسا/LOCATION"), EntityRecognizer.standard().recognize(text, "ar").stream()
                .map(e -> e.text() + "/" + e.type()).toList());
    }

    @Test
    void leavesTheTeamOrPeopleACampHoldsAlone() {
        Clitics clitics = new Clitics(Map.of());
        assertEquals(List.of(), facilities("وانضم اللاعب إلى معسكر المنتخب في النمسا", clitics));
        assertEquals(List.of(), facilities("وعاد إلى مخيم اللاجئين", clitics));
        assertEquals(List.of("اليرموك"), facilities("وعاد إلى مخيم اليرموك", clitics));
    }

    @Test
    void readsPlacesAndInstitutionsNamedAfterARoyalAsOneName() {
        List<String> mentions = EntityRecognizer.standard().recognize(
                "وصل الوفد إلى مطار الملك عبد العزيز الدولي ونقل المصابون بمستشفى الملك فيصل التخصصي بعد عام.", "ar")
                .stream().map(e -> e.text() + "/" + e.type()).toList();
        assertEquals(List.of("مطار الملك عبد العزيز الدولي/LOCATION", "مستشفى الملك فيصل التخصصي/ORGANIZATION"),
                mentions);  // not the persons عبد العزيز الدولي and فيصل التخصصي; بمستشفى without its clitic
        List<Token> tokens = Tokenizer.tokenize("تخرج في جامعة الملك سعود عام 2005");
        Clitics.Split[] splits = tokens.stream().map(t -> new Clitics(Map.of()).split(t.norm()))
                .toArray(Clitics.Split[]::new);
        List<int[]> spans = FacilityRule.namedAfter(tokens, splits, "سعود"::equals);
        assertEquals(1, spans.size());
        assertEquals(List.of(2, 4), List.of(spans.get(0)[0], spans.get(0)[1]));  // عام ("year") is no part of the name
    }

    private static List<String> facilities(String text, Clitics clitics) {
        return facilities(text, clitics, word -> false);
    }

    private static List<String> facilities(String text, Clitics clitics, Predicate<String> commonWord) {
        List<Token> tokens = Tokenizer.tokenize(text);
        Clitics.Split[] splits = tokens.stream().map(t -> clitics.split(t.norm())).toArray(Clitics.Split[]::new);
        return FacilityRule.find(tokens, splits, k -> commonWord.test(splits[k].rest())).stream()
                .map(span -> text.substring(tokens.get(span[0]).start(), tokens.get(span[1]).end())).toList();
    }
}
