package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntityCatalogTest {

    private static final EntityCatalog CATALOG = EntityCatalog.standard();

    /** The id of the one catalogue name that spans the whole text, or null. */
    private static String idOf(String text) {
        List<Token> words = EntityCatalog.words(text);
        List<EntityCatalog.Match> found = CATALOG.matches(words);
        if (found.size() != 1 || found.get(0).first() != 0 || found.get(0).last() != words.size() - 1) {
            return null;
        }
        return found.get(0).entry().id();
    }

    @ParameterizedTest
    @ValueSource(strings = {"داعش", "الدولة الإسلامية", "تنظيم الدولة", "لداعش", "بتنظيم الدولة الإسلامية", "ISIS", "ISIL",
        "Islamic State", "Daesh", "État islamique", "Etat islamique", "groupe État islamique", "Daech"})
    void everySpellingOfIslamicStateSharesOneId(String name) {
        assertEquals("org:isis", idOf(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"العراق", "بالعراق", "والعراق", "للعراق", "عراق", "Iraq", "Irak"})
    void iraqInEveryLanguageAndWithCliticsIsCountryIq(String name) {
        assertEquals("country:IQ", idOf(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"الأنبار", "الانبار", "محافظة الأنبار", "بالأنبار", "Anbar", "al-Anbar", "Al Anbar",
        "Al Anbar Governorate", "Al-Anbar"})
    void anbarInEveryLanguageIsSubdivisionIqAn(String name) {
        assertEquals("subdivision:IQ-AN", idOf(name));
    }

    @ParameterizedTest
    @CsvSource({"بغداد,city:IQ:baghdad", "Baghdad,city:IQ:baghdad", "Bagdad,city:IQ:baghdad",
        "محمد شياع السوداني,person:mohammed-shia-al-sudani", "Mohammed Shia al-Sudani,person:mohammed-shia-al-sudani",
        "Mohammed Chia al-Soudani,person:mohammed-shia-al-sudani", "الولايات المتحدة,country:US", "États-Unis,country:US",
        "US,country:US", "United States,country:US", "Syrie,country:SY", "سوريا,country:SY", "Damas,city:SY:damascus",
        "حزب الله,org:hezbollah", "Hezbollah,org:hezbollah", "الأمم المتحدة,org:united-nations", "ONU,org:united-nations",
        "Nations unies,org:united-nations", "Moscou,city:RU:moscow", "موسكو,city:RU:moscow", "Brexit,event:brexit",
        "بريكست,event:brexit", "Second World War,event:world-war-ii", "الحرب العالمية الثانية,event:world-war-ii",
        "Seconde Guerre mondiale,event:world-war-ii", "حيفا,city:IL:haifa", "Haïfa,city:IL:haifa",
        "كرم أبو سالم,place:kerem-shalom", "Kerem Shalom,place:kerem-shalom", "F-35,product:f-35", "إف-35,product:f-35",
        "إف 35,product:f-35", "Dôme de fer,product:iron-dome", "القبة الحديدية,product:iron-dome", "Shell,org:shell",
        "شركة شل,org:shell", "Cédéao,org:ecowas", "إيكواس,org:ecowas", "Francfort,place:frankfurt",
        "خام برنت,product:brent-crude", "Brent crude,product:brent-crude", "baril de Brent,product:brent-crude",
        "WTI,product:wti-crude", "خام غرب تكساس الوسيط,product:wti-crude", "Etihad Stadium,place:etihad-stadium",
        "Camp Nou,place:camp-nou", "كامب نو,place:camp-nou", "S&P 500,product:s-and-p-500", "CAC 40,product:cac-40",
        "كاك 40,product:cac-40", "Canal+,org:canal-plus", "Guyane,country:GF", "الشيخ زويد,city:EG:sheikh-zuweid",
        "مؤسسة النقد العربي السعودي,org:saudi-central-bank", "Saudi Central Bank,org:saudi-central-bank",
        "ديوان المظالم,org:board-of-grievances", "هيئة الأمر بالمعروف,org:cpvpv", "مليشيا الحوثي,org:houthis",
        "الحرم المكي الشريف,place:masjid-al-haram", "بيلد,org:bild", "Bild,org:bild",
        "دوري أبطال آسيا,event:afc-champions-league", "AFC Champions League,event:afc-champions-league",
        "UEFA Champions League,event:uefa-champions-league", "دوري عبداللطيف جميل,event:saudi-pro-league",
        "Saudi Pro League,event:saudi-pro-league", "الدوري الإنجليزي الممتاز,event:premier-league",
        "مركز الملك سلمان للإغاثة والأعمال الإنسانية,org:ksrelief", "KSrelief,org:ksrelief",
        "حفر الباطن,city:SA:hafar-al-batin", "بمحافظة حفر الباطن,city:SA:hafar-al-batin",
        "جامعة الملك سعود,org:king-saud-university", "المرصد السوري لحقوق الإنسان,org:sohr",
        "الاتحاد السوفياتي,place:soviet-union", "Soviet Union,place:soviet-union", "الدنمارك,country:DK",
        "بي.بي.سي,org:bbc", "iOS,product:ios", "مدينة الخليل,city:PS:hebron", "Hebron,city:PS:hebron",
        "بوادي الدواسر,city:SA:wadi-ad-dawasir", "Nokia,org:nokia", "نوكيا,org:nokia",
        "الكلاشينكوف,product:ak-47", "كأس السوبر السعودي,event:saudi-super-cup", "Oscars,event:academy-awards"})
    void namesOfOneEntityShareItsId(String name, String id) {
        assertEquals(id, idOf(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EI", "ei", "us", "السورية", "nome", "الشرقية", "الجزيرة", "central", "المنطقة المركزية",
        "المنطقة الشمالية"})
    void ambiguousShortOrLowerCaseWordsAreNotNames(String text) {
        assertEquals(null, idOf(text), text);
    }

    @Test
    void widelyReportedEntitiesHaveOneIdAndTheirOrdinaryWordsNone() {
        Map<String, String> ids = Map.ofEntries(Map.entry("باراك أوباما", "person:barack-obama"),
                Map.entry("أوباما", "person:barack-obama"), Map.entry("Obama", "person:barack-obama"),
                Map.entry("جورج بوش", "person:george-w-bush"), Map.entry("جيب بوش", "person:jeb-bush"),
                Map.entry("الفيفا", "org:fifa"), Map.entry("فيفا", "org:fifa"), Map.entry("FIFA", "org:fifa"),
                Map.entry("الإخوان", "org:muslim-brotherhood"), Map.entry("الأهلي المصري", "org:al-ahly"),
                Map.entry("الأهلي السعودي", "org:al-ahli-saudi"), Map.entry("نيويورك تايمز", "org:new-york-times"),
                Map.entry("جدة", "place:jeddah"), Map.entry("بجدة", "place:jeddah"), Map.entry("مكة المكرمة", "place:mecca"),
                Map.entry("أوروبا", "place:europe"), Map.entry("أمريكا اللاتينية", "place:latin-america"),
                Map.entry("الخليج", "place:persian-gulf"), Map.entry("طرابلس اللبنانية", "place:tripoli-lebanon"),
                Map.entry("طرابلس", "city:LY:tripoli"), Map.entry("Tripoli", "city:LY:tripoli"),
                Map.entry("مدينة الكويت", "city:KW:kuwait"), Map.entry("عين العرب", "place:kobani"),
                Map.entry("Genève", "place:geneva"), Map.entry("منطقة اليورو", "place:eurozone"));
        ids.forEach((name, id) -> assertEquals(id, idOf(name), name));
        // words of the news that are also a name's part: الخبر (the news; Khobar), الأهلي, الاتحاد, الهلال, النصر (club
        // names), مشهد (a scene; Mashhad), النيل من (to harm; the Nile), المتوسط (average), ظريف (witty), صدام (clash),
        // كسرت and كسبها (broke, won it: ك with Sirte, Sabha), سول (Soul; Seoul), برشلونة (the city as much as the club)
        for (String word : List.of("الخبر", "الأهلي", "الاتحاد", "الهلال", "النصر", "مشهد", "النيل", "المتوسط", "ظريف",
                "صدام", "هادي", "صالح", "مبارك", "ميتا", "كسرت", "كسبها", "سول", "برشلونة", "Amal", "May", "Bush",
                "Chelsea")) {
            String id = idOf(word);  // a one-word subdivision name (سرت) is linked only where the recogniser finds it
            assertTrue(id == null || id.startsWith("subdivision:") || underMention(word), () -> word + ": " + id);
        }
        assertTrue(underMention("عنيزة") && underMention("النيل") && underMention("ينبع"));  // the catalogue's ~ names
        assertFalse(underMention("مدينة مشهد") || underMention("نهر النيل") || underMention("محافظة ينبع"));
    }

    private static boolean underMention(String text) {
        List<EntityCatalog.Match> found = CATALOG.matches(EntityCatalog.words(text));
        return found.size() == 1 && found.get(0).underMention();
    }

    @Test
    void displayNamesFollowTheLanguageAndFallBackToEnglish() {
        EntityCatalog.Entry iraq = CATALOG.entry("country:IQ");
        assertEquals("العراق", iraq.name("ar"));
        assertEquals("Iraq", iraq.name("en"));
        assertEquals("Irak", iraq.name("fr"));
        assertEquals("Iraq", iraq.name("de"));
        assertEquals("الأنبار", CATALOG.entry("subdivision:IQ-AN").name("ar"));
    }

    @Test
    void showsASubdivisionByItsFullNameWhereAnotherEntityHasItsShortName() {
        EntityCatalog.Entry region = CATALOG.entry("subdivision:SA-01");
        assertEquals("الرياض", CATALOG.entry("city:SA:riyadh").name("ar"));
        assertEquals("منطقة الرياض", region.name("ar"));
        assertEquals("Riyadh Province", region.name("en"));
        assertEquals("Baghdad Governorate", CATALOG.entry("subdivision:IQ-BG").name("en"));
        assertEquals("Al Anbar", CATALOG.entry("subdivision:IQ-AN").name("en"));  // no other Anbar
    }

    @Test
    void citiesOfTheTimeZoneDatabaseCarryTheirCountryInTheirId() {
        assertEquals("LOCATION", CATALOG.entry("city:FR:paris").type());
        assertEquals("Tokyo", CATALOG.entry("city:JP:tokyo").name("en"));
        assertTrue(CATALOG.size() > 4000, () -> "entries: " + CATALOG.size());
    }

    @Test
    void leavesNamesMadeOfGenericWordsUnlinked() {
        List<String> ids = CATALOG.matches(EntityCatalog.words("انسحب داعش إلى الصحراء الغربية في الأنبار"))
                .stream().map(m -> m.entry().id()).toList();
        assertEquals(List.of("org:isis", "subdivision:IQ-AN"), ids);
        assertEquals(List.of("country:EH"), CATALOG.matches(EntityCatalog.words("talks on Western Sahara")).stream()
                .map(m -> m.entry().id()).toList());
    }

    @Test
    void findsTheLongestNameLeftToRight() {
        List<Token> words = EntityCatalog.words("قالت قوات سوريا الديمقراطية إن داعش هاجم سوريا");
        List<String> ids = CATALOG.matches(words).stream().map(m -> m.entry().id()).toList();
        assertEquals(List.of("org:sdf", "org:isis", "country:SY"), ids);
    }
}
