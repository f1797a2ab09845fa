package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.khabar.model.Entity;

/**
 * Tags raw text with a trained {@link NerModel}; facility names after a trigger noun ({@link FacilityRule}) replace model
 * mentions lying inside them; lone or coordinated nisba adjectives are not taken for persons, nor a head noun's
 * directional adjective for part of a place name; gazetteer names the model left untouched are added as a
 * high-precision fallback (they never override a model mention); then {@link DocumentConsistency} gives each
 * confidently found name one reading across the text, and, with the fallback, curated catalogue names their
 * catalogue type ({@link CuratedTypes}). Safe for concurrent use.
 */
final class ModelRecognizer implements EntityRecognizer {

    private static final double FALLBACK_CONFIDENCE = 0.7;
    private static final double RULE_CONFIDENCE = 0.75;
    private static final double TEMPERATURE = 20;
    private static final int PERSON = Gazetteer.TYPES.indexOf("PERSON");
    private static final int LOCATION = Gazetteer.TYPES.indexOf("LOCATION");
    private static final int MISC = Gazetteer.TYPES.indexOf("MISC");
    private static final int PLACE_TRIGGER = Gazetteer.TRIGGER_CLASSES.indexOf("LOCATION") + 1;
    private static final int TITLE_TRIGGER = Gazetteer.TRIGGER_CLASSES.indexOf("TITLE") + 1;
    private static final int ORGANIZATION = Gazetteer.TYPES.indexOf("ORGANIZATION");
    private static final int ORGANIZATION_TRIGGER = Gazetteer.TRIGGER_CLASSES.indexOf("ORGANIZATION") + 1;
    /** Directional adjectives with the article, normalised: north(ern), south(ern), east(ern), west(ern), central. */
    private static final Set<String> DIRECTIONS = Stream.of("الشمالي", "الشمالية", "الجنوبي", "الجنوبية", "الشرقي",
            "الشرقية", "الغربي", "الغربية", "الوسطى").map(ArabicText::normalize).collect(Collectors.toUnmodifiableSet());
    private static final int NISBA_MIN_COUNT = 5;
    private static final int NISBA_RATIO = 2;
    private static final int COMMON_WORD_COUNT = 100;
    /** Uses with the article that make a word ending in alef a noun's indefinite accusative ({@code البديل}). */
    private static final int ACCUSATIVE_NOUN_COUNT = 3;
    /** Uses that make a word after {@code ي} a past form, so the word a verb ({@code غني} of {@code يغني}). */
    private static final int PAST_FORM_COUNT = 3;
    /** على، إلى، لدى، حتى in the matching form. */
    private static final Set<String> MAQSURA_PREPOSITIONS = Set.of("علي", "الي", "لدي", "حتي");
    /** في، إلى (الى)، من، عن in the matching form. */
    private static final Set<String> PREPOSITIONS = Set.of("في", "الي", "من", "عن");
    /** Titles of a ruler written in construct with his country (matching form): {@code سلطان عمان}, {@code أمير قطر}. */
    private static final Set<String> CONSTRUCT_TITLES = Set.of("سلطان", "امير", "ملك", "رئيس", "شيخ", "حاكم",
            "امبراطور");
    /**
     * Set phrases of a word that is also a given name and a noun after it (matching form): {@code توفيق الله} ("God's
     * help"), {@code رحمه الله} ("God rest him"), {@code فرحة العيد} ("the joy of Eid"), {@code صباح العيد}, {@code
     * العيد السعيد} ("happy Eid"), {@code الخطاب الديني} ("religious discourse"), {@code فيروس كورونا}, {@code آيات
     * التهاني} ("words of congratulation").
     */
    private static final Set<String> SET_PHRASES = Stream.of("توفيق الله", "رحمه الله", "رحمها الله", "عون الله",
            "رضوان الله", "نحمد الله", "حفظه الله", "اذن الله", "شاء الله", "فرحة العيد", "صباح العيد",
            "بهجة العيد", "ليلة العيد", "يوم العيد", "عشية العيد", "فرحة رمضان", "العيد السعيد", "الخطاب الديني",
            "فيروس كورونا", "أسمى آيات", "آيات التهاني", "عز وجل", "عيد سعيد", "عيد زمان").map(ArabicText::normalize)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * Titles and honorifics, never a name (matching form): {@code ولي العهد} ("the crown prince"), {@code سمو}, {@code
     * خادم الحرمين الشريفين} ("Custodian of the Two Holy Mosques"; the training text leaves it untagged), {@code
     * معالي} and {@code فخامة} ("His Excellency", of ministers and presidents), {@code كبير} ("chief" of {@code كبير
     * المساعدين}).
     */
    private static final Set<String> HONORIFICS = Set.of("ولي", "العهد", "عهده", "سمو", "سموه", "خادم", "الحرمين",
            "الشريفين", "معالي", "فخامه", "كبير");
    /** {@code المدينة}, "the city", and Medina's name (matching form). */
    private static final String CITY = "المدينه";
    /** What follows {@code المدينة} in Medina's full names: "the illuminated", "the Prophet's" (matching form). */
    private static final Set<String> MEDINA_EPITHETS = Set.of("المنوره", "النبويه");
    /**
     * Words before {@code المدينة} that make it "the city" (matching form): directions, parts, "this", "that",
     * "inhabitants".
     */
    private static final Set<String> CITY_PARTS = Stream.of("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي",
            "شرقي", "غربي", "أنحاء", "أحياء", "مناطق", "معظم", "داخل", "خارج", "أطراف", "مداخل", "مدخل", "هذه", "تلك",
            "سكان", "قلب").map(ArabicText::normalize).collect(Collectors.toUnmodifiableSet());
    /** Honorifics written before a name, never part of it (matching form): "His Excellency", "His Highness". */
    private static final Set<String> LEADING_HONORIFICS = Set.of("معالي", "سعاده", "فخامه", "سمو", "سموه");
    /**
     * Callings and titles written before a name that the tagger, which knows the commoner ones, takes into it (matching
     * form): a player's position ({@code الظهير البرازيلي}), a singer of religious songs ({@code المنشد}), a captain, a
     * professor, a doctor without the article, a student, an undersecretary ({@code الوكيل}), the Supreme Leader's
     * title ({@code المرشد}), an engineer, a colonel, a lord.
     */
    private static final Set<String> LEADING_TITLES = Stream.of("الظهير", "المهاجم", "المدافع", "الحارس", "المنشد",
            "الكابتن", "كابتن", "البروفسور", "البروفيسور", "بروفسور", "بروفيسور", "دكتور", "الطالب", "الطالبة", "الوكيل",
            "المرشد", "المهندس", "الكولونيل", "اللورد", "الكوتش").map(ArabicText::normalize)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * Kin with "his" or "her", written before a name and never part of it (matching form): {@code نجله محمد}, "his son
     * Mohammed".
     */
    private static final Set<String> KIN_OF = Stream.of("نجله", "نجلها", "ابنه", "ابنها", "شقيقه", "شقيقها", "زوجته",
            "زوجها", "والده", "والدها", "حفيده", "حفيدها").map(ArabicText::normalize)
            .collect(Collectors.toUnmodifiableSet());
    /** A child's place among its siblings, after {@link #KIN_OF} (matching form): "the second", "the eldest" … */
    private static final Set<String> BIRTH_ORDER = Stream.of("الأكبر", "الأصغر", "الأوسط", "البكر", "الثاني",
            "الثالث", "الرابع").map(ArabicText::normalize).collect(Collectors.toUnmodifiableSet());
    /**
     * Prepositions a name never starts with, as written (not {@code إمام}, "imam", also a family name: {@code عادل
     * إمام}): {@code أمام X}, "before X". One word alone after one is as often a common word ({@code أمام عيني},
     * "before my eyes") or a club as a person, and is dropped with it.
     */
    private static final Set<String> FUNCTION_STARTS = Set.of("أمام", "بين", "عند", "ضد", "نحو", "حول", "لدى", "عبر",
            "تجاه");
    /** Prepositions that end no name, besides {@link #FUNCTION_STARTS}, as written: "regarding", "during", "since". */
    private static final Set<String> FUNCTION_ENDS = Set.of("بشأن", "خلال", "منذ");
    /**
     * Pronouns, which start no name: what follows one is what is said of it, an adjective as often as not ({@code أنا
     * سعيد}, "I am happy"; {@code سعيد} is also a name).
     */
    private static final Set<String> PRONOUNS = Stream.of("أنا", "نحن", "هو", "هي", "أنت").map(ArabicText::normalize)
            .collect(Collectors.toUnmodifiableSet());
    /** Endings that make a place's name of a demonym's stem ({@code يونان} of {@code اليوناني}): none, ا, يا, ية, ة. */
    private static final List<String> PLACE_ENDINGS = List.of("", "ا", "يا", "يه", "ه");
    /**
     * Words that join a name to the word after them, as written: "family of", "son of", "servant of"; not {@code ابن},
     * which also starts a kinship ({@code ابن أخيه}, "his nephew").
     */
    private static final Set<String> NAME_LINKS = Set.of("آل", "بن", "عبد");
    /**
     * Places' names that are far more often ordinary words (matching form): {@code نوم}, "sleep" (Nome, Alaska, by its
     * CLDR name), {@code خانة}, "box, column" ({@code في خانة المتهمين}), {@code كورونا}, the virus (Corona, California),
     * {@code الظاهرة}, "the phenomenon" (Oman's Al Dhahirah), {@code معسكر}, "camp" (Algeria's Mascara; alone, the head
     * of a camp's name: {@code معسكر لبوزة}), {@code مشهد}, "scene" (Mashhad, unless after {@code مدينة}).
     */
    private static final Set<String> PLACE_LOOKALIKES = Set.of("نوم", "خانه", "كورونا", "الظاهره", "معسكر", "مشهد");
    /**
     * Words the model reads alone as a name that alone name nothing (matching form): {@code أم}, "or" opening a
     * question (and "mother"; ANERcorp tags it only inside {@code أم القرى}, {@code أم صلال}), {@code سيلفي}, a selfie,
     * {@code الأكاديمي} of {@code السجل الأكاديمي}, "the academic record" (not {@code الأولمبي}: {@code لاعبي
     * الأولمبي} are the Olympic team's players; nor {@code الاحتراف}, "professionalism", of {@code لجنة الاحتراف}),
     * {@code شهيد}, "martyr" ({@code شاهد وشهيد}, an exhibition's title), and {@code شكر}, "thanked" ({@code وشكر
     * وزير الداخلية}).
     */
    private static final Set<String> NAMELESS_ALONE = Stream.of("أم", "سيلفي", "الأكاديمي", "شهيد", "شكر")
            .map(ArabicText::normalize).collect(Collectors.toUnmodifiableSet());
    /** Words that alone name a club, never a person (matching form): "United". */
    private static final Set<String> CLUB_WORDS = Set.of("يونايتد");
    /** What follows the verb {@code ورد} ("was mentioned") in a report (matching form): "that", "in", "name", "about". */
    private static final Set<String> REPORTED_AFTER = Set.of("ان", "في", "اسم", "عن");
    /** Number words an amount of money ends with (matching form): thousand(s), million(s), billion(s). */
    private static final Set<String> AMOUNT_WORDS = Stream.of("ألف", "آلاف", "الف", "مليون", "ملايين", "مليار",
            "مليارات", "المليون", "المليوني", "المليار", "الملياري").map(ArabicText::normalize)
            .collect(Collectors.toUnmodifiableSet());
    /** Question words, never a name (matching form): "where", "how", "when", "why", "what". */
    private static final Set<String> QUESTION_WORDS = Set.of("اين", "كيف", "متي", "لماذا", "ماذا");
    /** Months of the Hijri year that are also given names, matching form. */
    private static final Set<String> MONTH_NAMES = Set.of("رمضان", "شعبان", "رجب");
    /** Ordinal adjectives, masculine and feminine (matching form): {@code ولاية خامسة} is "a fifth term". */
    private static final Set<String> ORDINALS = Set.of("ثاني", "ثانيه", "ثالث", "ثالثه", "رابع", "رابعه", "خامس",
            "خامسه", "سادس", "سادسه", "سابع", "سابعه", "ثامن", "ثامنه", "تاسع", "تاسعه", "عاشر", "عاشره", "اخري");
    /** Nouns of kinship written in construct before a woman's name (matching form): {@code ابنة آمنة}. */
    private static final Set<String> KINSHIP = Set.of("ابنه", "بنت", "زوجه", "والده", "شقيقه", "اخت", "جده", "عمه",
            "خاله", "حفيده", "ام");
    /**
     * Kin with the possessive "my" (matching form): "my father", "my mother", "my brother" … ({@code قرأ أبي إعلانا},
     * "my father read an advertisement"); alone they name nobody, inside a name they stay ({@code علي بن أبي طالب}).
     */
    private static final Set<String> MY_KIN = Stream.of("أبي", "أمي", "أخي", "أختي", "ابني", "ابنتي", "جدي",
            "جدتي", "عمي", "خالي", "زوجي", "زوجتي", "والدي", "والدتي").map(ArabicText::normalize)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * News agencies' short Arabic names (matching form), read as the agency only in a credit: Qatar's, Saudi Arabia's,
     * Kuwait's, the Emirates', Jordan's, Syria's, Bahrain's, Oman's.
     */
    private static final Set<String> AGENCY_CREDITS = Stream.of("قنا", "واس", "كونا", "وام", "بترا", "سانا", "بنا",
            "العمانية").map(ArabicText::normalize).collect(Collectors.toUnmodifiableSet());
    /** Tokens before an agency's credit: a dash, an opening bracket or quotation mark, a slash. */
    private static final Set<String> CREDIT_OPENERS = Set.of("-", "–", "(", "«", "/", "\"");
    /** The catalogue's one-word Arabic names, which a mention's start does not cut. */
    private static final Set<String> CATALOGUE_WORDS = EntityCatalog.standard().oneWordArabicNames();
    /** Catalogue id prefixes of the names the fallback adds as MISC: events and products. */
    private static final List<String> CURATED_MISC = List.of("event:", "product:");
    /** Words before a month's name (matching form): "the month of", prepositions of time, nouns of the month. */
    private static final Set<String> MONTH_CONTEXT = Set.of("شهر", "في", "من", "خلال", "منذ", "حتي", "قبل", "بعد",
            "طوال", "طيله", "ايام", "ليالي", "ليله", "نهار", "موسم", "افطار", "سحور", "هلال", "مسلسلات", "بشائر", "اواخر");
    /** Epithets of a holy month (matching form): {@code رمضان المبارك}, "blessed Ramadan". */
    private static final Set<String> MONTH_EPITHETS = Set.of("المبارك", "الكريم", "الفضيل", "المعظم");
    /**
     * The verbal noun of the tenth verb form, {@code استفعال} with or without the article and ة ({@code
     * الاستقدام} "recruitment", {@code الاستسلام} "surrender", {@code استثناء}), in matching form: the training text
     * tags none alone, only inside a longer name ({@code حزب الاستقلال}).
     */
    private static final Pattern VERBAL_NOUN_X = Pattern.compile("(ال)?است[^ا][^ا]ا[^ا]ه?");

    private final NerModel model;
    private final Gazetteer gazetteer;
    private final ArabicFeatures features;
    private final boolean fallback;

    ModelRecognizer(NerModel model, Gazetteer gazetteer, boolean fallback) {
        this.model = model;
        this.gazetteer = gazetteer;
        this.features = new ArabicFeatures(gazetteer, new Gazetteer(model.names(), List.of()),
                new Clitics(lexicon(model.lexicon(), gazetteer), gazetteer.oneWordNames(), gazetteer.givenNames()),
                model.clusters(), model.tagger().bits);
        this.fallback = fallback;
    }

    /** The training lexicon plus every gazetteer word, so a known name is split off its clitic ({@code لداعش}). */
    static Map<String, Integer> lexicon(Map<String, Integer> counts, Gazetteer gazetteer) {
        Map<String, Integer> lexicon = new HashMap<>(counts);
        gazetteer.words().forEach(w -> lexicon.merge(w, 1, Integer::sum));
        return lexicon;
    }

    ArabicFeatures features() {
        return features;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Token> all = Tokenizer.tokenize(text);
        Clitics.Split[] splits = new Clitics.Split[all.size()];
        List<Mention> found = new ArrayList<>();
        // a text that writes the prepositions على and إلى with ى does not write علي for "on"
        boolean maqsura = all.stream().anyMatch(t -> t.text().equals("على") || t.text().equals("إلى"));
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i == all.size() - 1 || endsSentence(all.get(i).text()) && !acronymDot(all, i)) {
                tagSentence(all, from, i + 1, splits, found, maqsura);
                from = i + 1;
            }
        }
        List<Mention> consistent = DocumentConsistency.apply(all, splits, found);
        List<Entity> entities = new ArrayList<>(consistent.size());
        boolean medina = medinaNamed(splits);
        for (Mention read : consistent) {
            Mention m = wholeAcronym(all, read);
            boolean month = m.type() == PERSON && m.first() == m.last() && month(all, splits, m.first());
            boolean city = !medina && theCity(splits, m, consistent);
            Entity e = month || city ? null : entity(text, all, m);
            if (e != null) {
                entities.add(e);
            }
        }
        entities.sort(Comparator.comparingInt(Entity::start));
        EntityCatalog catalog = EntityCatalog.standard();
        if (!fallback) {
            return entities;
        }
        List<Entity> joined = CuratedTypes.joined(catalog, text, entities);
        return CuratedTypes.apply(catalog, CuratedTypes.widened(catalog, text, joined));
    }

    /**
     * Whether the text names Medina unmistakably: {@code المدينة المنورة}, {@code المدينة النبوية}, or the region, {@code
     * منطقة المدينة}; then {@code المدينة} alone is Medina too.
     */
    private static boolean medinaNamed(Clitics.Split[] splits) {
        for (int k = 0; k + 1 < splits.length; k++) {
            String word = splits[k].rest();
            String next = splits[k + 1].rest();
            if (word.equals(CITY) && MEDINA_EPITHETS.contains(next) || next.equals(CITY) && word.equals("منطقه")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a place mention is {@code المدينة} alone meaning "the city" (a text that does not name Medina in full):
     * where another place is named, whose city it is ({@code عدن} … {@code شمال المدينة}), or where its words say so, a
     * direction or part before it ({@code أنحاء المدينة}, {@code شرق المدينة}), a demonstrative ({@code هذه المدينة}) or
     * an adjective after it ({@code المدينة الساحلية}).
     */
    private static boolean theCity(Clitics.Split[] splits, Mention m, List<Mention> mentions) {
        if (m.type() != LOCATION || m.first() != m.last() || !splits[m.first()].rest().equals(CITY)) {
            return false;
        }
        String before = m.first() > 0 ? splits[m.first() - 1].rest() : "";
        String after = m.last() + 1 < splits.length ? splits[m.last() + 1].rest() : "";
        boolean words = CITY_PARTS.contains(before) || after.startsWith("ال") && !MEDINA_EPITHETS.contains(after);
        return words || mentions.stream().anyMatch(o -> o.type() == LOCATION && !splits[o.first()].rest().equals(CITY));
    }

    /**
     * The mention grown over the letters its word is joined to by dots, without spaces: {@code إف.بي.آي} (FBI) and
     * {@code أو.سي.آي} (OCI), of which the tagger reads one part.
     */
    private static Mention wholeAcronym(List<Token> tokens, Mention m) {
        int first = m.first();
        int last = m.last();
        while (first >= 2 && acronymDot(tokens, first - 1)) {
            first -= 2;
        }
        while (last + 2 < tokens.size() && acronymDot(tokens, last + 1)) {
            last += 2;
        }
        int prefix = first == m.first() ? m.prefixLength() : 0;
        return first == m.first() && last == m.last() ? m
                : new Mention(first, last, m.type(), m.confidence(), m.source(), prefix);
    }

    /** Whether token {@code k} is a dot joining, without spaces, two parts of an acronym in Arabic letters. */
    private static boolean acronymDot(List<Token> tokens, int k) {
        return k > 0 && k + 1 < tokens.size() && tokens.get(k).text().equals(".")
                && tokens.get(k - 1).end() == tokens.get(k).start() && tokens.get(k + 1).start() == tokens.get(k).end()
                && acronymPart(tokens.get(k - 1).text()) && acronymPart(tokens.get(k + 1).text());
    }

    /**
     * A letter's name written in Arabic letters, as acronyms spell them ({@code إف}, {@code بي}, {@code آي}); not one
     * letter, which abbreviates a title ({@code د.} for "Dr.").
     */
    private static boolean acronymPart(String word) {
        return word.length() >= 2 && word.length() <= 3 && word.codePoints().allMatch(ArabicText::isArabicLetter);
    }

    static boolean endsSentence(String token) {
        return token.equals(".") || token.equals("!") || token.equals("?") || token.equals("؟");
    }

    /** Tags tokens {@code [from, to)} of {@code all} as one sentence; mentions use indices into {@code all}. */
    private void tagSentence(List<Token> all, int from, int to, Clitics.Split[] allSplits, List<Mention> found,
                             boolean maqsura) {
        List<Token> tokens = all.subList(from, to);
        int sentenceMentions = found.size();
        ArabicFeatures.Analysis read = features.analyse(tokens);
        // the tagger reads the splits it was trained on; mentions start where a name-aware split says
        Clitics.Split[] splits = read.splits().clone();
        for (int k = 0; k < splits.length; k++) {
            String norm = tokens.get(k).norm();
            // a catalogue name is not cut either (بعقوبة, Baqubah, is not ب + عقوبة, "punishment")
            splits[k] = splits[k].prefixLength() > 0 && CATALOGUE_WORDS.contains(norm) ? new Clitics.Split(0, norm)
                    : features.clitics().boundary(norm, splits[k]);
        }
        ArabicFeatures.Analysis analysis = new ArabicFeatures.Analysis(splits, read.features());
        System.arraycopy(splits, 0, allSplits, from, tokens.size());
        SequenceModel tagger = model.tagger();
        float[][] emissions = tagger.emissions(analysis.features());
        model.bias(emissions);
        int[] tags = tagger.decode(emissions);
        List<int[]> facilities = FacilityRule.find(tokens, analysis.splits(),
                k -> commonWord(analysis.splits()[k].rest()) || adjectiveAfterTrigger(tokens, analysis.splits(), k));
        List<int[]> namedAfter = FacilityRule.namedAfter(tokens, analysis.splits(), gazetteer::isGivenName);
        facilities.addAll(namedAfter);
        boolean[] covered = new boolean[tokens.size()];
        boolean[] agency = agencyCredits(tokens, analysis.splits());
        for (SequenceModel.Chunk c : tagger.chunks(emissions, tags, TEMPERATURE)) {
            int first = c.first();
            int last = c.last();
            if (first == last && agency[first]) {
                continue;  // الدوحة - قنا: the agency, added below, not Qena
            }
            while (last > first && indefinite(tokens, last, last)) {
                last--;  // دريد بن الصمة بيتًا: the indefinite noun after the name is not part of it
            }
            while (last > first && (FUNCTION_STARTS.contains(tokens.get(last).text())
                    || FUNCTION_ENDS.contains(tokens.get(last).text()))) {
                last--;  // نادي الشباب + بشأن ("regarding"): a preposition ends no name
            }
            if (c.type() == PERSON) {
                first = personStart(tokens, analysis.splits(), first, last);
                if (first < 0) {
                    continue;
                }
                last = personEnd(tokens, analysis.splits(), first, last);
                if (last < first) {
                    continue;
                }
            }
            if (c.type() == PERSON && first == last && CLUB_WORDS.contains(analysis.splits()[first].rest())) {
                add(from, analysis.splits()[first].visiblePrefixLength(), first, last, ORGANIZATION, c.confidence(),
                        "model", found, covered);
                continue;  // يونايتد alone, a club (Manchester, Newcastle, Leeds United), as ANERcorp tags it
            }
            if (c.type() == PERSON && last == first + 1 && placeTitle(analysis.splits()[first].rest())
                    && analysis.splits()[last].prefixLength() == 0 && place(analysis.splits()[last].rest())
                    && !gazetteer.isGivenName(analysis.splits()[last].rest())) {
                add(from, 0, last, last, LOCATION, c.confidence(), "model", found, covered);
                continue;  // أمين الطائف, the mayor of Taif, read as one person: a title and its place (not أمين فارس)
            }
            if (c.type() == PERSON && titleOfPlace(analysis.splits(), tags, last)) {
                if (first == last) {
                    continue;  // سلطان عمان, the Sultan of Oman: a title, its country the place after it
                }
                last--;  // هيثم بن طارق أمير (قطر): the next person's title
            }
            if (c.type() == LOCATION && first == last && (adjectiveAfterTrigger(tokens, analysis.splits(), first)
                    || placeLookalike(analysis.splits(), first)
                    || possessed(tokens.get(first), analysis.splits()[first])
                    && !place(analysis.splits()[first].rest()))) {
                continue;  // بعد نوم عميق, "after a deep sleep" (Nome); بلادنا, "our country"
            }
            if (first == last && (NAMELESS_ALONE.contains(analysis.splits()[first].rest())
                    || riyalsAfterAmount(tokens, analysis.splits(), first))) {
                continue;
            }
            if (c.type() == ORGANIZATION && (headNounsOnly(analysis.splits(), first, last)
                    || theNewsAgency(analysis.splits(), first, last))) {
                continue;  // جامعة مع جامعة أو كلية مع كلية: "a university with a university", no name
            }
            if (first == last && verbalNoun(analysis.splits()[first].rest())) {
                continue;  // مكاتب الاستقدام, "recruitment offices": the recruiting is no organisation
            }
            if (!indefinite(tokens, first, last) && !within(facilities, first, last) && !preposition(tokens, first, last)
                    && !nisbaAdjective(analysis.splits(), tags, first, last, c.type(), c.confidence())
                    && !coordinatedAdjectives(analysis.splits(), first, last, c.type())) {
                last -= headAdjective(tokens, analysis.splits(), first, last, c.type()) ? 1 : 0;
                int country = nationalTeam(tokens, analysis.splits(), first, last);
                if (country >= 0) {
                    add(from, analysis.splits()[first + 1].visiblePrefixLength(), first + 1, country, LOCATION,
                            c.confidence(), "model", found, covered);
                    continue;
                }
                add(from, analysis.splits()[first].visiblePrefixLength(), first, last, c.type(), c.confidence(),
                        "model", found, covered);
            }
        }
        for (int[] span : facilities) {
            boolean free = true;
            for (int k = span[0]; k <= span[1] && free; k++) {
                free = !covered[k];
            }
            if (free) {
                boolean named = span.length > 2;
                add(from, named ? span[3] : 0, span[0], span[1], named ? span[2] : LOCATION, RULE_CONFIDENCE, "rule",
                        found, covered);
            }
        }
        for (int k = 0; k < agency.length; k++) {
            if (agency[k] && !covered[k]) {
                add(from, 0, k, k, ORGANIZATION, RULE_CONFIDENCE, "rule", found, covered);
            }
        }
        if (maqsura) {
            givenNameAli(tokens, analysis.splits(), from, found, sentenceMentions, covered);
        }
        if (fallback) {
            for (Gazetteer.Match m : gazetteer.matches(tokens)) {
                boolean free = true;
                for (int k = m.first(); k <= m.last() && free; k++) {
                    free = !covered[k];
                }
                boolean adjective = m.first() == m.last() && adjective(analysis.splits()[m.first()].rest())
                        && !afterPreposition(analysis.splits(), m.first());
                if (free && !adjective && !indefinite(tokens, m.first(), m.last())
                        && !model.unreliableNames().contains(Gazetteer.key(tokens, m))) {
                    add(from, m.prefixLength(), m.first(), m.last(), m.type(), FALLBACK_CONFIDENCE, "gazetteer", found,
                            covered);
                }
            }
            curatedMisc(tokens, from, found, covered);
        }
    }

    /**
     * Adds, as MISC, the catalogue's events and products that no mention covers ({@code الحرب العالمية الثانية}, {@code
     * الربيع العربي}, {@code بوينج 757}, {@code خام برنت}): names that mean one thing, which ANERcorp tags MISC and the
     * tagger, seeing common words, seldom finds.
     */
    private static void curatedMisc(List<Token> tokens, int from, List<Mention> found, boolean[] covered) {
        for (int[] span : EntityCatalog.standard().spans(tokens, CURATED_MISC)) {
            boolean free = true;
            for (int k = span[0]; k <= span[1] && free; k++) {
                free = !covered[k];
            }
            if (free) {
                add(from, span[2], span[0], span[1], MISC, FALLBACK_CONFIDENCE, "gazetteer", found, covered);
            }
        }
    }

    /**
     * The first token of a person mention {@code first..last} once words that start no name are cut off its start, or
     * -1 where nothing of a name is left. Cut: a preposition ({@code أمام} + {@code بلاتر}), {@link #leadingWord}s, and
     * after kin a sibling's order ({@code نجله الثاني} + {@code أحمد}). Dropped: a mention that starts with a pronoun
     * ({@code أنا سعيد}, "I am happy"), a preposition and one word ({@code أمام عيني}, "before my eyes"), kin and its
     * order only ({@code نجله الأصغر}), a calling and its adjective only ({@code الوكيل العقاري}).
     */
    private int personStart(List<Token> tokens, Clitics.Split[] splits, int first, int last) {
        Token opening = tokens.get(first);
        boolean preposition = FUNCTION_STARTS.contains(opening.text().substring(
                originalLength(opening.text(), splits[first].prefixLength())));
        if (PRONOUNS.contains(splits[first].rest()) || preposition && last - first < 2) {
            return -1;
        }
        first += preposition ? 1 : 0;
        boolean calling = false;
        while (first < last && leadingWord(splits[first].rest())) {
            calling |= LEADING_TITLES.contains(splits[first].rest());
            boolean kin = KIN_OF.contains(splits[first].rest());
            first++;  // ومعالي عباس الفاسي: "and His Excellency Abbas El Fassi"; اليوناني + أليكسيس تسيبراس
            if (kin && BIRTH_ORDER.contains(splits[first].rest())) {
                first++;
            }
        }
        if (first > last) {
            return -1;
        }
        String rest = splits[first].rest();
        return calling && first == last && rest.startsWith("ال") && adjective(rest.substring(2)) ? -1 : first;
    }

    /**
     * Whether a word at a person mention's start is no part of the name: an honorific ({@code معالي}), a calling or title
     * ({@code الظهير}, "the full-back"; {@code المنشد}), kin of someone ({@code نجله}), or a country's demonym with the
     * article, {@code ال} + the country's name + {@code ي} ({@code اليوناني}, "the Greek"; {@code الكولومبي}, {@code
     * السعودي}), that is no given name. A city's ({@code الباجي} of Béja, {@code البغدادي}) is also a family name.
     */
    private boolean leadingWord(String word) {
        if (LEADING_HONORIFICS.contains(word) || LEADING_TITLES.contains(word) || KIN_OF.contains(word)) {
            return true;
        }
        if (!word.startsWith("ال") || !word.endsWith("ي") || word.length() < 6 || gazetteer.isGivenName(word)) {
            return false;
        }
        String stem = word.substring(2, word.length() - 1);
        for (String ending : PLACE_ENDINGS) {
            for (String name : List.of(stem + ending, "ال" + stem + ending)) {
                EntityCatalog.Entry place = gazetteer.isPlace(name) ? EntityCatalog.standard().wholeName(name) : null;
                if (place != null && place.id().startsWith("country:")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The last token of a person mention {@code first..last} once set phrases and titles are cut off its end, or -1
     * where nothing of a name is left. Cut: a set phrase ({@code توفيق الله}, {@code فرحة العيد}) and a word that makes
     * another with the phrase's first ({@code فرحة} + {@code العيد السعيد}), and {@code ولي} before
     * {@code العهد} or another {@code ولي} ({@code محمد بن سلمان} + {@code ولي ولي العهد}, the deputy crown prince),
     * a title with a conjunction on it ({@code وكبير}), a noun in the accusative or a verb after the name. Grown: a name
     * link at its end takes the word after it ({@code عبدالله آل} + {@code الشيخ}).
     * Dropped: a mention of titles only ({@code سمو ولي}, {@code خادم الحرمين}, {@code معالي}), a lone word with a
     * possessive pronoun whose stem is a common word ({@code وأمنه}, "and its security").
     */
    private int personEnd(List<Token> tokens, Clitics.Split[] splits, int first, int last) {
        boolean phrase = false;
        while (last >= first) {
            if (last > first && SET_PHRASES.contains(splits[last - 1].rest() + " " + splits[last].rest())) {
                last -= 2;
                phrase = true;
            } else if (phrase && SET_PHRASES.contains(splits[last].rest() + " " + splits[last + 1].rest())) {
                last--;  // فرحة + العيد السعيد: the phrase cut off ran on from the word before it
            } else if (splits[last].rest().equals("ولي") && last + 1 < splits.length
                    && (splits[last + 1].rest().equals("العهد") || splits[last + 1].rest().equals("ولي"))) {
                last--;
            } else {
                break;
            }
        }
        if (last < first) {
            return -1;  // the whole mention was a set phrase or a title
        }
        if (last > first && MONTH_EPITHETS.contains(splits[last].rest())
                && MONTH_NAMES.contains(splits[last - 1].rest())) {
            last -= 2;  // كان + رمضان المبارك ("the blessed Ramadan"): the month, not a person named رمضان
            if (last < first) {
                return -1;
            }
        }
        if (last > first && splits[last].prefixLength() > 0 && title(splits[last].rest())) {
            last--;  // إريك روزينباخ + وكبير (المساعدين): "and the chief (aides)" begins the next person's title
        }
        String lastWord = tokens.get(last).norm();
        if (last > first && lastWord.startsWith("ب") && lastWord.length() >= 4 && place(lastWord.substring(1))) {
            last--;  // (مدرسة) عمر بن الخطاب + بعنيزة, "in Unaizah": where the school is
        }
        if (last > first && (adverbialAccusative(splits[last]) || imperfectVerb(splits[last]))
                && EntityCatalog.standard().wholeName(EntityCatalog.words(tokens.subList(first, last + 1))) == null) {
            // يوسف عبد العزيز + بديلا ("as a substitute"), مدحت صالح + يغني ("sings"); a name the catalogue knows whole
            // keeps its last word (جانيت يلين, Janet Yellen: يلين also "softens")
            last--;
        }
        if (last > first && last + 1 < tokens.size() && NAME_LINKS.contains(tokens.get(last).text())
                && tokens.get(last + 1).text().codePoints().allMatch(ArabicText::isArabicLetter)) {
            last++;  // عبدالله آل + الشيخ: a family's name, which the tagger took for a title
        }
        if (first == last && last + 1 < splits.length
                && SET_PHRASES.contains(splits[last].rest() + " " + tokens.get(last + 1).norm())) {
            return -1;  // عز of عز وجل ("the Almighty"), which the tagger read up to the phrase's second word
        }
        boolean titles = true;
        for (int k = first; k <= last && titles; k++) {
            String word = splits[k].rest();
            // وكبير ("and the chief") as the clitic splitter leaves it, one word
            titles = HONORIFICS.contains(word) || word.startsWith("و") && HONORIFICS.contains(word.substring(1));
        }
        if (titles || first == last && (possessive(tokens.get(first), splits[first])
                || myKin(tokens.get(first), splits[first]) || feminineAdjective(tokens, splits, first)
                || definiteAdjective(splits, first) || questionWord(splits[first].rest())
                || reportedVerb(splits, first))) {
            return -1;
        }
        return last;
    }

    /**
     * A verb in the imperfect, third person ({@code يغني} "sings", {@code يواصلان} "the two go on"), which ends a name
     * read across it: {@code ي} before a past form the training text uses ({@code غني}, {@code واصل}), a dual or plural
     * ending taken off first, and no first-person form ({@code أكون}); not a given name ({@code يزيد}, {@code ياسر}).
     */
    private boolean imperfectVerb(Clitics.Split split) {
        String word = split.rest();
        if (split.prefixLength() > 0 || word.length() < 4 || word.charAt(0) != 'ي' || gazetteer.isGivenName(word)) {
            return false;
        }
        String past = word.substring(1);
        if ((past.endsWith("ان") || past.endsWith("ون")) && past.length() >= 5) {
            past = past.substring(0, past.length() - 2);
        }
        boolean firstPerson = past.startsWith("ا") && past.length() > 3;  // اكون of ياكونان; not امر of يأمر
        return !firstPerson && model.lexicon().getOrDefault(past, 0) >= PAST_FORM_COUNT;
    }

    /**
     * The tokens that are a news agency's short name in its credit: after a dash, a bracket or {@code الأنباء} and its
     * adjective, or before a closing bracket ({@code الدوحة - قنا :}, {@code (كونا)}, {@code وكالة الأنباء القطرية
     * قنا}). Alone these names are also places and words ({@code قنا}, Qena; {@code وام}; {@code بترا}, Petra).
     */
    private static boolean[] agencyCredits(List<Token> tokens, Clitics.Split[] splits) {
        boolean[] out = new boolean[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            if (splits[k].prefixLength() > 0 || !AGENCY_CREDITS.contains(splits[k].rest())) {
                continue;
            }
            String before = k > 0 ? tokens.get(k - 1).text() : "";
            String after = k + 1 < tokens.size() ? tokens.get(k + 1).text() : "";
            out[k] = CREDIT_OPENERS.contains(before) || after.equals(")") || after.equals("»")
                    || k >= 2 && splits[k - 2].rest().equals("الانباء");
        }
        return out;
    }

    /** Kin with "my" ({@code أبي}), not a name spelled like it with madda ({@code آبي}, Abe). */
    private static boolean myKin(Token token, Clitics.Split split) {
        return MY_KIN.contains(split.rest()) && token.text().indexOf('آ') < 0;
    }

    /**
     * A common noun in the indefinite accusative, written with its alef ({@code بديلا} "as a substitute", {@code
     * نموذجا} "as an example"), which ends a name read across it: the training text uses the noun with the article
     * ({@code البديل}) more often than the word itself, it has five letters or more (not {@code ماسا}, Massa, beside
     * {@code الماس}, "the diamond"), and it is no given name.
     */
    private boolean adverbialAccusative(Clitics.Split split) {
        String word = split.rest();
        if (split.prefixLength() > 0 || word.length() < 5 || !word.endsWith("ا") || word.startsWith("ال")) {
            return false;
        }
        String noun = word.substring(0, word.length() - 1);
        int definite = model.lexicon().getOrDefault("ال" + noun, 0);
        return definite >= ACCUSATIVE_NOUN_COUNT && definite > model.lexicon().getOrDefault(word, 0)
                && !gazetteer.isGivenName(word) && !gazetteer.isGivenName(noun);
    }

    /** A title, honorific or calling: never a word of a name. */
    private boolean title(String word) {
        return HONORIFICS.contains(word) || LEADING_TITLES.contains(word) || gazetteer.trigger(word) == TITLE_TRIGGER;
    }

    /**
     * {@code ريال} after an amount ({@code (1300) ريال}, {@code 3 آلاف ريال}, {@code المليوني ريال}): the riyal, not Real
     * Madrid, which the model reads in {@code ريال} alone.
     */
    private static boolean riyalsAfterAmount(List<Token> tokens, Clitics.Split[] splits, int k) {
        if (!splits[k].rest().equals("ريال") || k == 0) {
            return false;
        }
        String before = tokens.get(k - 1).text();
        if (before.equals(")") && k > 1) {
            before = tokens.get(k - 2).text();
        }
        return before.chars().anyMatch(Character::isDigit) || AMOUNT_WORDS.contains(splits[k - 1].rest());
    }

    /**
     * {@code ورد}, "was mentioned", the verb and not the given name Ward, where what was reported follows: {@code وورد
     * أن}, {@code ورد في}, {@code وورد اسم كافاني} ("Cavani's name came up").
     */
    private static boolean reportedVerb(Clitics.Split[] splits, int k) {
        return splits[k].rest().equals("ورد") && k + 1 < splits.length && splits[k + 1].prefixLength() == 0
                && REPORTED_AFTER.contains(splits[k + 1].rest());
    }

    /** A question word, with و or ف before it or not ({@code فأين}, "so where"). */
    private static boolean questionWord(String word) {
        return QUESTION_WORDS.contains(word) || (word.startsWith("و") || word.startsWith("ف"))
                && QUESTION_WORDS.contains(word.substring(1));
    }

    /**
     * A relational adjective with the article right after a noun with the article, which it qualifies ({@code العمل
     * الخيري}, "charitable work"; {@code الرئيس السوداني}, "the Sudanese president"): the training text uses its
     * adjective forms ({@link #adjective}), and the word before it is no given name nor title. A family name follows a
     * given name ({@code محمد الخيري}) or a title ({@code الإمام الشافعي}, {@code الدكتور السهلي}), or stands alone
     * ({@code وقال السوداني}).
     */
    private boolean definiteAdjective(Clitics.Split[] splits, int k) {
        String word = splits[k].rest();
        if (k == 0 || splits[k].prefixLength() > 0 || !word.startsWith("ال") || !adjective(word.substring(2))) {
            return false;  // والمالكي, "and al-Maliki": an adjective takes no conjunction
        }
        String noun = splits[k - 1].rest();
        return noun.startsWith("ال") && noun.length() > 3 && !gazetteer.isGivenName(noun)
                && gazetteer.trigger(noun) != TITLE_TRIGGER && !LEADING_TITLES.contains(noun);
    }

    /**
     * A feminine given name that is also an adjective ({@code آمنة} "safe", {@code سعيدة} "happy"), right after an
     * indefinite feminine noun or {@code غير} ("not"): {@code مسافة آمنة}, "a safe distance"; {@code غير آمنة}. The
     * training text writes the adjective with the article ({@code الآمن}, {@code السعيد}); it does not so write
     * {@code فاطمة}. A noun of kinship before the name is its construct ({@code ابنة آمنة}, "Amina's daughter").
     */
    private boolean feminineAdjective(List<Token> tokens, Clitics.Split[] splits, int k) {
        String word = splits[k].rest();
        if (k == 0 || ArabicText.finalLetter(tokens.get(k).text()) != 'ة' || splits[k].prefixLength() > 0
                || word.startsWith("ال")) {
            return false;
        }
        String noun = splits[k - 1].rest();
        boolean indefiniteNoun = ArabicText.finalLetter(tokens.get(k - 1).text()) == 'ة' && !noun.startsWith("ال")
                && !KINSHIP.contains(noun) && gazetteer.trigger(noun) == 0;
        String stem = word.substring(0, word.length() - 1);
        Map<String, Integer> lexicon = model.lexicon();
        boolean adjective = lexicon.getOrDefault("ال" + stem, 0) > 0 || lexicon.getOrDefault("ال" + word, 0) > 0;
        return (indefiniteNoun || noun.equals("غير")) && adjective;
    }

    /**
     * A month that is also a given name ({@code رمضان}), never a person alone even where the text names a person
     * {@code رمضان} elsewhere: after {@code شهر} ("the month of"), a preposition of time ({@code في رمضان}, {@code خلال
     * رمضان}) or a noun of the month ({@code ليالي رمضان}, {@code مسلسلات رمضان}), or before its epithet ({@code رمضان
     * المبارك}); unless a word the training text seldom uses follows it, often the family name the tagger left out
     * ({@code من رمضان قاديروف}).
     */
    private boolean month(List<Token> tokens, Clitics.Split[] splits, int k) {
        if (!MONTH_NAMES.contains(splits[k].rest())) {
            return false;
        }
        boolean rareWordNext = k + 1 < tokens.size() && ArabicText.isArabicLetter(tokens.get(k + 1).text().charAt(0))
                && !commonWord(splits[k + 1].rest()) && !MONTH_EPITHETS.contains(splits[k + 1].rest());
        return k > 0 && MONTH_CONTEXT.contains(splits[k - 1].rest()) && !rareWordNext
                || k + 1 < tokens.size() && MONTH_EPITHETS.contains(splits[k + 1].rest());
    }

    /**
     * A word written with the pronoun suffix ه (not ة, which matching folds into ه) on a common word, bare or with the
     * article: {@code أمنه} "its security" (not {@code آمنة}, Amina), {@code رأيه} "his opinion"; {@code عبده} has a given
     * name before the ه.
     */
    private boolean possessive(Token token, Clitics.Split split) {
        if (ArabicText.finalLetter(token.text()) != 'ه' || split.rest().length() < 3) {
            return false;
        }
        String stem = split.rest().substring(0, split.rest().length() - 1);
        return (commonWord(stem) || commonWord("ال" + stem)) && !gazetteer.isGivenName(stem);
    }

    /**
     * A common word with the pronoun suffix "his" or "our" ({@link #possessive}; {@code بلادنا}, "our country";
     * {@code موطنه}, "his homeland").
     */
    private boolean possessed(Token token, Clitics.Split split) {
        String word = split.rest();
        if (token.text().endsWith("نا") && word.length() >= 5) {
            String stem = word.substring(0, word.length() - 2);
            return (commonWord(stem) || commonWord("ال" + stem)) && !gazetteer.isGivenName(stem);
        }
        return possessive(token, split);
    }

    /** A word that is, alone, a place's name in the gazetteer or the catalogue ({@code الطائف}). */
    private boolean place(String word) {
        if (gazetteer.isPlace(word)) {
            return true;
        }
        EntityCatalog.Entry entry = EntityCatalog.standard().wholeName(word);
        return entry != null && entry.type().equals("LOCATION");
    }

    /**
     * Whether word {@code k}, read alone as a place, is an ordinary word ({@link #PLACE_LOOKALIKES}) or the Nile in
     * {@code النيل من}, "to harm".
     */
    private static boolean placeLookalike(Clitics.Split[] splits, int k) {
        String word = splits[k].rest();
        if (word.equals("النيل")) {
            return k + 1 < splits.length && splits[k + 1].prefixLength() == 0 && splits[k + 1].rest().equals("من");
        }
        return PLACE_LOOKALIKES.contains(word) && !(k > 0 && splits[k - 1].rest().equals("مدينه"));
    }

    /** A title written in construct with its place: a ruler's ({@link #CONSTRUCT_TITLES}) or a mayor's ({@code أمين}). */
    private static boolean placeTitle(String word) {
        return CONSTRUCT_TITLES.contains(word) || word.equals("امين");
    }

    /**
     * Whether token {@code k} is a title written in construct with the place the tagger begins right after it ({@code
     * سلطان عمان}, {@code أمير قطر}, {@code رئيس مصر}).
     */
    private static boolean titleOfPlace(Clitics.Split[] splits, int[] tags, int k) {
        return k + 1 < tags.length && tags[k + 1] == SequenceModel.begin(LOCATION)
                && CONSTRUCT_TITLES.contains(splits[k].rest());
    }

    /**
     * The last token of the place in a mention that starts with {@code منتخب} ("national team") followed by a place of
     * the gazetteer ({@code منتخب مصر لكرة القدم}), else -1. News annotation (ANERcorp: 13 of 14 such teams in its
     * training part; CoNLL) tags the country, a place, and leaves the word "team" out; the tagger had read the whole
     * as an organisation.
     */
    private int nationalTeam(List<Token> tokens, Clitics.Split[] splits, int first, int last) {
        if (first >= last || !splits[first].rest().equals("منتخب")) {
            return -1;
        }
        List<Gazetteer.Match> place = gazetteer.matches(tokens.subList(first + 1, last + 1));
        return place.isEmpty() || place.get(0).first() != 0 || place.get(0).type() != LOCATION
                || place.get(0).prefixLength() != 0 ? -1 : first + 1 + place.get(0).last();
    }

    /**
     * A lone one-word person that is a relational (nisba) adjective ({@code سياسي وأمني}, {@code مصدر أمني}): it ends in
     * ي, no person word stands next to it, and the training text uses its adjective forms (feminine, with the article)
     * at least twice as often as the bare word, which given names ending in ي ({@code هاني}, {@code مجدي}) never show.
     * Forms with the article ({@code السوداني}) stay: they are often family names. A place read with less than
     * {@link DocumentConsistency#CONFIDENT} confidence is held to the same test ({@code نزاع قبلي}, "a tribal conflict",
     * read as the Tunisian governorate Kebili); so is a one-word gazetteer name before the fallback adds it.
     */
    private boolean nisbaAdjective(Clitics.Split[] splits, int[] tags, int first, int last, int type,
                                   double confidence) {
        if (first != last || type != PERSON && !(type == LOCATION && confidence < DocumentConsistency.CONFIDENT)) {
            return false;
        }
        boolean personNext = first > 0 && SequenceModel.typeOf(tags[first - 1]) == PERSON
                || last + 1 < tags.length && SequenceModel.typeOf(tags[last + 1]) == PERSON;
        return !personNext && adjective(splits[first].rest()) && !(type == LOCATION && afterPreposition(splits, first));
    }

    /**
     * Whether every word of tokens {@code first..last} is a noun that heads organisations' names, without the article
     * ({@code منظمة}, {@code جامعة}); with it, such a word is also a name ({@code الاتحاد}, the club Al-Ittihad).
     */
    private boolean headNounsOnly(Clitics.Split[] splits, int first, int last) {
        for (int k = first; k <= last; k++) {
            String word = splits[k].rest();
            if (word.startsWith("ال") || gazetteer.trigger(word) != ORGANIZATION_TRIGGER) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether tokens {@code first..last} are an organisation's head noun and "the news" alone ({@code وكالة الأنباء},
     * "the news agency"): a common noun phrase until a name or adjective follows ({@code وكالة الأنباء القطرية}).
     */
    private boolean theNewsAgency(Clitics.Split[] splits, int first, int last) {
        return last == first + 1 && gazetteer.trigger(splits[first].rest()) == ORGANIZATION_TRIGGER
                && splits[last].rest().equals("الانباء");
    }

    /**
     * Whether token {@code k}, right after a place or facility noun without the article, is an adjective of that noun
     * rather than its name: an ordinal ({@code ولاية خامسة}, "a fifth term"), or a bare relational adjective, ending in
     * ي after a masculine noun or in ية after a feminine one ({@code قرية تراثية}, "a heritage village"; {@code معسكر
     * إعدادي}, "a training camp"), that the training text also writes with the article ({@code التراثية}) and that is no
     * word of a gazetteer name ({@code ولاية سعيدة}, {@code ميناء دبي}); foreign names are not written with the article
     * ({@code جبال روكي}, {@code مدينة أنطاكية}).
     */
    private boolean adjectiveAfterTrigger(List<Token> tokens, Clitics.Split[] splits, int k) {
        if (k == 0 || splits[k].prefixLength() > 0 || splits[k].rest().startsWith("ال")) {
            return false;
        }
        String noun = splits[k - 1].rest();
        if (noun.startsWith("ال") || gazetteer.trigger(noun) != PLACE_TRIGGER && !FacilityRule.isTrigger(noun)) {
            return false;
        }
        String word = splits[k].rest();
        if (ORDINALS.contains(word)) {
            return true;
        }
        boolean feminine = ArabicText.finalLetter(tokens.get(k - 1).text()) == 'ة';
        String text = tokens.get(k).text();
        boolean agrees = feminine ? text.endsWith("ية") && word.length() >= 5 : nisbaShaped(word) && word.length() >= 4;
        if (!agrees || gazetteer.tokenTypes(word) != 0) {
            return false;
        }
        String masculine = feminine ? word.substring(0, word.length() - 1) : word;
        Map<String, Integer> lexicon = model.lexicon();
        return lexicon.getOrDefault("ال" + masculine, 0) > 0 || lexicon.getOrDefault("ال" + masculine + "ه", 0) > 0;
    }

    /**
     * Right after {@code في}, {@code إلى}, {@code من} or {@code عن}: an adjective follows its noun, a place may follow a
     * preposition ({@code في مالي}, "in Mali"; {@code دعم مالي}, "financial support").
     */
    private static boolean afterPreposition(Clitics.Split[] splits, int k) {
        return k > 0 && PREPOSITIONS.contains(splits[k - 1].rest());
    }

    /**
     * A word the training text uses at least {@link #COMMON_WORD_COUNT} times ({@code الفريق}, {@code مدينة},
     * {@code أخرى}); a well-known place such as {@code القاهرة} is also one, and the model finds it without the rule.
     */
    private boolean commonWord(String norm) {
        return model.lexicon().getOrDefault(norm, 0) >= COMMON_WORD_COUNT;
    }

    /** A bare nisba adjective, by the test below: {@code مالي} ("financial") is an ordinary word, not Mali. */
    @Override
    public boolean ordinaryWord(String word, String language) {
        return adjective(word);
    }

    /** A bare nisba adjective ({@code أمني}, {@code قبلي}) by the training text's use of its adjective forms. */
    private boolean adjective(String word) {
        if (!nisbaShaped(word)) {
            return false;
        }
        Map<String, Integer> lexicon = model.lexicon();
        int adjective = lexicon.getOrDefault(word + "ه", 0) + lexicon.getOrDefault("ال" + word + "ه", 0)
                + lexicon.getOrDefault("ال" + word, 0);
        return adjective >= NISBA_MIN_COUNT && adjective >= NISBA_RATIO * lexicon.getOrDefault(word, 0);
    }

    /**
     * Whether a word of tokens {@code first..last} is written with tanween (ً ٌ ٍ), the mark of an indefinite noun or
     * adjective ({@code وافدٌ آسيوي}, "an Asian expatriate"; {@code سوريًا}, "Syrian", which without its marks reads
     * as Syria): names are definite, and news writes them without it. Such words are trimmed off a mention's end; a
     * mention that starts with one, or has one inside, is dropped.
     */
    private static boolean indefinite(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            String word = tokens.get(k).text();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= '\u064B' && c <= '\u064D') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A lone preposition written with alef maqsura ({@code على} "on", {@code إلى}, {@code لدى}, {@code حتى}): matching
     * folds ى into ي, and {@code على} then reads as the name Ali.
     */
    static boolean preposition(List<Token> tokens, int first, int last) {
        Token word = tokens.get(first);
        return first == last && ArabicText.finalLetter(word.text()) == 'ى' && MAQSURA_PREPOSITIONS.contains(word.norm());
    }

    /**
     * The given name {@code علي}, written with ي, before a person's other names, in a text that writes the prepositions
     * with ى. Parts of the training text write the preposition {@code على} ("on") as {@code علي}, five times as often as
     * the name, so the tagger leaves the name out. {@code علي} right before a person mention joins it ({@code علي} +
     * {@code عبد الله صالح}); before a family name with the article ending in ي (whatever the tagger read it as), or
     * before a given name, the two are a person ({@code علي الأحمدي}, {@code علي النعيمي}); not before a common word
     * ({@code علي المستوي}, as the training text writes "on the level"). {@code عليّ} with a shadda ("upon me") is left
     * alone.
     */
    private void givenNameAli(List<Token> tokens, Clitics.Split[] splits, int from, List<Mention> found,
                              int sentenceMentions, boolean[] covered) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (covered[k] || !tokens.get(k).text().equals("علي")) {
                continue;
            }
            String next = tokens.get(k + 1).text();
            boolean familyName = next.startsWith("ال") && next.endsWith("ي") && next.length() >= 5
                    && !commonWord(splits[k + 1].rest());
            for (int i = sentenceMentions; i < found.size() && !covered[k]; i++) {
                Mention m = found.get(i);
                // a person, or a lone family name read as something else (الأحمدي, a Kuwaiti governorate)
                if (m.first() == from + k + 1 && m.prefixLength() == 0
                        && (m.type() == PERSON || familyName && m.last() == m.first())) {
                    found.set(i, new Mention(from + k, m.last(), PERSON, m.confidence(), m.source(), 0));
                    covered[k] = true;
                }
            }
            if (!covered[k] && !covered[k + 1] && splits[k + 1].prefixLength() == 0
                    && (familyName || gazetteer.isGivenName(splits[k + 1].rest()) && !commonWord(splits[k + 1].rest()))) {
                add(from, 0, k, k + 1, PERSON, RULE_CONFIDENCE, "rule", found, covered);
            }
        }
    }

    private static boolean verbalNoun(String word) {
        return VERBAL_NOUN_X.matcher(word).matches();
    }

    /** Ends in ي, without the article: the shape of a bare nisba adjective, and of some names. */
    private static boolean nisbaShaped(String word) {
        return word.length() >= 3 && word.endsWith("ي") && !word.startsWith("ال");
    }

    /**
     * A person made of nisba-shaped words joined by و ({@code دور عراقي–أميركي لوجستي واستخباري}): every word ends in
     * ي, none carries the article or is a known given name, and a word after the first starts with a clitic (the
     * conjunction و split off or, on a rare adjective such as {@code واستخباري}, left on). A name does not coordinate
     * its own parts; adjectives do.
     */
    private boolean coordinatedAdjectives(Clitics.Split[] splits, int first, int last, int type) {
        if (first == last || type != PERSON) {
            return false;
        }
        boolean conjunction = false;
        for (int k = first; k <= last; k++) {
            String word = splits[k].rest();
            if (!nisbaShaped(word) || gazetteer.isGivenName(word)) {
                return false;
            }
            conjunction |= k > first && (splits[k].prefixLength() > 0 || word.startsWith("و") && word.length() > 4);
        }
        return conjunction;
    }

    /**
     * A place ending in a directional adjective that agrees with the head noun before it, not with the name: in
     * {@code بمحافظة الأنبار الغربية} the western one is the governorate, and the name is {@code الأنبار}. Only where the
     * word before the mention is a place head ({@code محافظة}, {@code مدينة} …) and the rest is a known place while the
     * whole is not ({@code كوريا الشمالية} stays whole).
     */
    private boolean headAdjective(List<Token> tokens, Clitics.Split[] splits, int first, int last, int type) {
        if (type != LOCATION || last == first || first == 0 || !DIRECTIONS.contains(splits[last].rest())
                || gazetteer.trigger(splits[first - 1].rest()) != PLACE_TRIGGER) {
            return false;
        }
        List<Gazetteer.Match> known = gazetteer.matches(tokens.subList(first, last + 1));
        return !known.isEmpty() && known.get(0).first() == 0 && known.get(0).last() == last - first - 1
                && known.get(0).type() == LOCATION;
    }

    private static boolean within(List<int[]> spans, int first, int last) {
        for (int[] span : spans) {
            if (span[0] <= first && last <= span[1]) {
                return true;
            }
        }
        return false;
    }

    /** A mention over tokens {@code [first, last]} of the whole text, leaving out {@code prefixLength} characters. */
    record Mention(int first, int last, int type, double confidence, String source, int prefixLength) {
    }

    private static void add(int offset, int prefixLength, int first, int last, int type, double confidence, String source,
                            List<Mention> found, boolean[] covered) {
        for (int k = first; k <= last; k++) {
            covered[k] = true;
        }
        found.add(new Mention(offset + first, offset + last, type, confidence, source, prefixLength));
    }

    private static Entity entity(String text, List<Token> tokens, Mention m) {
        int first = m.first();
        int last = m.last();
        int prefix = m.prefixLength();
        while (first <= last && !isWord(tokens.get(first).text())) {
            first++;
            prefix = 0;
        }
        while (last >= first && !isWord(tokens.get(last).text())) {
            last--;
        }
        if (first > last) {
            return null;
        }
        Token head = tokens.get(first);
        int start = head.start() + originalLength(head.text(), prefix);
        int end = tokens.get(last).end();
        int from = text.offsetByCodePoints(0, start);
        String mention = text.substring(from, text.offsetByCodePoints(from, end - start));
        return new Entity(mention, Gazetteer.TYPES.get(m.type()), start, end, Math.round(m.confidence() * 1000) / 1000.0,
                m.source());
    }

    private static boolean isWord(String token) {
        return Tokenizer.isWordPart(token.codePointAt(0));
    }

    /** Code points of {@code word} spanned by its first {@code normalizedChars} letters, with their marks. */
    static int originalLength(String word, int normalizedChars) {
        if (normalizedChars == 0) {
            return 0;
        }
        int letters = 0;
        int cps = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            boolean mark = Character.getType(cp) == Character.NON_SPACING_MARK || cp == '\u0640';
            if (!mark) {
                if (letters == normalizedChars) {
                    return cps;
                }
                letters++;
            }
            i += Character.charCount(cp);
            cps++;
        }
        return cps;
    }

    @Override
    public String version() {
        return model.version();
    }
}
