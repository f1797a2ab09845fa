package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class RecognizerRoutingTest {

    @Test
    void sendsArabicToTheBundledModelAndOtherLanguagesToTheGazetteer() {
        EntityRecognizer standard = EntityRecognizer.standard();
        List<Entity> english = standard.recognize("Talks in Paris and Baghdad ended.", "en");
        assertEquals(List.of("Paris", "Baghdad"), english.stream().map(Entity::text).toList());
        assertTrue(english.stream().allMatch(e -> e.source().equals("gazetteer")));
        List<Entity> arabic = standard.recognize("التقى الرئيس الفرنسي إيمانويل ماكرون نظيره العراقي في باريس.", "ar-IQ");
        assertTrue(arabic.stream().anyMatch(e -> e.source().equals("model")), arabic::toString);
        assertTrue(standard.version().startsWith("ar=ner-ar-"), standard.version());
    }

    @Test
    void copesWithEmptyAndOddText() {
        for (String text : List.of("", "   ", "ـ", "؟؟ ..", "\uD83D\uDE00 ـــ و ب ل", "ﻻ إله", "123 456")) {
            for (Entity e : EntityRecognizer.standard().recognize(text, "ar")) {
                assertEquals(e.text(), ArabicTokenizationTest.codePoints(text, e.start(), e.end()));
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

    private static List<String> facilities(String text, Clitics clitics) {
        List<Token> tokens = Tokenizer.tokenize(text);
        Clitics.Split[] splits = tokens.stream().map(t -> clitics.split(t.norm())).toArray(Clitics.Split[]::new);
        return FacilityRule.find(tokens, splits).stream()
                .map(span -> text.substring(tokens.get(span[0]).start(), tokens.get(span[1]).end())).toList();
    }
}
