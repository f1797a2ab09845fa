package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.khabar.model.Entity;

/**
 * Tags English or French raw text with a trained {@link NerModel} over {@link LatinFeatures}; capitalised gazetteer names
 * the model left untouched are added as a fallback (they never override a model mention) and curated catalogue names
 * take their catalogue type ({@link CuratedTypes}); last, a family name standing alone takes the type of the person
 * named in full in the text. Safe for concurrent use.
 */
final class LatinRecognizer implements EntityRecognizer {
    /** What joins the items of a list: a comma, "and", "or", in English and French. */
    private static final Set<String> LIST_JOINS = Set.of(",", "and", ", and", "or", "et", "ou");
    /** Catalogue id prefixes of the names that mean one thing, whole, whatever words they are made of. */
    private static final List<String> CURATED_THINGS = List.of("product:", "event:", "org:");

    private static final double FALLBACK_CONFIDENCE = 0.7;
    private static final int PERSON = Gazetteer.TYPES.indexOf("PERSON");
    private static final double TEMPERATURE = 20;

    /** Words after which a full stop does not end the sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col",
            "lt", "sgt", "capt", "rep", "sen", "gov", "prof", "rev", "inc", "corp", "co", "ltd", "no", "vs", "etc", "mt",
            "m", "mm", "mme", "mlle", "me", "ste", "ft", "mgr", "av", "bd", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
            "oct", "nov", "dec");

    /** Lower-case particles written joined to the next name by a hyphen in romanised Arabic names. */
    private static final Set<String> PARTICLES = Set.of("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud",
            "ul", "bin", "ibn", "abu", "bint");

    private static final Set<String> DEMONYMS = Set.copyOf(Gazetteer.loadWords("/gazetteer/demonyms-en.txt"));
    private static final Set<String> FRENCH_DEMONYMS = frenchDemonyms(Gazetteer.loadWords("/gazetteer/demonyms-fr.txt"));
    private static final Set<String> COUNTRY_SHORT = Set.of("US", "UK", "EU", "UN");
    private static final Set<String> PORTFOLIO_LINKS = Set.of("de", "des", "du", "d", "of", "for", "la", "le", "l",
            "the");
    /** French words for a street, lower-cased, as an address writes them after its number. */
    private static final Set<String> STREET_WORDS = Set.of("rue", "r", "boulevard", "bd", "boul", "avenue", "av",
            "place", "quai", "faubourg", "passage", "impasse", "cité", "chaussée", "allée", "square", "cours");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("[0-9]{1,4}[A-Za-z]{0,2}");
    private static final Set<String> TITLE_COMPLEMENTS = Set.of("state", "defense", "defence", "finance", "health",
            "energy", "commerce", "treasury", "homeland", "staff", "education", "agriculture", "labor", "labour",
            "trade", "transport", "transportation", "interior", "foreign", "affairs", "home", "justice", "economy",
            "information", "culture", "environment", "security", "industry", "tourism", "planning", "development",
            "commonwealth", "international", "european", "youth", "sport", "sports", "water", "oil", "housing",
            "communications", "immigration", "veterans", "and", "état", "etat");
    /** Lower-case words that never end a name: links and elided articles left at its end ({@code d'} of d'Abdel). */
    private static final Set<String> NO_NAME_END = Stream.concat(PORTFOLIO_LINKS.stream(),
            Stream.of("and", "et", "à", "au", "aux", "en", "in", "on", "at", "by", "y", "qu")).collect(
            Collectors.toUnmodifiableSet());
    /** Kinship particles written apart between the parts of an Arabic name ({@code Mohammed bin Salman}). */
    private static final Set<String> KIN = Set.of("bin", "ibn", "bint", "ben");
    /**
     * Particles of European family names written apart ({@code Ursula von der Leyen}, {@code Charles de Gaulle}); the
     * first set's also join a capitalised word the tagger left out ({@code Ludwig van Beethoven}).
     */
    private static final Set<String> NAME_LINKS_ALONE = Set.of("von", "van", "der", "den", "ter", "ten", "zu", "vom",
            "zur");
    private static final Set<String> NAME_LINKS = Stream.concat(NAME_LINKS_ALONE.stream(),
            Stream.of("de", "du", "da", "di", "del", "della", "dos", "das", "la", "le"))
            .collect(Collectors.toUnmodifiableSet());
    private static final int MISC = Gazetteer.TYPES.indexOf("MISC");
    private static final double NATIONALITY_CONFIDENCE = 0.8;
    private static final Set<String> DASHES = Set.of("-", "–", "—");
    private static final double DATELINE_CONFIDENCE = 0.8;
    private static final double STORM_CONFIDENCE = 0.8;
    private static final int LOCATION = Gazetteer.TYPES.indexOf("LOCATION");
    private static final int ORGANIZATION = Gazetteer.TYPES.indexOf("ORGANIZATION");

    /** French heads of a facility named after its place ({@code la base aérienne d'Aïn al-Assad}). */
    private static final Set<String> FACILITY_HEADS = Set.of("base", "aéroport", "camp", "prison", "port");

    private static final Set<String> ARTICLES = Set.of("la", "le", "les", "the");
    /** Endings of the French adjectives after a ministry's portfolio ({@code publique}, {@code étrangères}). */
    private static final Pattern ADJECTIVE_END =
            Pattern.compile("(?:ique|ère|ale|aux|elle|ieure?|aire|ienne|ive|if)s?$");
    private static final Pattern YEAR = Pattern.compile("1[89]\\d\\d|20\\d\\d");
    /** The last word of an election's name ({@code 2016 United States presidential election}). */
    private static final Set<String> ELECTION_WORDS = Set.of("election", "elections", "primaries", "primary",
            "referendum");
    /** Kinds of elections ({@code presidential election}, {@code federal election}). */
    private static final Set<String> ELECTION_KINDS = Set.of("presidential", "general", "legislative",
            "parliamentary", "federal", "state", "gubernatorial", "senate", "midterm", "local", "municipal", "regional",
            "national", "mayoral", "provincial", "leadership", "constitutional", "independence");
    /** Words that name a storm before its given name ({@code Hurricane Milton}, {@code tempête Ciarán}). */
    private static final Set<String> STORM_WORDS = Set.of("hurricane", "storm", "typhoon", "cyclone", "ouragan",
            "tempête", "typhon");
    /** French prepositions that start a clause of their own after a name ({@code en Italie pendant la guerre}). */
    private static final Set<String> CLAUSE_PREPOSITIONS = Set.of("pendant", "durant", "après", "avant", "depuis",
            "lors", "contre", "avec", "sans", "sous", "pour", "par", "entre", "vers", "chez", "selon", "malgré");
    /** Lower-case words inside French names: articles, prepositions and conjunctions. */
    private static final Set<String> FRENCH_LINKS = Set.of("de", "du", "des", "d", "la", "le", "les", "l", "et", "en",
            "sur", "sous", "à", "au", "aux", "pour", "par", "dans", "entre", "avec", "ou", "lès", "lez", "y");
    /** Determiners that follow a verb, never an adjective inside a name ({@code frappe le sud}). */
    private static final Set<String> FRENCH_DETERMINERS = Set.of("le", "la", "les", "l'", "l’", "un", "une", "ses",
            "son", "sa", "leur", "leurs", "ce", "cette", "ces");
    /** French prepositions between a headline's event and its place ({@code Guerre en Ukraine}, {@code Attaque contre}). */
    private static final Set<String> EVENT_PLACE_PREPOSITIONS = Set.of("en", "au", "aux", "à", "contre");
    private static final Set<String> NAME_PARTICLES = Set.of("los", "las", "des", "les", "dos", "das", "ses", "aus");

    private final NerModel model;
    private final Gazetteer gazetteer;
    private final LatinFeatures features;
    private final boolean fallback;
    /** The encoder whose vectors the model's dense weights read, or null for a model without them. */
    private final ContextVectors context;

    LatinRecognizer(NerModel model, Gazetteer gazetteer, boolean fallback) {
        int dimensions = model.tagger().dimensions;
        this.context = dimensions == 0 ? null : ContextVectors.standard();
        if (context != null && (context.dimensions != dimensions || !context.name.equals(model.encoder()))) {
            throw new IllegalStateException(model.version() + " reads " + dimensions + " numbers a word from "
                    + model.encoder() + ", the bundled encoder gives " + context.dimensions + " from " + context.name);
        }
        this.model = model;
        this.gazetteer = gazetteer;
        this.features = new LatinFeatures(gazetteer, new Gazetteer(model.names(), List.of()), LatinNames.standard(),
                model.clusters(), model.lexicon(), model.tagger().bits);
        this.fallback = fallback;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        List<Token> all = Tokenizer.tokenize(text);
        List<Entity> found = new ArrayList<>();
        boolean english = language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (i == all.size() - 1 || endsSentence(text, all, i)) {
                tagSentence(text, all.subList(from, i + 1), found, english);
                from = i + 1;
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        EntityCatalog catalog = EntityCatalog.standard();
        List<Entity> typed = fallback ? CuratedTypes.apply(catalog, CuratedTypes.joined(catalog, text, found)) : found;
        List<Entity> placed = english ? typed : withHouseNumbers(text, all, typed);
        return clubsListed(text, familyNamesAsPersons(fallback ? datelines(text, all, placed) : placed));
    }

    /**
     * A city listed among organisations is a club or company named after it ({@code Arsenal, Liverpool and Tottenham
     * Hotspur}): in a list of mentions joined by commas, "and" or "or" with more organisations than places, a one-word
     * place that is a city's or town's name (not a country's) is an organisation.
     */
    static List<Entity> clubsListed(String text, List<Entity> found) {
        List<Entity> out = null;
        int i = 0;
        while (i < found.size()) {
            int j = i;
            while (j + 1 < found.size() && listed(text, found.get(j), found.get(j + 1))) {
                j++;
            }
            int organisations = 0;
            int places = 0;
            for (int k = i; k <= j; k++) {
                organisations += found.get(k).type().equals("ORGANIZATION") ? 1 : 0;
                places += found.get(k).type().equals("LOCATION") ? 1 : 0;
            }
            for (int k = i; k <= j && organisations > places; k++) {
                Entity e = found.get(k);
                if (e.type().equals("LOCATION") && e.text().indexOf(' ') < 0 && city(e.text())) {
                    out = out == null ? new ArrayList<>(found) : out;
                    out.set(k, new Entity(e.text(), "ORGANIZATION", e.start(), e.end(), e.confidence(), e.source(),
                            e.canonical()));
                }
            }
            i = j + 1;
        }
        return out == null ? found : out;
    }

    /** Whether only a list's join stands between two mentions. */
    private static boolean listed(String text, Entity a, Entity b) {
        if (b.start() <= a.end()) {
            return false;
        }
        int from = text.offsetByCodePoints(0, a.end());
        String between = text.substring(from, text.offsetByCodePoints(from, b.start() - a.end())).strip();
        return LIST_JOINS.contains(between);
    }

    /** A city's or town's name, in the catalogue or in GeoNames' list, not a country's. */
    private static boolean city(String name) {
        EntityCatalog.Entry entry = EntityCatalog.standard().wholeName(name);
        if (entry != null) {
            return (entry.id().startsWith("city:") || entry.id().startsWith("place:")) && entry.type().equals("LOCATION");
        }
        List<Token> words = Tokenizer.tokenize(name);
        return words.size() == 1 && LatinNames.standard().isPlace(words.get(0).norm());
    }

    /**
     * French places that are a street, grown over the house number written before them ({@code 30, boulevard des
     * Italiens}, {@code 96, rue de Rivoli}): an address is one place, as French annotation (Europeana) has it.
     */
    static List<Entity> withHouseNumbers(String text, List<Token> tokens, List<Entity> found) {
        List<Entity> out = null;
        Map<Integer, Integer> tokenAt = new HashMap<>();
        for (int k = 0; k < tokens.size(); k++) {
            tokenAt.put(tokens.get(k).start(), k);
        }
        for (int i = 0; i < found.size(); i++) {
            Entity e = found.get(i);
            Integer k = tokenAt.get(e.start());
            if (k == null || !e.type().equals("LOCATION")
                    || !STREET_WORDS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int number = k >= 1 && houseNumber(tokens.get(k - 1).text()) ? k - 1
                    : k >= 2 && (tokens.get(k - 1).text().equals(",") || tokens.get(k - 1).text().equals("."))
                    && houseNumber(tokens.get(k - 2).text()) ? k - 2 : -1;
            if (number >= 0 && (i == 0 || found.get(i - 1).end() <= tokens.get(number).start())) {
                int start = tokens.get(number).start();
                int from = text.offsetByCodePoints(0, start);
                String written = text.substring(from, text.offsetByCodePoints(from, e.end() - start));
                out = out == null ? new ArrayList<>(found) : out;
                out.set(i, new Entity(written, e.type(), start, e.end(), e.confidence(), e.source(), e.canonical()));
            }
        }
        return out == null ? found : out;
    }

    /** A house number: up to four digits, then at most two letters ({@code 12}, {@code 6J}, OCR's misreadings). */
    private static boolean houseNumber(String word) {
        return HOUSE_NUMBER.matcher(word).matches();
    }

    /**
     * The place of a wire story's dateline ({@code DHAHRAN, Saudi Arabia (Reuters) -}, {@code PARIS (AFP) —}): one to
     * three capitalised words that open a paragraph, before the rest of a dateline ({@link #dateline}), are a place,
     * whatever the tagger read them as (it read {@code Dhahran} as a person).
     */
    private List<Entity> datelines(String text, List<Token> tokens, List<Entity> found) {
        List<Entity> out = null;
        int[] codePoints = null;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.get(i).start();
            if (start > 0) {
                codePoints = codePoints == null ? text.codePoints().toArray() : codePoints;
                int before = start - 1;
                while (before >= 0 && (codePoints[before] == ' ' || codePoints[before] == '\t')) {
                    before--;
                }
                if (before >= 0 && codePoints[before] != '\n') {
                    continue;
                }
            }
            int j = i;
            while (j < tokens.size() && j - i < 3 && isWord(tokens.get(j).text())
                    && Character.isUpperCase(tokens.get(j).text().codePointAt(0))) {
                j++;
            }
            if (j == i || j >= tokens.size() || !dateline(tokens, j)) {
                continue;
            }
            int to = tokens.get(j - 1).end();
            codePoints = codePoints == null ? text.codePoints().toArray() : codePoints;
            out = out == null ? new ArrayList<>(found) : out;
            out.removeIf(e -> e.start() < to && e.end() > start);
            out.add(new Entity(new String(codePoints, start, to - start), "LOCATION", start, to, DATELINE_CONFIDENCE,
                    "rule"));
        }
        if (out == null) {
            return found;
        }
        out.sort(Comparator.comparingInt(Entity::start));
        return out;
    }

    /**
     * Whether what follows the opening words at token {@code j} is the rest of a dateline: a comma, a known place and a
     * dash within eight tokens, or an agency of one to four capitalised words in brackets and a dash.
     */
    private boolean dateline(List<Token> tokens, int j) {
        String mark = tokens.get(j).text();
        if (mark.equals(",")) {
            for (int m = j + 1; m <= j + 3 && m + 1 < tokens.size(); m++) {
                if (knownPlace(tokens, j + 1, m)) {
                    // a dash ends the dateline: DHAHRAN, Saudi Arabia, June 30 (Reuters) - (not Musée Munch, Oslo,)
                    for (int d = m + 1; d <= m + 8 && d < tokens.size() && !tokens.get(d).text().equals("."); d++) {
                        if (DASHES.contains(tokens.get(d).text())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        if (mark.equals("(")) {
            for (int m = j + 1; m <= j + 5 && m + 1 < tokens.size(); m++) {
                String word = tokens.get(m).text();
                if (word.equals(")")) {
                    return m > j + 1 && DASHES.contains(tokens.get(m + 1).text());
                }
                if (!isWord(word) || !Character.isUpperCase(word.codePointAt(0))) {
                    return false;  // Jordan Peterson (right) - : a caption, no agency
                }
            }
        }
        return false;
    }

    /**
     * A less confident one-word mention that is the family name of a person named in full in the same text is that
     * person: {@code Soudani}, read as a place, after {@code Mohammed Chia al-Soudani}. A hyphenated particle
     * ({@code al-}) does not count in the comparison; nationality-rule mentions are left alone.
     */
    static List<Entity> familyNamesAsPersons(List<Entity> found) {
        Set<String> familyNames = new HashSet<>();
        for (Entity e : found) {
            String[] words = e.text().split(" ");
            if (e.type().equals("PERSON") && e.confidence() >= DocumentConsistency.CONFIDENT && words.length > 1) {
                familyNames.add(withoutParticle(words[words.length - 1]));
            }
        }
        if (familyNames.isEmpty()) {
            return found;
        }
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            boolean familyName = !e.type().equals("PERSON") && !e.source().equals("rule")
                    && e.confidence() < DocumentConsistency.CONFIDENT && e.text().indexOf(' ') < 0
                    && familyNames.contains(withoutParticle(e.text()));
            out.add(familyName ? new Entity(e.text(), "PERSON", e.start(), e.end(), e.confidence(), e.source()) : e);
        }
        return out;
    }

    private static String withoutParticle(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int hyphen = lower.indexOf('-');
        return hyphen > 0 && PARTICLES.contains(lower.substring(0, hyphen)) ? lower.substring(hyphen + 1) : lower;
    }

    /** A full stop, question or exclamation mark followed by white space, not after an abbreviation or an initial. */
    static boolean endsSentence(String text, List<Token> tokens, int i) {
        String token = tokens.get(i).text();
        if (!token.equals(".") && !token.equals("!") && !token.equals("?")) {
            return false;
        }
        int end = tokens.get(i).end();
        if (i + 1 < tokens.size() && tokens.get(i + 1).start() == end) {
            return false;
        }
        if (token.equals(".") && i > 0) {
            Token previous = tokens.get(i - 1);
            String word = previous.text();
            boolean attached = previous.end() == tokens.get(i).start();
            if (attached && (word.length() == 1 && Character.isUpperCase(word.charAt(0))
                    || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }

    private void tagSentence(String text, List<Token> tokens, List<Entity> found, boolean english) {
        SequenceModel tagger = model.tagger();
        float[][] emissions = tagger.emissions(features.features(tokens),
                context == null ? null : context.of(tokens.stream().map(Token::text).toList()));
        model.bias(emissions);
        int[] tags = joinParticles(tokens, tagger.decode(emissions));
        List<SequenceModel.Chunk> chunks = joined(tokens, tagger.chunks(emissions, tags, TEMPERATURE));
        for (SequenceModel.Chunk c : chunks) {
            int separator = kickerEnd(tokens, c.first(), c.last(), c.type(), english);
            separator = separator > 0 || c.type() == MISC ? separator
                    : english ? innerVerb(tokens, c.first(), c.last()) : frenchInnerVerb(tokens, c.first(), c.last());
            separator = separator > 0 || english || c.type() != LOCATION ? separator
                    : verbBetweenPlaces(tokens, c.first(), c.last());
            if (separator > 0) {
                // Liban : Israël frappe, a headline's kicker and its news read as one name: two sentences, tagged apart
                if (!(separator == 1 && !english && rubricWord(tokens.get(0)))) {
                    tagSentence(text, tokens.subList(0, separator), found, english);  // Santé : … has no name before
                }
                tagSentence(text, tokens.subList(separator + 1, tokens.size()), found, english);
                return;
            }
        }
        boolean[] covered = new boolean[tokens.size()];
        boolean[] nationality = english ? nationalities(tokens) : new boolean[tokens.size()];
        // names found by rule, which take the place of the model's mentions inside them: English elections (MISC),
        // French ministries (organisations)
        List<int[]> ruleNames = english ? elections(tokens) : ministries(tokens);
        // one catalogue look-up a sentence, for the names taken whole here and the organisations added at the end
        List<int[]> named = fallback ? EntityCatalog.standard().spans(tokens, CURATED_THINGS) : List.of();
        List<int[]> curated = curatedThings(tokens, named);
        for (SequenceModel.Chunk chunk : chunks) {
            SequenceModel.Chunk c = outside(chunk, curated);
            if (c == null || ruleNames.stream().anyMatch(m -> m[0] <= c.first() && c.last() <= m[1])) {
                continue;  // Électricité of ministère irakien de l'Électricité: the ministry, added below
            }
            if (!english && c.first() == c.last() && c.type() != PERSON && portfolio(tokens, c.first())) {
                continue;  // président de la République, ministre de l'Intérieur: part of a title (English "director
                           // of the FBI" names the organisation)
            }
            if (!english && people(tokens, c.first(), c.last())) {
                continue;  // les Français, des Irakiens: a people, not a place (French gold sets have no MISC)
            }
            if (!english && commonState(tokens, c.first(), c.last())) {
                continue;  // chefs d'État européens, coup d'État: the state as a common noun
            }
            if (onlyNationalities(tokens, nationality, c.first(), c.last())) {
                continue;  // Iraqi, British government read as a place or organisation: nationalities, tagged below
            }
            if (c.type() != PERSON && titlePhrase(tokens, c.first(), c.last())) {
                // ministre des Affaires étrangères, Premier ministre libanais: a title, not an organisation; a name
                // right after it is the person who holds it (Premier ministre libanais Najib Mikati)
                int name = nameAfterTitle(tokens, c.first(), c.last());
                if (name >= 0) {
                    add(text, tokens, name, c.last(), PERSON, c.confidence(), "model", found, covered);
                }
                continue;
            }
            if (!english && rubric(tokens, c.first(), c.last())) {
                continue;  // Santé : le gouvernement annonce, a headline's rubric
            }
            int event = english ? -1 : afterEventWords(tokens, c.first(), c.last());
            if (event > c.last()) {
                continue;  // Canicule (en Irak): no name
            }
            if (event > 0) {
                // Guerre en Ukraine, Canicule en Irak: a headline's event and its place read as one name (WikiANN
                // tags article titles such as Viticulture en Espagne whole); the place alone is the name
                int end = nameEnd(tokens, event, c.last());
                add(text, tokens, event, end, knownPlace(tokens, event, end) ? LOCATION : c.type(), c.confidence(),
                        "model", found, covered);
                continue;
            }
            int facility = english ? -1 : facilityName(tokens, c.first(), c.last());
            if (facility >= 0) {
                add(text, tokens, facility, c.last(), LOCATION, c.confidence(), "model", found, covered);
                continue;
            }
            int first = c.first();
            int last = c.last();
            if (c.type() == PERSON) {
                first = withoutTitles(tokens, first, last);
                last = withoutLowerCaseEnd(tokens, first, last);
            } else if (english && (c.type() == MISC || first == 0 && last + 1 < tokens.size()
                    && tokens.get(last + 1).text().equals(":"))) {
                // Iraq heatwave: Baghdad hits 50C, a kicker; Nobel Prize winner, Artemis II mission: the thing named
                last = withoutLowerCaseEnd(tokens, first, last);
            } else if (!english && c.type() == LOCATION && !knownPlace(tokens, first, last)) {
                int place = withoutLowerCaseEnd(tokens, first, last);
                last = place < last && knownPlace(tokens, first, place) ? place : last;  // Bagdad suffoque, Syrie voisine
            } else if (!english && c.type() == ORGANIZATION && !known(tokens, first, last, ORGANIZATION)) {
                last = knownBeforeLowerCase(tokens, first, last, ORGANIZATION);  // Union européenne débloquera
            }
            if (english && c.type() == LOCATION && last > first
                    && tokens.get(first).text().chars().allMatch(Character::isDigit)
                    && Character.isUpperCase(tokens.get(first + 1).text().codePointAt(0))) {
                first++;  // 10 Downing Street: English annotation leaves the house number out (French keeps it)
            }
            boolean afterStorm = first > 0 && stormWord(tokens.get(first - 1));
            boolean startsWithStorm = last > first && stormWord(tokens.get(first));
            if ((c.type() == PERSON || c.type() == MISC) && (afterStorm || startsWithStorm)
                    || c.type() == LOCATION && afterStorm) {
                // Hurricane Milton, la tempête Ciarán, l'ouragan Milton: a storm, not a person or a place; a
                // capitalised storm word before the name is part of it (Hurricane + Milton), a lower-case one is not
                // (ouragan); a place that starts with one is a place (Storm Lake)
                boolean lowerCaseWord = Character.isLowerCase(tokens.get(first).text().codePointAt(0));
                int from = startsWithStorm && lowerCaseWord ? first + 1 : first;
                if (afterStorm && Character.isUpperCase(tokens.get(first - 1).text().codePointAt(0))) {
                    from = first - 1;
                }
                add(text, tokens, from, last, MISC, c.confidence(), "model", found, covered);
                continue;
            }
            if (!english && tokens.subList(first, last + 1).stream()
                    .noneMatch(t -> t.text().codePoints().anyMatch(Character::isUpperCase))) {
                continue;  // sud, la frontière: French names have a capital (Europeana's OCR lower-case runs neither)
            }
            if (onlyTitles(tokens, first, last)) {
                continue;  // Premier ministre, Supreme (Leader): a title alone names nobody
            }
            add(text, tokens, first, last, c.type(), c.confidence(), "model", found, covered);
        }
        for (int[] m : ruleNames) {
            boolean free = true;
            for (int k = m[0]; k <= m[1]; k++) {
                free &= !covered[k];
            }
            if (free) {
                add(text, tokens, m[0], m[1], english ? MISC : ORGANIZATION, NATIONALITY_CONFIDENCE, "rule", found,
                        covered);
            }
        }
        for (int[] m : curated) {
            boolean free = true;
            for (int k = m[0]; k <= m[1]; k++) {
                free &= !covered[k];
            }
            if (free) {
                add(text, tokens, m[0], m[1], m[2], FALLBACK_CONFIDENCE, "gazetteer", found, covered);
            }
        }
        for (int k = 0; k < tokens.size(); k++) {
            if (nationality[k] && !covered[k]) {
                add(text, tokens, k, k, MISC, NATIONALITY_CONFIDENCE, "rule", found, covered);
            }
        }
        for (int k = 0; k + 1 < tokens.size(); k++) {
            // Hurricane Milton hits Florida, left untagged: a capitalised storm word and the capitalised word after it
            Token storm = tokens.get(k);
            Token name = tokens.get(k + 1);
            if (stormWord(storm) && Character.isUpperCase(storm.text().codePointAt(0)) && isWord(name.text())
                    && Character.isUpperCase(name.text().codePointAt(0)) && !covered[k] && !covered[k + 1]) {
                add(text, tokens, k, k + 1, MISC, STORM_CONFIDENCE, "rule", found, covered);
            }
        }
        if (fallback) {
            for (Gazetteer.Match m : gazetteer.matches(tokens)) {
                boolean free = Character.isUpperCase(tokens.get(m.first()).text().codePointAt(0)) && m.prefixLength() == 0;
                for (int k = m.first(); k <= m.last() && free; k++) {
                    free = !covered[k];
                }
                if (!english && m.first() == m.last() && frenchFunctionWord(tokens.get(m.first()))) {
                    continue;  // UN of a French headline in capitals is the article, not the United Nations
                }
                if (free && (!model.unreliableNames().contains(Gazetteer.key(tokens, m)) || country(tokens, m))) {
                    add(text, tokens, m.first(), m.last(), m.type(), FALLBACK_CONFIDENCE, "gazetteer", found, covered);
                }
            }
            if (LatinFeatures.caseMode(tokens) != 1) {
                curatedOrganisations(text, tokens, named, found, covered, english);  // not in a headline in capitals
            }
        }
    }

    /**
     * Whether the match is a country's name: the training labels make countries look unreliable (WikiANN's {@code
     * France} inside {@code Tour de France}, {@code Coupe de France}), but standing alone, which is all the fallback
     * sees, a country is a place ({@code Selon Bagdad, l'Irak ferme}, which the French model leaves untagged).
     */
    private static boolean country(List<Token> tokens, Gazetteer.Match m) {
        if (m.last() > m.first() && ARTICLES.contains(tokens.get(m.first()).norm())) {
            return false;  // La réunion, a meeting at a sentence's start, not La Réunion
        }
        EntityCatalog.Entry entry = EntityCatalog.standard()
                .wholeName(EntityCatalog.words(tokens.subList(m.first(), m.last() + 1)));
        return entry != null && entry.id().startsWith("country:");
    }

    /**
     * Adds, as organisations, the curated organisations of the catalogue ({@code catalog/news-entities.tsv}) that the
     * model left untouched ({@code WHO}, {@code OPEC}, {@code Hezbollah}), among the catalogue's spans {@code named}
     * ({@link EntityCatalog#spans(List, List)} of {@link #CURATED_THINGS}). A one-word name at the start of a sentence
     * counts only when it is an acronym ({@code Amazon}, {@code Fed}, {@code Arsenal} also start sentences as words), and
     * in French not when it is a function word ({@code UN}, the article written in capitals).
     */
    private static void curatedOrganisations(String text, List<Token> tokens, List<int[]> named, List<Entity> found,
                                             boolean[] covered, boolean english) {
        for (int[] span : named) {
            if (!CURATED_THINGS.get(span[3]).equals("org:")) {
                continue;
            }
            int first = span[0];
            int last = span[1];
            String name = tokens.get(first).text();
            boolean free = Character.isUpperCase(name.codePointAt(0)) && (first > 0 || last > first
                    || name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT)))
                    && !(!english && first == last && frenchFunctionWord(tokens.get(first)));  // UN, the article
            for (int k = first; k <= last && free; k++) {
                free = !covered[k];
            }
            if (free) {
                add(text, tokens, first, last, ORGANIZATION, FALLBACK_CONFIDENCE, "gazetteer", found, covered);
            }
        }
    }

    /**
     * Tokens that are a nationality, people, region or religion word not followed by a name ({@code Iraqi forces},
     * {@code Iraqis}, {@code Sunni}, {@code German Chancellor}; not {@code British Airways}, {@code Saudi Arabia}), which
     * news-style NER (CoNLL) tags as MISC.
     */
    static boolean[] nationalities(List<Token> tokens) {
        boolean[] out = new boolean[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            String word = tokens.get(k).text();
            String singular = word.endsWith("ans") || word.endsWith("is") ? word.substring(0, word.length() - 1) : word;
            boolean known = DEMONYMS.contains(word) || !singular.equals(word) && DEMONYMS.contains(singular);
            String next = k + 1 < tokens.size() ? tokens.get(k + 1).text() : ".";
            boolean portfolio = k + 2 < tokens.size() && complement(tokens.get(k + 1))
                    && LatinFeatures.isPersonTitle(tokens.get(k + 2).text().toLowerCase(Locale.ROOT));
            boolean named = Character.isUpperCase(next.codePointAt(0))
                    && !LatinFeatures.isPersonTitle(next.toLowerCase(Locale.ROOT)) && !portfolio;
            out[k] = known && !named;  // Saudi Energy Minister: a portfolio and a title, no name, follow
        }
        return out;
    }

    /**
     * Whether tokens {@code first..last} are {@code État} and lower-case words after {@code d'} and a lower-case noun:
     * the state as a common noun of a set phrase ({@code chefs d'État européens}, {@code coup d'État}, {@code homme
     * d'État}), not the {@code Conseil d'État}, which the tagger reads whole.
     */
    private static boolean commonState(List<Token> tokens, int first, int last) {
        String word = tokens.get(first).text();
        if (!word.equals("État") && !word.equals("Etat") || first < 3 || !tokens.get(first - 2).text().equals("d")
                || !tokens.get(first - 1).text().equals("'") && !tokens.get(first - 1).text().equals("’")
                || !Character.isLowerCase(tokens.get(first - 3).text().codePointAt(0))) {
            return false;
        }
        for (int k = first + 1; k <= last; k++) {
            if (!Character.isLowerCase(tokens.get(k).text().codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** Whether tokens {@code first..last} are a French demonym, after an article or not ({@code Les Français}). */
    private static boolean people(List<Token> tokens, int first, int last) {
        int k = first;
        while (k < last && (ARTICLES.contains(tokens.get(k).norm()) || tokens.get(k).norm().equals("des"))) {
            k++;
        }
        return k == last && FRENCH_DEMONYMS.contains(tokens.get(k).text());
    }

    /** Every form of the French demonyms given masculine and singular ({@code Irakien} → {@code Irakiennes}). */
    static Set<String> frenchDemonyms(List<String> bases) {
        Set<String> forms = new HashSet<>();
        for (String base : bases) {
            List<String> feminine = base.endsWith("ien") ? List.of(base + "ne") : base.endsWith("e") ? List.of()
                    : base.endsWith("c") ? List.of(base.substring(0, base.length() - 1) + "que", base + "que")
                    : List.of(base + "e");
            forms.add(base);
            forms.add(base.endsWith("s") ? base : base + "s");
            for (String f : feminine) {
                forms.add(f);
                forms.add(f + "s");
            }
        }
        return Set.copyOf(forms);
    }

    /**
     * Whether tokens {@code first..last} are nationality words and lower-case words only, with a nationality first (a
     * description such as {@code British government} or {@code Iraqis and Sunni}, not a name).
     */
    private static boolean onlyNationalities(List<Token> tokens, boolean[] nationality, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (!nationality[k] && (k == first || !Character.isLowerCase(tokens.get(k).text().codePointAt(0)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A BIO path in which a name written with an attached Arabic article or kinship particle ({@code Ain al-Asad},
     * {@code al-Sudani}, {@code bin-Salman}) is one mention: the tokenizer splits at the hyphen, and the tagger sometimes
     * ends a name on the particle ({@code Ain al} + {@code Asad Air Base}) or starts it after ({@code Asad}). A mention
     * ending on such a particle takes in the hyphen and the following name (of whatever type the tagger gave it: the
     * whole takes the first part's), or a following capitalised word it left out; a mention right after {@code al-} (at the start of a word) takes the particle in. Capitalised words
     * joined by a hyphen ({@code Iraq-Syria}) stay separate mentions.
     */
    static int[] joinParticles(List<Token> tokens, int[] path) {
        int[] tags = path.clone();
        for (int k = 2; k < tags.length; k++) {
            Token particle = tokens.get(k - 2);
            if (!isHyphen(tokens.get(k - 1)) || tags[k - 1] != 0 || !PARTICLES.contains(particle.text())
                    || particle.end() != tokens.get(k - 1).start() || tokens.get(k - 1).end() != tokens.get(k).start()) {
                continue;
            }
            int type = SequenceModel.typeOf(tags[k - 2]);
            boolean capitalised = Character.isUpperCase(tokens.get(k).text().codePointAt(0));
            if (type >= 0 && (SequenceModel.isBegin(tags[k]) || tags[k] == 0 && capitalised)) {
                int other = SequenceModel.typeOf(tags[k]);
                tags[k - 1] = SequenceModel.inside(type);
                tags[k] = SequenceModel.inside(type);
                for (int j = k + 1; other >= 0 && j < tags.length && tags[j] == SequenceModel.inside(other); j++) {
                    tags[j] = SequenceModel.inside(type);  // Ain al + Asad read as another type: one name, the first's
                }
            } else if (tags[k - 2] == 0 && SequenceModel.isBegin(tags[k]) && capitalised
                    && (k == 2 || tokens.get(k - 3).end() < particle.start())) {
                type = SequenceModel.typeOf(tags[k]);
                tags[k - 2] = SequenceModel.begin(type);
                tags[k - 1] = SequenceModel.inside(type);
                tags[k] = SequenceModel.inside(type);
            }
        }
        for (int k = 2; k < tags.length; k++) {
            // Mohammed + bin + Abdulrahman Al Thani: a person's name goes on across a kinship particle written apart
            boolean person = SequenceModel.typeOf(tags[k - 2]) == PERSON && tags[k - 1] == 0
                    && KIN.contains(tokens.get(k - 1).text());
            if (person && (tags[k] == SequenceModel.begin(PERSON)
                    || tags[k] == 0 && Character.isUpperCase(tokens.get(k).text().codePointAt(0)))) {
                tags[k - 1] = SequenceModel.inside(PERSON);
                tags[k] = SequenceModel.inside(PERSON);
            }
        }
        for (int k = 2; k < tags.length; k++) {
            // Ursula + von der + Leyen: a person's name goes on across the particles of a European family name
            int links = 0;
            while (links < 2 && k - 1 - links > 0 && tags[k - 1 - links] == 0
                    && NAME_LINKS.contains(tokens.get(k - 1 - links).text())) {
                links++;
            }
            if (links == 0 || SequenceModel.typeOf(tags[k - 1 - links]) != PERSON) {
                continue;
            }
            boolean alone = true;
            for (int j = k - links; j < k; j++) {
                alone &= NAME_LINKS_ALONE.contains(tokens.get(j).text());
            }
            if (tags[k] == SequenceModel.begin(PERSON)
                    || alone && tags[k] == 0 && Character.isUpperCase(tokens.get(k).text().codePointAt(0))) {
                for (int j = k - links; j <= k; j++) {
                    tags[j] = SequenceModel.inside(PERSON);
                }
            }
        }
        for (int k = 2; k < tags.length; k++) {
            // Kiel Institute + for the + World Economy: an organisation's name goes on across "for (the)" into a name
            int links = k >= 3 && tags[k - 1] == 0 && tokens.get(k - 1).text().equals("the") ? 2 : 1;
            if (tags[k - links] != 0 || !tokens.get(k - links).text().equals("for")
                    || SequenceModel.typeOf(tags[k - links - 1]) != ORGANIZATION
                    || tags[k] != SequenceModel.begin(ORGANIZATION) && tags[k] != SequenceModel.begin(MISC)) {
                continue;
            }
            int other = SequenceModel.typeOf(tags[k]);
            for (int j = k - links; j < tags.length && (j <= k || tags[j] == SequenceModel.inside(other)); j++) {
                tags[j] = SequenceModel.inside(ORGANIZATION);
            }
        }
        return tags;
    }

    /**
     * The chunks with two person names that nothing but a space separates, one of them a single word, made one
     * ({@code Abdallah Bou} + {@code Habib}, at the lower confidence of the two; two full names in a row are a list, as
     * in {@code Steffi Graf Martina Navrátilová}), and a chunk that ends on a short word joined by a hyphen to a
     * lower-case word taking that word in ({@code Organization for Security and Co} + {@code -operation}).
     */
    static List<SequenceModel.Chunk> joined(List<Token> tokens, List<SequenceModel.Chunk> chunks) {
        List<SequenceModel.Chunk> out = new ArrayList<>(chunks.size());
        for (SequenceModel.Chunk c : chunks) {
            SequenceModel.Chunk previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && previous.type() == PERSON && c.type() == PERSON && previous.last() + 1 == c.first()
                    && (previous.first() == previous.last() || c.first() == c.last())
                    && isWord(tokens.get(previous.last()).text()) && isWord(tokens.get(c.first()).text())
                    && tokens.get(c.first()).start() == tokens.get(previous.last()).end() + 1) {
                out.set(out.size() - 1, new SequenceModel.Chunk(previous.first(), c.last(), PERSON,
                        Math.min(previous.confidence(), c.confidence())));
            } else {
                int end = compoundEnd(tokens, c.last());
                out.add(end == c.last() ? c : new SequenceModel.Chunk(c.first(), end, c.type(), c.confidence()));
            }
        }
        return out;
    }

    /**
     * The last token of the word that token {@code k} begins: {@code k}, or the lower-case word a short capitalised
     * word is joined to by a hyphen ({@code Co-operation}, not {@code al-Assad}, {@code UK-based}, {@code Saudi-led}).
     */
    private static int compoundEnd(List<Token> tokens, int k) {
        int p = k > 0 && isHyphen(tokens.get(k)) ? k - 1 : k;  // the tagger may have taken the hyphen in
        if (p + 2 >= tokens.size()) {
            return k;
        }
        String part = tokens.get(p).text();
        Token next = tokens.get(p + 2);
        boolean compound = part.length() <= 3 && Character.isUpperCase(part.codePointAt(0))
                && !part.equals(part.toUpperCase(Locale.ROOT)) && !PARTICLES.contains(part.toLowerCase(Locale.ROOT))
                && isHyphen(tokens.get(p + 1)) && Character.isLowerCase(next.text().codePointAt(0))
                && tokens.get(p).end() == tokens.get(p + 1).start() && tokens.get(p + 1).end() == next.start();
        return compound ? p + 2 : k;
    }

    /**
     * The first token of the place's name in a French mention that starts with a facility head written in lower case,
     * lower-case adjectives, then {@code de}, {@code du} or {@code d'} and a capitalised name ({@code base aérienne
     * d'Aïn al-Assad}, {@code camp de Roukban}), else -1: the name is the place, as the Arabic facility rule reads
     * {@code قاعدة عين الأسد}; the tagger had taken the head in and read the whole as an organisation.
     */
    static int facilityName(List<Token> tokens, int first, int last) {
        if (!FACILITY_HEADS.contains(tokens.get(first).text())) {
            return -1;
        }
        for (int k = first + 1; k < last; k++) {
            String t = tokens.get(k).text();
            if (t.equals("de") || t.equals("du") || t.equals("d")) {
                int name = k + 1;
                if (t.equals("d") && (tokens.get(name).text().equals("'") || tokens.get(name).text().equals("’"))) {
                    name++;
                }
                return name <= last && Character.isUpperCase(tokens.get(name).text().codePointAt(0)) ? name : -1;
            }
            if (!Character.isLowerCase(t.codePointAt(0))) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isHyphen(Token token) {
        return token.text().equals("-") || token.text().equals("\u2010") || token.text().equals("\u2011");
    }

    /**
     * The first token of a person mention once leading titles ({@code Prime Minister}, {@code M.}, {@code U.S.
     * Secretary of State}, {@code Minister for Foreign Affairs}, {@code Saudi Energy Minister Prince}) are cut off, as
     * the CoNLL convention has it (some training sets include them); a mention that is only titles is kept whole.
     */
    static int withoutTitles(List<Token> tokens, int first, int last) {
        int k = first;
        while (k < last && complement(tokens.get(k)) && k > 0 && (complement(tokens.get(k - 1))
                || PORTFOLIO_LINKS.contains(tokens.get(k - 1).text()))) {
            k++;  // Affairs Ilia Darchiashvili: the tagger started inside the title
        }
        int title = k == first ? afterCountry(tokens, first) : k;
        while (title < last && complement(tokens.get(title))) {
            title++;  // Saudi Energy Minister, Defense Secretary: the portfolio before the title
        }
        if (title < last && LatinFeatures.isPersonTitle(tokens.get(title).text().toLowerCase(Locale.ROOT))) {
            k = title;  // US, U.S., British before Secretary
        }
        while (k < last && (LatinFeatures.isPersonTitle(tokens.get(k).text().toLowerCase(Locale.ROOT))
                || k > first && tokens.get(k).text().equals("."))) {
            k++;
            if (k + 1 < last && (tokens.get(k).text().equals("of") || tokens.get(k).text().equals("for"))
                    && complement(tokens.get(k + 1))) {
                k++;
                while (k < last && complement(tokens.get(k))) {
                    k++;  // Secretary of State, Minister for Foreign and Commonwealth Affairs
                }
            }
        }
        while (k < last && !Tokenizer.isWordPart(tokens.get(k).text().codePointAt(0))) {
            k++;
        }
        return Character.isUpperCase(tokens.get(k).text().codePointAt(0)) ? k : first;
    }

    private static boolean complement(Token token) {
        return TITLE_COMPLEMENTS.contains(token.text().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the word at {@code k} follows a French title written in lower case and its {@code de la}, {@code du},
     * {@code des} or {@code de l'} ({@code président de la République}, {@code ministre des Armées}) and is no place of
     * the gazetteer ({@code président de la Syrie} names a country).
     */
    private boolean portfolio(List<Token> tokens, int k) {
        int j = k - 1;
        while (j >= 0 && (PORTFOLIO_LINKS.contains(tokens.get(j).text()) || tokens.get(j).text().equals("'")
                || tokens.get(j).text().equals("\u2019"))) {
            j--;
        }
        if (j < 0 || j == k - 1 || !Character.isLowerCase(tokens.get(j).text().codePointAt(0))
                || !LatinFeatures.isPersonTitle(tokens.get(j).text())) {
            return false;
        }
        return gazetteer.matches(tokens.subList(k, k + 1)).stream().noneMatch(m -> m.type() == LOCATION);
    }

    /**
     * Whether a mention starts with a person's title written in lower case, first or after another title
     * ({@code ministre des Affaires étrangères}, {@code Premier ministre libanais}): a title, whatever the tagger read.
     */
    static boolean titlePhrase(List<Token> tokens, int first, int last) {
        for (int k = first; k <= Math.min(last, first + 1); k++) {
            String word = tokens.get(k).text();
            if (!LatinFeatures.isPersonTitle(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (Character.isLowerCase(word.codePointAt(0))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first token of a capitalised name that follows a title and its lower-case words within a mention, with no
     * {@code de}, {@code des}, {@code of} between ({@code Premier ministre libanais Najib Mikati}), else -1
     * ({@code ministre des Affaires étrangères}: the portfolio, not a name).
     */
    static int nameAfterTitle(List<Token> tokens, int first, int last) {
        int k = first;
        while (k <= last && LatinFeatures.isPersonTitle(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
            k++;
        }
        while (k <= last && Character.isLowerCase(tokens.get(k).text().codePointAt(0))
                && !PORTFOLIO_LINKS.contains(tokens.get(k).text())) {
            k++;
        }
        return k > first && k <= last && Character.isUpperCase(tokens.get(k).text().codePointAt(0)) ? k : -1;
    }

    /**
     * The last token of a person mention once lower-case words at its end are cut off ({@code Najib Mikati dénonce une
     * escalade}, a headline read as one name); names have lower-case words inside ({@code Charles de Gaulle}), not last.
     * A name written in lower case ({@code barack obama}, in a tweet) is left whole, and so is one that ends on a bracket
     * ({@code Christopher Wood (peintre anglais)}, Wikipedia's way of telling people apart).
     */
    static int withoutLowerCaseEnd(List<Token> tokens, int first, int last) {
        if (!Character.isUpperCase(tokens.get(first).text().codePointAt(0)) || tokens.get(last).text().equals(")")) {
            return last;
        }
        int k = last;
        while (k > first && (Character.isLowerCase(tokens.get(k).text().codePointAt(0)) && !isHyphen(tokens.get(k - 1))
                || !isWord(tokens.get(k).text()))) {
            k--;  // but Lamar- tine, a word cut at the end of a printed line, is one word
        }
        return k;
    }

    /**
     * Whether the words of tokens {@code first..last} are titles and their links and portfolios only, a title among them
     * ({@code Premier ministre}, {@code Supreme}, {@code Minister for Foreign Affairs}; not {@code Labour}, a party).
     */
    static boolean onlyTitles(List<Token> tokens, int first, int last) {
        boolean title = false;
        for (int k = first; k <= last; k++) {
            String word = tokens.get(k).text();
            if (isWord(word)) {
                boolean isTitle = LatinFeatures.isPersonTitle(word.toLowerCase(Locale.ROOT));
                boolean nationality = Character.isLowerCase(word.codePointAt(0))
                        && FRENCH_DEMONYMS.contains(Character.toUpperCase(word.charAt(0)) + word.substring(1));
                if (!isTitle && !complement(tokens.get(k)) && !PORTFOLIO_LINKS.contains(word) && !nationality) {
                    return false;
                }
                title |= isTitle;
            }
        }
        return title;
    }

    /**
     * The clause separator, written with white space either side, that a mention runs across from a place ({@code Liban
     * : Israël}, a French headline's kicker and its news; {@code Gaza | Reuters}) or from a sentence's one-word opening
     * when the sentence goes on after the mention ({@code Canicule : l'Irak ferme ses administrations}), else -1; a title
     * of a work keeps its spaced colon ({@code Les Experts : Miami}), and a name's colon in English is not spaced.
     */
    private int kickerEnd(List<Token> tokens, int first, int last, int type, boolean english) {
        for (int k = first + 1; k < last; k++) {
            String t = tokens.get(k).text();
            boolean separator = t.equals(":") || t.equals("|") || t.equals("\u2013") || t.equals("\u2014");
            if (separator && tokens.get(k - 1).end() < tokens.get(k).start()
                    && tokens.get(k).end() < tokens.get(k + 1).start()) {
                Gazetteer.Match place = wholeMatch(tokens, first, k - 1);
                boolean kicker = place != null && place.type() == LOCATION;
                boolean opening = first == 0 && k == 1 && type != MISC
                        && (last < tokens.size() - 1 || !english && rubricWord(tokens.get(0)));
                kicker |= afterEventWords(tokens, first, k - 1) > 0;  // Guerre en Ukraine : Kiev frappé
                return kicker || opening ? k : -1;
            }
        }
        return -1;
    }

    /**
     * Whether a one-word mention opens a French sentence as its rubric: an ordinary word and no gazetteer name, before
     * a colon, with the sentence going on after it ({@code Santé : le gouvernement annonce}, {@code Football : le PSG};
     * not {@code Liban : Israël frappe}), read alone or with its colon.
     */
    private boolean rubric(List<Token> tokens, int first, int last) {
        return first == 0 && last <= 1 && tokens.size() > 2 && tokens.get(1).text().equals(":")
                && rubricWord(tokens.get(0));
    }

    /** A capitalised ordinary word that is no gazetteer name ({@code Santé}, {@code Football}; not {@code Liban}). */
    private boolean rubricWord(Token token) {
        return Character.isUpperCase(token.text().codePointAt(0))
                && features.ordinaryWord(token.text().toLowerCase(Locale.ROOT))
                && gazetteer.matches(List.of(token)).isEmpty();
    }

    /**
     * A French word in lower case inside a mention that reads as a verb: right after a capitalised word, no link of a
     * name, and followed by a determiner ({@code frappe} of {@code Israël frappe le sud}, a headline); else -1.
     * Adjectives inside names are not ({@code Nations unies pour l'alimentation}), nor are the particles of foreign
     * names, which a capitalised word follows ({@code Andrea del Verrocchio}).
     */
    private static int frenchInnerVerb(List<Token> tokens, int first, int last) {
        for (int k = first + 1; k < last; k++) {
            String word = tokens.get(k).text();
            String next = tokens.get(k + 1).text();
            if (word.length() >= 3 && word.chars().allMatch(Character::isLowerCase)
                    && !FRENCH_LINKS.contains(word) && Character.isUpperCase(tokens.get(k - 1).text().codePointAt(0))
                    && FRENCH_DETERMINERS.contains(next)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A French lower-case word between two known places that one location mention spans: the verb of a headline
     * ({@code frappe} of {@code Israël frappe Tripoli}); else -1.
     */
    private int verbBetweenPlaces(List<Token> tokens, int first, int last) {
        for (int k = first + 1; k < last; k++) {
            String word = tokens.get(k).text();
            if (word.length() >= 3 && word.chars().allMatch(Character::isLowerCase) && !FRENCH_LINKS.contains(word)
                    && knownPlace(tokens, first, k - 1) && knownPlace(tokens, k + 1, last)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The first token of the name after a French sentence's opening words when a mention runs from them across {@code
     * en}, {@code au}, {@code aux}, {@code à} or {@code contre} ({@code Guerre en Ukraine}, {@code Vague de chaleur en
     * Irak}, {@code Élections au Liban}, {@code Attaque contre Israël}): the opening word capitalised but an ordinary
     * word (mostly lower case in the training text, or unknown to it and to the gazetteer), the words up to the
     * preposition in lower case, a capitalised word after it; else -1. {@code La République en marche}, {@code Aix en Provence} and {@code Transports en commun lyonnais} do
     * not qualify.
     */
    private int afterEventWords(List<Token> tokens, int first, int last) {
        String opening = tokens.get(first).text();
        if (first != 0 || !Character.isUpperCase(opening.codePointAt(0))
                || !features.ordinaryWord(opening.toLowerCase(Locale.ROOT))
                || !gazetteer.matches(tokens.subList(first, first + 1)).isEmpty()) {
            return -1;
        }
        for (int k = first + 1; k <= last + 1 && k <= first + 4 && k + 1 < tokens.size(); k++) {
            String word = tokens.get(k).text();
            if (EVENT_PLACE_PREPOSITIONS.contains(word)) {
                return Character.isUpperCase(tokens.get(k + 1).text().codePointAt(0)) ? k + 1 : -1;
            }
            if (!lowerCaseWord(word) && !nameLink(word)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * French ministries written with a lower-case {@code ministère}, as news writes them: {@code ministère}, up to two
     * lower-case adjectives, {@code de}, {@code du}, {@code des}, {@code de la} or {@code de l'}, then the capitalised
     * portfolio with its adjectives and further portfolios ({@code ministère de l'Intérieur}, {@code ministère irakien
     * de l'Électricité}, {@code ministère de l'Europe et des Affaires étrangères}); token spans.
     */
    private static List<int[]> ministries(List<Token> tokens) {
        List<int[]> spans = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            if (!tokens.get(k).text().equals("ministère")) {
                continue;
            }
            int j = k + 1;
            while (j < tokens.size() && j <= k + 2 && lowerCaseWord(tokens.get(j).text())
                    && !PORTFOLIO_LINKS.contains(tokens.get(j).text())) {
                j++;
            }
            int links = j;
            while (j < tokens.size() && nameLink(tokens.get(j).text())) {
                j++;
            }
            if (j == links || j >= tokens.size() || !Character.isUpperCase(tokens.get(j).text().codePointAt(0))) {
                continue;
            }
            int end = j;
            for (int i = j + 1; i < tokens.size(); i++) {
                String word = tokens.get(i).text();
                boolean afterLink = nameLink(tokens.get(i - 1).text());
                if (Character.isUpperCase(word.codePointAt(0)) && afterLink
                        || lowerCaseWord(word) && ADJECTIVE_END.matcher(word).find() && !afterLink) {
                    end = i;  // de l'Europe et des Affaires étrangères; not Gérald Darmanin after it
                } else if (!nameLink(word) && !word.equals("et")) {
                    break;
                }
            }
            spans.add(new int[] {k, end});
            k = end;
        }
        return spans;
    }

    /**
     * The catalogue's products and events named in several words or an acronym, and its organisations named in several
     * words, written with a capital ({@code West Texas Intermediate}, {@code WTI}, {@code Iron Dome}, {@code beIN Media
     * Group}, {@code Organization of the Petroleum Exporting Countries}), as token spans with their type: one thing, not
     * the place or person the tagger reads in their words ({@code U.S. West Texas} of {@code U.S. West Texas
     * Intermediate crude}, {@code Petroleum Exporting Countries} as MISC), taken from the catalogue spans {@code named}.
     */
    private static List<int[]> curatedThings(List<Token> tokens, List<int[]> named) {
        List<int[]> spans = new ArrayList<>();
        for (int[] span : named) {
            String name = tokens.get(span[0]).text();
            boolean organisation = CURATED_THINGS.get(span[3]).equals("org:");
            boolean acronym = span[0] == span[1] && name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT))
                    && !organisation;
            if (span[2] == 0 && name.codePoints().anyMatch(Character::isUpperCase) && (span[1] > span[0] || acronym)) {
                spans.add(new int[] {span[0], span[1], organisation ? ORGANIZATION : MISC});
            }
        }
        return spans;
    }

    /**
     * The chunk without the tokens of the names {@code spans} it runs into ({@code U.S.} of {@code U.S. West Texas}
     * before {@code Intermediate}), or null where it lies inside one of them; a chunk holding a whole name is kept.
     */
    private static SequenceModel.Chunk outside(SequenceModel.Chunk c, List<int[]> spans) {
        int first = c.first();
        int last = c.last();
        for (int[] m : spans) {
            if (m[0] <= first && last <= m[1]) {
                return null;
            } else if (first < m[0] && m[0] <= last && last < m[1]) {
                last = m[0] - 1;
            } else if (m[0] < first && first <= m[1] && m[1] < last) {
                first = m[1] + 1;
            }
        }
        return first == c.first() && last == c.last() ? c
                : new SequenceModel.Chunk(first, last, c.type(), c.confidence());
    }

    /**
     * English elections named with their year ({@code 2016 United States presidential election}, {@code 1997 Irish
     * general election}, {@code 1980 Republican Party presidential primaries}): a year, one to four capitalised words,
     * up to three words for the kind of election ({@code presidential}, {@code general}, {@code state}) and {@code
     * election}, {@code elections}, {@code primaries} or {@code referendum};
     * token spans, an event (MISC) whole rather than its place.
     */
    private static List<int[]> elections(List<Token> tokens) {
        List<int[]> spans = new ArrayList<>();
        for (int k = 0; k + 2 < tokens.size(); k++) {
            if (!YEAR.matcher(tokens.get(k).text()).matches()) {
                continue;
            }
            int j = k + 1;
            while (j < tokens.size() && j <= k + 4 && (Character.isUpperCase(tokens.get(j).text().codePointAt(0))
                    || tokens.get(j).text().equals("-") || tokens.get(j).text().equals("."))) {
                j++;
            }
            if (j == k + 1) {
                continue;
            }
            int end = j;
            while (end < tokens.size() && end <= j + 3 && ELECTION_KINDS.contains(tokens.get(end).text())) {
                end++;
            }
            if (end < tokens.size() && ELECTION_WORDS.contains(tokens.get(end).text())) {
                spans.add(new int[] {k, end});
                k = end;
            }
        }
        return spans;
    }

    /** A link inside a French name: {@code de}, {@code du}, {@code des}, {@code la}, {@code l}, an apostrophe. */
    private static boolean nameLink(String token) {
        return PORTFOLIO_LINKS.contains(token) || token.equals("'") || token.equals("\u2019");
    }

    private static boolean lowerCaseWord(String token) {
        return Character.isLowerCase(token.codePointAt(0)) && token.chars().allMatch(Character::isLetter);
    }

    /** A French article, determiner or preposition, in any case ({@code UN}, {@code DES}). */
    private static boolean frenchFunctionWord(Token token) {
        String word = token.text().toLowerCase(Locale.ROOT);
        return FRENCH_LINKS.contains(word) || FRENCH_DETERMINERS.contains(word);
    }

    private static boolean stormWord(Token token) {
        return STORM_WORDS.contains(token.text().toLowerCase(Locale.ROOT));
    }

    /** The gazetteer's one match of tokens {@code [first, last]} as written, without a clitic before it, or null. */
    private Gazetteer.Match wholeMatch(List<Token> tokens, int first, int last) {
        List<Gazetteer.Match> matches = gazetteer.matches(tokens.subList(first, last + 1));
        Gazetteer.Match m = matches.size() == 1 ? matches.get(0) : null;
        return m != null && m.first() == 0 && m.last() == last - first && m.prefixLength() == 0 ? m : null;
    }

    /**
     * The last token of the longest known name of {@code type} that tokens {@code [first, last]} begin with, if only
     * lower-case words follow it and the first is no function word ({@code Union européenne} of {@code Union européenne
     * débloquera}, "will release"; not of {@code Union européenne des sourds}); else {@code last}.
     */
    private int knownBeforeLowerCase(List<Token> tokens, int first, int last, int type) {
        for (int end = last - 1; end >= first && Character.isLowerCase(tokens.get(end + 1).text().codePointAt(0)); end--) {
            if (known(tokens, first, end, type) && !frenchFunctionWord(tokens.get(end + 1))
                    && !tokens.get(end + 1).text().contains("'")) {
                return end;  // not Union européenne of Union européenne des sourds
            }
        }
        return last;
    }

    /** Whether tokens {@code [first, last]} are a place's whole name in the gazetteer or the catalogue. */
    private boolean knownPlace(List<Token> tokens, int first, int last) {
        return known(tokens, first, last, LOCATION);
    }

    /** Whether tokens {@code [first, last]} are a whole name of {@code type} in the gazetteer or the catalogue. */
    private boolean known(List<Token> tokens, int first, int last, int type) {
        Gazetteer.Match match = wholeMatch(tokens, first, last);
        if (match != null) {
            return match.type() == type;
        }
        EntityCatalog.Entry entry = EntityCatalog.standard()
                .wholeName(EntityCatalog.words(tokens.subList(first, last + 1)));
        return entry != null && entry.type().equals(Gazetteer.TYPES.get(type));
    }

    /**
     * The last token of the name from {@code first} to {@code last}, cut before a preposition that starts a clause of
     * its own ({@code Italie} of {@code Italie pendant la Seconde Guerre mondiale}; {@code Jeux olympiques d'été} whole).
     */
    private static int nameEnd(List<Token> tokens, int first, int last) {
        for (int k = first + 1; k <= last; k++) {
            if (CLAUSE_PREPOSITIONS.contains(tokens.get(k).text())) {
                return k - 1;
            }
        }
        return last;
    }

    /**
     * An English word in lower case inside a mention that reads as a verb ({@code grips} of {@code Heatwave grips Iraq},
     * a headline; {@code endorsed} of {@code Cuomo endorsed Crowley}): ending in s or ed, and no particle of a name
     * ({@code los}, {@code des}); else -1. The sentence is tagged again on either side of it.
     */
    private static int innerVerb(List<Token> tokens, int first, int last) {
        for (int k = first + 1; k < last; k++) {
            String word = tokens.get(k).text();
            boolean lowerCaseWord = word.length() >= 3 && Character.isLowerCase(word.codePointAt(0))
                    && word.chars().allMatch(Character::isLetter);
            if (lowerCaseWord && (word.endsWith("s") || word.endsWith("ed")) && !NAME_PARTICLES.contains(word)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The token after a nationality or a country's short name at {@code k} ({@code British}, {@code US}, {@code U.S.}),
     * else {@code k}.
     */
    private static int afterCountry(List<Token> tokens, int k) {
        String word = tokens.get(k).text();
        if (DEMONYMS.contains(word) || COUNTRY_SHORT.contains(word)) {
            return k + 1;
        }
        int j = k;
        while (j + 1 < tokens.size() && tokens.get(j).text().length() == 1
                && Character.isUpperCase(tokens.get(j).text().charAt(0)) && tokens.get(j + 1).text().equals(".")
                && tokens.get(j).end() == tokens.get(j + 1).start()) {
            j += 2;  // U.S., U.K.
        }
        return j - k >= 4 ? j : k;
    }

    private static void add(String text, List<Token> tokens, int first, int last, int type, double confidence,
                            String source, List<Entity> found, boolean[] covered) {
        boolean handle = handle(tokens, first, last);
        while (first <= last && (!isWord(tokens.get(first).text()) || inHandle(tokens, first)) && !handle) {
            first++;
        }
        while (last >= first && (!isWord(tokens.get(last).text()) || inHandle(tokens, last)
                || NO_NAME_END.contains(tokens.get(last).text())) && !handle) {
            last--;  // nor a link or an elided article: Gouvernement d'union nationale d('Abdel Hamid Dbeibah)
        }
        if (first > last) {
            return;
        }
        if (withoutLetters(tokens, first, last) && !handle) {
            return;  // 1950 read as an organisation: a name has letters
        }
        if (last + 1 < tokens.size() && tokens.get(last + 1).text().equals(")") && unclosed(tokens, first, last)) {
            last++;  // Washington (Missouri): a bracket opened inside a mention closes inside it
        }
        if (last + 1 < tokens.size() && tokens.get(last + 1).text().equals("+")
                && tokens.get(last + 1).start() == tokens.get(last).end()
                && (last + 2 == tokens.size() || tokens.get(last + 2).start() > tokens.get(last + 1).end()
                    || !isWord(tokens.get(last + 2).text()))) {
            last++;  // Canal+, OPEC+, Disney+: a plus sign written onto a name's end is part of it
        }
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        if (last + 1 < tokens.size() && tokens.get(last + 1).text().equals(".") && tokens.get(last + 1).start() == end
                && last > first && tokens.get(last - 1).text().equals(".") && tokens.get(last).text().length() == 1) {
            end++;  // U.S. keeps its last full stop
        }
        for (int k = first; k <= last; k++) {
            covered[k] = true;
        }
        int from = text.offsetByCodePoints(0, start);
        String mention = text.substring(from, text.offsetByCodePoints(from, end - start));
        found.add(new Entity(mention, Gazetteer.TYPES.get(type), start, end, Math.round(confidence * 1000) / 1000.0,
                source));
    }

    /**
     * An {@code @} standing alone, with white space either side: a user handle whose name the corpus hid (the Broad
     * Twitter Corpus replaces every handle by {@code @} and tags it as the person or organisation it was). Written
     * against a name ({@code @BarackObama}), the {@code @} is left out of the mention as other punctuation is.
     */
    private static boolean handle(List<Token> tokens, int first, int last) {
        Token at = tokens.get(first);
        return first == last && at.text().equals("@") && (first == 0 || tokens.get(first - 1).end() < at.start())
                && (first + 1 == tokens.size() || tokens.get(first + 1).start() > at.end());
    }

    /**
     * Whether token {@code k} belongs to a user handle written against its {@code @} ({@code @BarackObama},
     * {@code @pm_live}) or to the part of an e-mail address after it. Twitter corpora tag none of these (the Broad
     * Twitter Corpus none of its 472, WNUT-17 8 of its 1,950): a handle names an account, not the entity.
     */
    static boolean inHandle(List<Token> tokens, int k) {
        for (int j = k; j > 0 && tokens.get(j - 1).end() == tokens.get(j).start(); j--) {
            if (tokens.get(j - 1).text().equals("@")) {
                return true;
            }
        }
        return false;
    }

    private static boolean withoutLetters(List<Token> tokens, int first, int last) {
        for (int k = first; k <= last; k++) {
            if (tokens.get(k).text().codePoints().anyMatch(Character::isLetter)) {
                return false;
            }
        }
        return true;
    }

    /** Whether tokens {@code first..last} open more round brackets than they close. */
    private static boolean unclosed(List<Token> tokens, int first, int last) {
        int depth = 0;
        for (int k = first; k <= last; k++) {
            String t = tokens.get(k).text();
            depth += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
        }
        return depth > 0;
    }

    private static boolean isWord(String token) {
        return Tokenizer.isWordPart(token.codePointAt(0));
    }

    @Override
    public String version() {
        return model.version();
    }
}
