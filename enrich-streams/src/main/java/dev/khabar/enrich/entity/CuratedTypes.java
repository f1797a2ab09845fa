package dev.khabar.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.khabar.model.Entity;

/**
 * Gives a mention that is, whole, the name of a curated organisation, person, event or product of the catalogue that
 * entry's type: the French model reads {@code État islamique} as a place, the catalogue knows it as the organisation {@code
 * org:isis}; the English model reads {@code Brexit} as a person, the catalogue knows it as the event {@code
 * event:brexit} (MISC).
 * The curated list holds names that mean one thing in the news. A country's name read as an organisation is a place,
 * as news annotation (CoNLL) has it even where the name stands for the government ({@code the United States will keep
 * working}); a city read as an organisation is left alone, as cities also name clubs and newspapers ({@code الشرق
 * الأوسط}). A country, city or place read as a person is a place ({@code Khan Younis}, {@code Deir al-Balah}, {@code
 * Nassiriya}, {@code Egypte}) unless it is one word that may be a person's name ({@code Jordan}, {@code Paris}, {@code
 * Washington}, any one Arabic word). An Arabic mention the
 * model read as MISC keeps it: ANERcorp tags {@code البيت الأبيض} MISC, and the model learnt its training data's
 * convention; in Latin letters the catalogue's type wins ({@code World Food Programme} read as MISC). A place that is
 * one Arabic word with the article keeps its type too. A French elided
 * article before a catalogue name is left out of the mention ({@code L'État islamique}).
 */
final class CuratedTypes {

    private CuratedTypes() {
    }

    static List<Entity> apply(EntityCatalog catalog, List<Entity> mentions) {
        List<Entity> out = null;
        for (int i = 0; i < mentions.size(); i++) {
            Entity e = withoutElidedArticle(catalog, mentions.get(i));
            if (e != mentions.get(i)) {
                out = out == null ? new ArrayList<>(mentions) : out;
                out.set(i, e);
            }
            EntityCatalog.Entry entry = catalog.curatedName(e.text());
            if (entry == null && e.type().equals("ORGANIZATION")) {
                EntityCatalog.Entry whole = catalog.wholeName(e.text());
                entry = whole != null && whole.id().startsWith("country:") ? whole : null;
            }
            if (entry == null && e.type().equals("PERSON") && (e.text().indexOf(' ') > 0 || !personWord(e.text()))) {
                EntityCatalog.Entry whole = catalog.wholeName(e.text());
                entry = whole != null && (whole.id().startsWith("place:") || whole.id().startsWith("city:")
                        || whole.id().startsWith("country:")) ? whole : null;  // Khan Younis, Nassiriya, Ukraine
            }
            boolean keepsMisc = e.type().equals("MISC") && !isLatin(e.text().codePointAt(0));
            if (entry != null && !entry.type().equals(e.type()) && !keepsMisc && !placeWord(e)) {
                out = out == null ? new ArrayList<>(mentions) : out;
                out.set(i, new Entity(e.text(), entry.type(), e.start(), e.end(), e.confidence(), e.source(),
                        e.canonical()));
            }
        }
        return out == null ? mentions : out;
    }

    /**
     * Mentions next to each other, one space apart, that together are a name of the catalogue, made one mention of the
     * catalogue's type ({@code Khan Younès}, which the French model reads as the place {@code Khan} and the person
     * {@code Younès}). {@code mentions} are in text order; offsets are code points into {@code text}.
     */
    static List<Entity> joined(EntityCatalog catalog, String text, List<Entity> mentions) {
        List<Entity> out = new ArrayList<>(mentions.size());
        int[] codePoints = null;
        for (int i = 0; i < mentions.size(); i++) {
            Entity first = mentions.get(i);
            Entity whole = null;
            int last = i;
            for (int j = i + 1; j < mentions.size() && j - i <= 2
                    && mentions.get(j).start() == mentions.get(j - 1).end() + 1; j++) {
                codePoints = codePoints == null ? text.codePoints().toArray() : codePoints;
                if (codePoints[mentions.get(j - 1).end()] != ' ') {
                    break;
                }
                Entity end = mentions.get(j);
                String name = new String(codePoints, first.start(), end.end() - first.start());
                EntityCatalog.Entry entry = catalog.wholeName(name);
                if (entry != null && !entry.type().equals("MISC")) {  // the longest name wins
                    whole = new Entity(name, entry.type(), first.start(), end.end(),
                            Math.min(first.confidence(), end.confidence()), "gazetteer", first.canonical());
                    last = j;
                }
            }
            out.add(whole == null ? first : whole);
            i = last;
        }
        return out.size() == mentions.size() ? mentions : out;
    }

    /**
     * A part read inside the name, of several words, of a catalogue place, city, country, curated organisation, event or
     * product, with no other mention crossing that name, made the name whole, of its type: a person in any of them
     * ({@code الشيخ زويد}, Sheikh Zuweid, which the Arabic model reads as the title {@code الشيخ} and the person {@code
     * زويد}; {@code عبداللطيف جميل} of the league {@code دوري عبداللطيف جميل}), an organisation in a place ({@code
     * الحرام} of {@code المسجد الحرام}), and any mention that starts inside the name's first word, a letter of which was
     * taken for a clitic ({@code وروسيا} of {@code بوروسيا دورتموند}). Else a place or organisation inside a longer one
     * stays as read: ANERcorp tags {@code غزة} of {@code قطاع غزة}, {@code النصر} of {@code نادي النصر}.
     * {@code mentions} are in text order; offsets are code points into {@code text}.
     */
    static List<Entity> widened(EntityCatalog catalog, String text, List<Entity> mentions) {
        if (mentions.isEmpty()) {
            return mentions;
        }
        List<Token> words = EntityCatalog.words(text);
        List<Entity> out = mentions;
        for (EntityCatalog.Match m : catalog.matches(words)) {
            String id = m.entry().id();
            boolean place = id.startsWith("place:") || id.startsWith("city:") || id.startsWith("country:");
            boolean misc = id.startsWith("event:") || id.startsWith("product:");
            if (m.first() == m.last() || !place && !misc && !id.startsWith("org:")) {
                continue;
            }
            Token first = words.get(m.first());
            int start = first.start() + ModelRecognizer.originalLength(first.text(), m.prefixLength());
            int end = words.get(m.last()).end();
            double part = -1;
            boolean inside = true;
            for (Entity e : out) {
                if (e.start() < end && e.end() > start) {
                    boolean cut = e.start() > start && e.start() < first.end();  // وروسيا of بوروسيا دورتموند
                    boolean widens = e.end() - e.start() < end - start && (cut || e.type().equals("PERSON")
                            || place && e.type().equals("ORGANIZATION"));
                    part = widens ? Math.max(part, e.confidence()) : part;
                    inside &= e.start() >= start && e.end() <= end;
                }
            }
            if (part >= 0 && inside) {
                List<Entity> kept = new ArrayList<>(out.size());
                int at = 0;
                for (Entity e : out) {
                    if (e.end() <= start || e.start() >= end) {
                        at += e.end() <= start ? 1 : 0;
                        kept.add(e);
                    }
                }
                int from = text.offsetByCodePoints(0, start);
                String name = text.substring(from, text.offsetByCodePoints(from, end - start));
                kept.add(at, new Entity(name, m.entry().type(), start, end, part, "gazetteer"));
                out = kept;
            }
        }
        return out;
    }

    /**
     * Whether one word may be a person's name: a listed given or family name in Latin letters ({@code Paris}, {@code
     * Washington}); any Arabic word, as the Arabic list of given names leaves out foreign ones ({@code أليس}, Alice, is
     * also a catalogue city's name).
     */
    private static boolean personWord(String word) {
        return !isLatin(word.codePointAt(0)) || LatinNames.standard().personWord(word.toLowerCase(Locale.ROOT)) != 0;
    }

    private static boolean isLatin(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    /**
     * The mention without a French elided article ({@code L'État islamique}, {@code d'Irak}) when what follows it is,
     * whole, a name of the catalogue and the mention with it is not; otherwise the mention itself. Titles that begin
     * with the article ({@code L'Express}, {@code L'Équipe}) are not in the catalogue and keep it.
     */
    static Entity withoutElidedArticle(EntityCatalog catalog, Entity e) {
        String text = e.text();
        if (text.length() < 4 || "LlDd".indexOf(text.charAt(0)) < 0 || text.charAt(1) != '\'' && text.charAt(1) != '’'
                || catalog.wholeName(text) != null || catalog.wholeName(text.substring(2)) == null) {
            return e;
        }
        return new Entity(text.substring(2), e.type(), e.start() + 2, e.end(), e.confidence(), e.source(),
                e.canonical());
    }

    /**
     * A place that is one Arabic word with the article ({@code القاعدة}, "the base", also al-Qaeda's name; {@code
     * الكرملين}): such a word is a common noun too, and the model's reading of it as a place is kept.
     */
    private static boolean placeWord(Entity e) {
        String norm = ArabicText.normalize(e.text());
        return e.type().equals("LOCATION") && norm.indexOf(' ') < 0 && norm.matches("^[وفبكل]{0,2}ال.*");
    }
}
