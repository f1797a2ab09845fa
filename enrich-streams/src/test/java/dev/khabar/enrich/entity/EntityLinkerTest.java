package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.khabar.model.CanonicalEntity;
import dev.khabar.model.Entity;

class EntityLinkerTest {

    private static final EntityLinker LINKER = EntityLinker.standard();

    /** A model-style mention of {@code text}'s {@code n}th occurrence (0-based) in {@code body}. */
    private static Entity mention(String body, String text, int n, String type) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = body.indexOf(text, at + 1);
        }
        int start = body.codePointCount(0, at);
        return new Entity(text, type, start, start + text.codePointCount(0, text.length()), 0.8, "model");
    }

    @Test
    void mergesAnArabicSurnameIntoTheEarlierFullName() {
        String body = "قال رئيس الوزراء محمد شياع السوداني إن القوات ستبقى. وأضاف السوداني أن الحوار مستمر.";
        List<Entity> mentions = List.of(mention(body, "محمد شياع السوداني", 0, "PERSON"),
                mention(body, "السوداني", 1, "PERSON"));
        EntityLinker.Linked linked = LINKER.link(body, "ar", mentions);
        CanonicalEntity sudani = linked.canonical().get(0);
        assertEquals("person:mohammed-shia-al-sudani", sudani.id());
        assertEquals(2, sudani.mentions());
        assertEquals(List.of("محمد شياع السوداني", "السوداني"), sudani.aliases());
        assertEquals(body.indexOf("محمد"), sudani.firstOffset());
        assertEquals(0, linked.entities().get(0).canonical());
        assertEquals(0, linked.entities().get(1).canonical());
    }

    @Test
    void aMiscMentionOfACuratedOrganisationTakesItsTypeInTheRecord() {
        String body = "نشر الحساب صورا على فيسبوك، وقال إن اليورانيوم المخصب نقل.";
        List<Entity> mentions = List.of(mention(body, "فيسبوك", 0, "MISC"), mention(body, "اليورانيوم", 0, "MISC"));
        EntityLinker.Linked linked = LINKER.link(body, "ar", mentions);
        assertEquals(List.of("ORGANIZATION", "MISC"), linked.entities().stream().map(Entity::type).toList());
        assertEquals("org:facebook", linked.canonical().get(linked.entities().get(0).canonical()).id());
    }

    @Test
    void mergesALatinSurnameOfAPersonNotInTheCatalogue() {
        String body = "Jane Okafor met officials in Erbil. Okafor said talks went well, and Okafor left.";
        List<Entity> mentions = List.of(mention(body, "Jane Okafor", 0, "PERSON"), mention(body, "Okafor", 1, "PERSON"),
                mention(body, "Okafor", 2, "PERSON"));
        List<CanonicalEntity> canonical = LINKER.link(body, "en", mentions).canonical();
        CanonicalEntity okafor = canonical.get(0);
        assertNull(okafor.id());
        assertEquals("Jane Okafor", okafor.name());
        assertEquals(3, okafor.mentions());
        assertEquals("city:IQ:erbil", canonical.get(1).id());
    }

    @Test
    void showsAnUnlinkedNameAsTextWritesItRatherThanInADatelinesCapitals() {
        String body = "KHERSONKA, Dec 3 - Floods hit Khersonka on Tuesday, officials in Khersonka said.";
        List<Entity> mentions = List.of(mention(body, "KHERSONKA", 0, "LOCATION"),
                mention(body, "Khersonka", 0, "LOCATION"), mention(body, "Khersonka", 1, "LOCATION"));
        CanonicalEntity place = LINKER.link(body, "en", mentions).canonical().get(0);
        assertEquals("Khersonka", place.name());
        assertEquals(3, place.mentions());
        assertEquals(List.of("KHERSONKA", "Khersonka"), place.aliases());
    }

    @Test
    void mergesALaterCompoundFamilyNameIntoTheFullName() {
        String body = "قال وزير الخارجية بدر عبد العاطي إن القاهرة ترفض التهجير. وأضاف عبد العاطي أن الاتصالات مستمرة، "
                + "وأكد عبد العاطي دعم مصر.";
        List<Entity> mentions = List.of(mention(body, "بدر عبد العاطي", 0, "PERSON"),
                mention(body, "عبد العاطي", 1, "PERSON"), mention(body, "عبد العاطي", 2, "PERSON"));
        EntityLinker.Linked linked = LINKER.link(body, "ar", mentions);
        CanonicalEntity abdelatty = linked.canonical().get(0);
        assertNull(abdelatty.id());
        assertEquals("بدر عبد العاطي", abdelatty.name());
        assertEquals(3, abdelatty.mentions(), linked.canonical()::toString);
        assertEquals(List.of("بدر عبد العاطي", "عبد العاطي"), abdelatty.aliases());
        assertEquals(body.codePointCount(0, body.indexOf("بدر")), abdelatty.firstOffset());
        assertEquals(List.of(0, 0, 0), linked.entities().stream().map(Entity::canonical).toList());
    }

    @Test
    void mergesALaterCompoundGivenNameUsedAsTheFamilyName() {
        for (String tail : List.of("عبد الله", "عبد الرحمن")) {
            String body = "قال المتحدث خالد " + tail + " إن الوفد وصل. وأضاف " + tail + " أن المحادثات مستمرة.";
            List<Entity> mentions = List.of(mention(body, "خالد " + tail, 0, "PERSON"),
                    mention(body, tail, 1, "PERSON"));
            List<CanonicalEntity> canonical = LINKER.link(body, "ar", mentions).canonical();
            assertEquals(1, canonical.size(), canonical::toString);
            assertEquals("خالد " + tail, canonical.get(0).name());
            assertEquals(2, canonical.get(0).mentions());
        }
    }

    @Test
    void mergesALaterMultiWordTailOfALatinName() {
        String body = "Ahmed Aboul Gheit met Pieter van der Berg in Cairo. Aboul Gheit said van der Berg agreed, "
                + "and Aboul Gheit left.";
        List<Entity> mentions = List.of(mention(body, "Ahmed Aboul Gheit", 0, "PERSON"),
                mention(body, "Pieter van der Berg", 0, "PERSON"), mention(body, "Aboul Gheit", 1, "PERSON"),
                mention(body, "van der Berg", 1, "PERSON"), mention(body, "Aboul Gheit", 2, "PERSON"));
        List<CanonicalEntity> canonical = LINKER.link(body, "en", mentions).canonical();
        assertEquals(List.of("Ahmed Aboul Gheit", "Pieter van der Berg", "city:EG:cairo"),
                canonical.stream().map(c -> c.id() == null ? c.name() : c.id()).toList());
        assertEquals(List.of(3, 2, 1), canonical.stream().map(CanonicalEntity::mentions).toList());
    }

    @Test
    void leavesACompoundTailOfTwoPersonsNamesAlone() {
        String body = "التقى خالد عبد الرحمن مع سعيد عبد الرحمن. وقال عبد الرحمن إن الأمر مهم.";
        List<Entity> mentions = List.of(mention(body, "خالد عبد الرحمن", 0, "PERSON"),
                mention(body, "سعيد عبد الرحمن", 0, "PERSON"), mention(body, "عبد الرحمن", 2, "PERSON"));
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", mentions).canonical();
        assertEquals(List.of("خالد عبد الرحمن", "سعيد عبد الرحمن", "عبد الرحمن"),
                canonical.stream().map(CanonicalEntity::name).toList());
        assertEquals(List.of(1, 1, 1), canonical.stream().map(CanonicalEntity::mentions).toList());
    }

    @Test
    void keepsAFathersNameAndHalfACompoundNameOffThePerson() {
        String body = "قال الشيخ خالد بن سلمان إن الوفد وصل، ورحب بدر عبد العاطي بذلك. وأضاف سلمان أن العاطي تأخر.";
        List<Entity> mentions = List.of(mention(body, "خالد بن سلمان", 0, "PERSON"),
                mention(body, "بدر عبد العاطي", 0, "PERSON"), mention(body, "سلمان", 1, "PERSON"),
                mention(body, "العاطي", 1, "PERSON"));
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", mentions).canonical();
        assertEquals(4, canonical.size(), canonical::toString);
        assertEquals(List.of(1, 1, 1, 1), canonical.stream().map(CanonicalEntity::mentions).toList());
    }

    @Test
    void findsCatalogueNamesAndLaterSurnamesWithoutAnyMention() {
        String body = "Joe Biden spoke to Mohammed Shia al-Sudani. Biden praised Iraq; Sudani thanked the United States.";
        List<CanonicalEntity> canonical = LINKER.link(body, "en", List.of()).canonical();
        assertEquals(List.of("person:joe-biden", "person:mohammed-shia-al-sudani", "country:IQ", "country:US"),
                canonical.stream().map(CanonicalEntity::id).toList());
        assertEquals(List.of(2, 2, 1, 1), canonical.stream().map(CanonicalEntity::mentions).toList());
        assertEquals(List.of("Mohammed Shia al-Sudani", "Sudani"), canonical.get(1).aliases());
    }

    @Test
    void findsNoLaterSurnameOfACataloguePersonInHisFathersNameOrHalfACompound() {
        String body = "استقبل الأمير محمد بن سلمان الوفد في بيت والده سلمان. "
                + "وهنأ الملك سلمان بن عبد العزيز الوطن العزيز.";
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", List.of()).canonical();
        assertEquals(List.of("person:mohammed-bin-salman", "person:salman-bin-abdulaziz"), ids(canonical));
        assertEquals(List.of(1, 1), canonical.stream().map(CanonicalEntity::mentions).toList(), canonical::toString);
    }

    @Test
    void ordersBySalienceThenFirstOffset() {
        String body = "سوريا والعراق. العراق والأردن. العراق وسوريا.";
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", List.of()).canonical();
        assertEquals(List.of("country:IQ", "country:SY", "country:JO"),
                canonical.stream().map(CanonicalEntity::id).toList());
        assertEquals(List.of(3, 2, 1), canonical.stream().map(CanonicalEntity::mentions).toList());
        assertEquals("العراق", canonical.get(0).name());
    }

    @Test
    void countsMentionsInsideOneLongerCatalogueNameOnce() {
        String body = "زار الوفد إقليم كردستان العراق أمس.";
        List<Entity> mentions = List.of(mention(body, "كردستان", 0, "LOCATION"), mention(body, "العراق", 0, "LOCATION"));
        EntityLinker.Linked linked = LINKER.link(body, "ar", mentions);
        assertEquals(1, linked.canonical().size());
        CanonicalEntity kurdistan = linked.canonical().get(0);
        assertEquals("place:kurdistan-region", kurdistan.id());
        assertEquals(1, kurdistan.mentions());
        assertEquals(List.of("إقليم كردستان العراق"), kurdistan.aliases());
        assertEquals(List.of(0, 0), linked.entities().stream().map(Entity::canonical).toList());
    }

    @Test
    void keepsAMentionOfAnotherTypeOffTheCataloguePlaceItContains() {
        String body = "درس في جامعة بغداد ثم عاد إلى بغداد.";
        List<Entity> mentions = List.of(mention(body, "جامعة بغداد", 0, "ORGANIZATION"));
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", mentions).canonical();
        List<String> ids = new ArrayList<>();
        canonical.forEach(c -> ids.add(c.id() == null ? c.name() : c.id()));
        assertEquals(List.of("جامعة بغداد", "city:IQ:baghdad"), ids);
        assertEquals(1, canonical.get(1).mentions());
    }

    @Test
    void linksAOneWordSubdivisionNameOnlyWhereTheRecogniserFoundIt() {
        String body = "وفي صباح اليوم دخلت القوات مدينة الرمادي، ثم تقدمت نحو حماة.";
        List<String> bare = LINKER.link(body, "ar", List.of()).canonical().stream().map(CanonicalEntity::id).toList();
        assertEquals(List.of("city:IQ:ramadi"), bare);  // not صباح (Sabah), مدينة (Mdina) nor the unfound حماة
        List<String> found = LINKER.link(body, "ar", List.of(mention(body, "حماة", 0, "LOCATION"))).canonical()
                .stream().map(CanonicalEntity::id).toList();
        assertEquals(List.of("city:IQ:ramadi", "subdivision:SY-HM"), found);
    }

    @Test
    void linksAnOrdinaryWordOnlyWhereAMentionFoundItsEntity() {
        Predicate<String> ordinary = "مالي"::equals;
        String financial = "وقدمت الحكومة دعم مالي للجمعيات، ووصل وسيط مالي إلى بغداد.";
        assertEquals(List.of("city:IQ:baghdad"), ids(LINKER.link(financial, "ar", List.of(), ordinary)));
        assertEquals(List.of("country:ML", "city:IQ:baghdad"), ids(LINKER.link(financial, "ar", List.of())));
        String country = "واحتجزت الشرطة في مالي عشرين شخصا، وقالت حكومة مالي إن التحقيق مستمر.";
        EntityLinker.Linked linked = LINKER.link(country, "ar", List.of(mention(country, "مالي", 0, "LOCATION")), ordinary);
        assertEquals(List.of("country:ML"), ids(linked));
        assertEquals(2, linked.canonical().get(0).mentions(), linked.canonical()::toString);  // حكومة مالي joins it
    }

    private static List<String> ids(EntityLinker.Linked linked) {
        return ids(linked.canonical());
    }

    private static List<String> ids(List<CanonicalEntity> canonical) {
        return canonical.stream().map(CanonicalEntity::id).toList();
    }

    @Test
    void aShortSubdivisionNameTheCuratedListAddsLinksOnlyUnderAMention() {
        String body = "وسيطرت المقاومة على لحج ثم كسرت الحصار في سرت.";
        assertEquals(List.of(), ids(LINKER.link(body, "ar", List.of())));  // كسرت is ك + سرت only to the matcher
        assertEquals(List.of("subdivision:YE-LA", "subdivision:LY-SR"), ids(LINKER.link(body, "ar",
                List.of(mention(body, "لحج", 0, "LOCATION"), mention(body, "سرت", 1, "LOCATION")))));
    }

    @Test
    void linksACityNamedLikeAnOrdinaryWordOnlyUnderAMention() {
        String body = "وقال إن القرار ينبع من الحرص على السلامة، ثم سافر إلى ينبع ومنها إلى محافظة ينبع.";
        assertEquals(List.of("city:SA:yanbu"), ids(LINKER.link(body, "ar", List.of())));  // only محافظة ينبع
        assertEquals(1, LINKER.link(body, "ar", List.of()).canonical().get(0).mentions());
        EntityLinker.Linked linked = LINKER.link(body, "ar", List.of(mention(body, "ينبع", 1, "LOCATION")));
        assertEquals(List.of("city:SA:yanbu"), ids(linked));
        assertEquals(2, linked.canonical().get(0).mentions(), linked.canonical()::toString);
    }

    @Test
    void linksNoSonToHisFathersCatalogueName() {
        String body = "وأعلن الأمير متعب بن عبد الله بن عبد العزيز أن الملك عبد الله بن عبد العزيز وجه بذلك.";
        EntityLinker.Linked linked = LINKER.link(body, "ar",
                List.of(mention(body, "متعب بن عبد الله بن عبد العزيز", 0, "PERSON"),
                        mention(body, "الملك عبد الله بن عبد العزيز", 0, "PERSON")));
        assertEquals(Arrays.asList(null, "person:abdullah-bin-abdulaziz"), ids(linked));
        assertEquals("متعب بن عبد الله بن عبد العزيز", linked.canonical().get(0).name());
    }

    @Test
    void keepsAMiscMentionOffAPlaceOfTheSameName() {
        String body = "ارتفع سعر اليورو أمام الدولار إلى 1.1 دولار، وبلغ 900 مليون يورو.";
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", List.of(mention(body, "يورو", 1, "MISC")))
                .canonical();
        assertEquals(1, canonical.size());
        assertNull(canonical.get(0).id(), canonical::toString);
        assertEquals("MISC", canonical.get(0).type());
    }

    @Test
    void keepsANewspaperNamedLikeARegionOffTheRegion() {
        // "sources told «Asharq Al-Awsat» that tension in the Middle East is rising"
        String body = "وكشفت مصادر مطلعة لـ«الشرق الأوسط» أن التوتر في الشرق الأوسط يتصاعد.";
        EntityLinker.Linked linked = LINKER.link(body, "ar", List.of(mention(body, "الشرق الأوسط", 0, "ORGANIZATION"),
                mention(body, "الشرق الأوسط", 1, "LOCATION")));
        assertEquals(Arrays.asList(null, "place:middle-east"), ids(linked));
        assertEquals(List.of("ORGANIZATION", "LOCATION"), linked.canonical().stream().map(CanonicalEntity::type).toList());
    }

    @Test
    void linksAMiscMentionOfACuratedName() {
        String body = "وقال البيت الأبيض إن المحادثات مستمرة.";
        List<CanonicalEntity> canonical = LINKER.link(body, "ar", List.of(mention(body, "البيت الأبيض", 0, "MISC")))
                .canonical();
        assertEquals("org:white-house", canonical.get(0).id(), canonical::toString);
    }

    @Test
    void aTextWithoutNamesHasNoCanonicalEntities() {
        assertEquals(List.of(), LINKER.link("nothing to see here", "en", List.of()).canonical());
        assertEquals(List.of(), LINKER.link("", "ar", List.of()).canonical());
    }
}
