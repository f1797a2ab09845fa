package dev.khabar.enrich.extract;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level signals of page chrome in Arabic, English and French: generic prompt phrases, disclaimers, share
 * bars, links, related-article markers and labelled metadata lines. Phrases are matched on folded text (lower
 * case, Arabic letter variants and diacritics unified), never on whole lines copied from one site.
 */
final class ChromeSignals {

    private static final int PROMPT_MAX_WORDS = 15;
    private static final int DISCLAIMER_MAX_WORDS = 45;
    private static final Pattern LIST_ITEM = Pattern.compile("^([*•·▪◦-]|\\d{1,2}[.)]|[\\u0660-\\u0669]{1,2}[.)\\-])\\s*\\S");

    private static final Pattern PROMPT = Pattern.compile(String.join("|",
            // Arabic: comment and rating prompts, newsletter, follow, tags, app, ad labels, "we show you" intros
            "هل اعجبك", "هل اعجبتك", "يرجي ادخال", "الرجاء ادخال", "سياسه [^ ]+ (بشان |حول )?التعليقات",
            "سياسه التعليقات", "اضف تعليق", "اترك تعليق", "اكتب تعليق", "شاركنا رايك", "تابعونا", "تابعوا .{0,30} علي",
            "اشترك (في|ب)", "النشره البريديه", "نعرض لكم", "كلمات دلاليه", "الكلمات الدلاليه", "الوسوم", "^وسوم",
            "حمل تطبيق", "انقر هنا", "اضغط هنا", "^اعلان$", "^اعلانات$", "البريد الالكتروني لن", "الحقول المطلوبه",
            "تخطي الي المحتوي", "انتقل الي المحتوي",
            // English
            "did you (like|enjoy) this", "was this (article|story) helpful", "leave a (comment|reply)",
            "post a comment", "^comments?( \\(?\\d+\\)?)?$", "^\\d+ comments?$", "sign up (for|to)", "subscribe",
            "newsletter", "follow us", "click here", "^advertisement$", "skip to (main )?content",
            "about (the |post )?author", "see author'?s posts", "^tags?\\s*:", "^topics\\s*:",
            "(we use|uses|accept( all)?) cookies", "cookie (policy|settings|preferences)",
            "please enter", "required fields", "will not be published", "download (our|the) app", "view comments",
            "most read", "^sponsored", "^share this", "^listen to this article",
            "^(image|photo|picture|media) (copyright|caption|source|credit)", "continues (below|after) (the )?advert",
            "^(credit|credits) ?:",
            // French
            "laisse[rz] un commentaire", "abonnez-vous", "inscrivez-vous", "suivez-nous", "cliquez ici",
            "^publicite$", "mots-cles", "partager cet article", "^commentaires?( \\(?\\d+\\)?)?$",
            "aller au contenu", "avez-vous aime", "vous avez aime", "ne sera pas publiee", "champs obligatoires",
            "^etiquettes\\s*:", "les plus lus"));

    // compiled once: String.split and replaceAll with these compiled a Pattern per call, about 5% of the
    // enrich thread's time in the end-to-end profile (BENCHMARKS.md)
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHARE_SEPARATORS = Pattern.compile("[\\s|•·/،,]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");
    private static final Pattern DISCLAIMER = Pattern.compile(String.join("|",
            "لا ?[يت]عبر بالضروره", "لا ?[يت]عبر عن (راي|وجهه نظر)", "جميع الحقوق محفوظه", "المصدر هو المسؤول",
            "all rights reserved", "do(es)? not necessarily reflect", "views expressed (here|in|are)",
            "not responsible for the content of external", "©", "\\(c\\) ?\\d{4}", "^copyright", "tous droits reserves",
            "n'engage(nt)? que", "ne refl[eè]te(nt)? pas necessairement", "n'est pas responsable du contenu des sites",
            "reproduction interdite"));

    /** A columnist's contact footer: "to contact the writer send an SMS starting with (3) to 88591 - Stc …". */
    private static final Pattern CONTACT = Pattern.compile(String.join("|",
            "للتواصل مع (الكاتب|الكاتبه)", "ارسل رساله sms", "to contact the (writer|author|columnist)",
            "pour (contacter|joindre) l'auteur"));

    private static final Set<String> SHARE_WORDS = Set.of(
            "تعليق", "تعليقات", "ارسل", "ارسال", "طباعه", "اطبع", "تبليغ", "حذف", "مشاركه", "شارك", "فيسبوك",
            "فيس", "بوك", "تويتر", "واتساب", "واتس", "اب", "تلغرام", "تليجرام", "لينكدان", "بريد", "ايميل", "نسخ",
            "الرابط", "رابط", "حفظ", "share", "shares", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram",
            "linkedin", "email", "e-mail", "mail", "print", "copy", "link", "pinterest", "reddit", "messenger",
            "comment", "comments", "save", "partager", "partages", "imprimer", "envoyer", "copier", "lien",
            "commentaire", "commentaires", "courriel");

    private static final Pattern RELATED_MARKER = Pattern.compile(
            "^((اقرا|طالع|تابع) (ايضا|كذلك|المزيد)|اقرئي ايضا|(اخبار|مواضيع|مقالات|موضوعات) (ذات صله|متعلقه|مشابهه)|ذات صله"
                    + "|اخترنا لك|قد يعجبك (ايضا)?|شاهد ايضا|الاكثر (قراءه|مشاهده|تداولا)|(read|see) (also|more)"
                    + "|also read|top stories|most (read|popular|viewed|shared)|recommended( for you)?|more (stories|news)"
                    + "|les plus lus|related"
                    + "( (articles?|stories|news|content|coverage|topics))?|more on this (story|topic)"
                    + "|you (may|might) also like|more stories|a? ?lire (aussi|egalement)|sur le meme sujet"
                    + "|articles? similaires|dans la meme rubrique|voir aussi|a voir aussi)"
                    + "\\s*[:：»«\\-–.]*\\s*");

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"'»«]+");
    private static final Pattern LINK_LABEL = Pattern.compile(
            "^(الرابط المختصر|رابط مختصر|الرابط|رابط الخبر|short ?link|permalink|lien (court|permanent)|source url)\\b");

    private static final Pattern DATE_LABEL = Pattern.compile(
            "^(تاريخ النشر|نشر في|نشر بتاريخ|تاريخ الاضافه|تم النشر|published( on| at)?|posted( on)?|date"
                    + "|publie le|publie|mis en ligne le)\\s*[:：]?");
    private static final Pattern UPDATED_LABEL = Pattern.compile(
            "^(اخر تحديث|تم التحديث|تحديث|(last )?updated( on| at)?|mis a jour( le)?)\\s*[:：]?");
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^(?:المصدر|source|via)\\s*[:：]\\s*(.{2,60})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_LABEL = Pattern.compile(
            "^(?:(?:by|written by|reporting by|par|بقلم|[اإ]عداد|الكاتب)(?:\\s*[:：\\-–]\\s*|\\s+)"
                    + "|(?:auteur|author|كتب|كتبت|كتبه|تقرير)\\s*[:：\\-–]\\s*)(.{2,80})$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_LABEL = Pattern.compile("^(?:العنوان|title|headline|titre)\\s*[:：]\\s*(\\S.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_BAR = Pattern.compile("^([^|]{2,50}?)\\s*\\|$");
    private static final Pattern NAVIGATION_SEPARATOR = Pattern.compile("\\s[|•·»›/>]\\s");
    private static final Pattern BREADCRUMB_SEPARATOR = Pattern.compile("\\s[»›>]\\s");
    private static final Pattern SHARE_PHRASE = Pattern.compile(
            "((e-?mail|send) (this|the) (article|story|page)?\\s?to a friend|printable version|print (this|the) "
                    + "(article|story|page)|envoyer a un ami|version imprimable|(ارسل|ارسال) (الي|ل)صديق"
                    + "|نسخه (للطباعه|مطبوعه)|شارك (الخبر|المقال|هذا الخبر)\\s*:?$)");

    private ChromeSignals() {
    }

    /** Lower case, Arabic letter variants unified, diacritics and tatweel removed, Latin accents dropped. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
                continue;
            }
            out.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى' -> 'ي';
                case 'ة' -> 'ه';
                case 'é', 'è', 'ê', 'ë', 'É', 'È' -> 'e';
                case 'à', 'â', 'À' -> 'a';
                case 'û', 'ù', 'ü' -> 'u';
                case 'ô' -> 'o';
                case 'î', 'ï' -> 'i';
                case 'ç' -> 'c';
                case '’', '‘' -> '\'';
                default -> Character.toLowerCase(c);
            });
        }
        return out.toString();
    }

    /** Words with at least one letter or digit. */
    static int words(String line) {
        int count = 0;
        for (String token : WHITESPACE.split(line)) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    /** A bulleted or numbered list item: article content, not chrome, even when short. */
    static boolean isListItem(String line) {
        return LIST_ITEM.matcher(line).find();
    }

    static boolean endsLikeSentence(String line) {
        String s = line.strip();
        while (!s.isEmpty() && "\"'»”)]’".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return !s.isEmpty() && ".!?؟…。".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    static boolean hasSentencePunctuation(String line) {
        return line.chars().anyMatch(c -> ".!?؟…،,;؛".indexOf(c) >= 0);
    }

    /** A line that reads as running text: long, or a full sentence of some length. */
    static boolean isParagraph(String line) {
        int w = words(line);
        return w >= 25 || (w >= 10 && endsLikeSentence(line));
    }

    static String prompt(String folded, int words) {
        if (words > PROMPT_MAX_WORDS) {
            return null;
        }
        Matcher m = PROMPT.matcher(folded);
        return m.find() ? "prompt-phrase:" + m.group() : null;
    }

    static String disclaimer(String folded, int words) {
        if (words > DISCLAIMER_MAX_WORDS) {
            return null;
        }
        Matcher m = DISCLAIMER.matcher(folded);
        return m.find() ? "disclaimer-phrase:" + m.group() : null;
    }

    static String contact(String folded, int words) {
        if (words > DISCLAIMER_MAX_WORDS) {
            return null;
        }
        Matcher m = CONTACT.matcher(folded);
        return m.find() ? "contact-phrase:" + m.group() : null;
    }

    static String shareBar(String folded) {
        if (words(folded) <= 10 && SHARE_PHRASE.matcher(folded).find()) {
            return "share-phrase";
        }
        String[] tokens = SHARE_SEPARATORS.split(folded);
        int share = 0;
        int other = 0;
        for (String token : tokens) {
            String t = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (t.isEmpty() || t.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (SHARE_WORDS.contains(t)) {
                share++;
            } else {
                other++;
            }
        }
        return share >= 2 && share >= 2 * other && share + other <= 14 ? "share-vocabulary" : null;
    }

    /** The marker when the line opens an appended related-article block or is a single related link. */
    static Matcher relatedMarker(String folded) {
        Matcher m = RELATED_MARKER.matcher(folded);
        return m.lookingAt() ? m : null;
    }

    static String firstUrl(String line) {
        Matcher m = URL.matcher(line);
        return m.find() ? m.group() : null;
    }

    /** A line that is a bare or labelled link: little text besides the URL. */
    static boolean isLinkLine(String line, String folded) {
        String url = firstUrl(line);
        if (url != null) {
            String rest = URL.matcher(line).replaceAll(" ");
            return words(rest) <= 5;
        }
        return LINK_LABEL.matcher(folded).find() && words(line) <= 4;
    }

    static boolean hasDateLabel(String folded) {
        return DATE_LABEL.matcher(folded).find();
    }

    static boolean hasUpdatedLabel(String folded) {
        return UPDATED_LABEL.matcher(folded).find();
    }

    /** The site named by a {@code Source: X} line. */
    static String sourceName(String line) {
        Matcher m = SOURCE_LINE.matcher(line.replace("\u0640", "").strip());
        if (m.matches() && words(m.group(1)) <= 5 && firstUrl(m.group(1)) == null) {
            return m.group(1).strip();
        }
        return null;
    }

    /** {@code line} without a leading title label ({@code العنوان:}, {@code Title:}, {@code Titre :}). */
    static String withoutTitleLabel(String line) {
        Matcher m = TITLE_LABEL.matcher(line);
        return m.matches() ? m.group(1) : line;
    }

    /** The author named by a byline such as {@code By X}, {@code بقلم: X} or {@code X |}. */
    static String byline(String line) {
        String s = line.strip();
        if (words(s) > 10 || endsLikeSentence(s)) {
            return null;
        }
        Matcher m = BYLINE_LABEL.matcher(s);
        if (m.matches()) {
            String name = m.group(1).split("\\s+[|•\\-–]\\s+|,|،|;|؛")[0].strip();
            return words(name) >= 1 && words(name) <= 6 && !endsLikeSentence(name) ? name : null;
        }
        m = BYLINE_BAR.matcher(s);
        if (m.matches() && words(m.group(1)) <= 5 && !hasSentencePunctuation(m.group(1))) {
            return m.group(1).strip();
        }
        return null;
    }

    /** A menu line: several short items separated by bars, bullets or chevrons. */
    static boolean isNavigation(String line) {
        Matcher m = NAVIGATION_SEPARATOR.matcher(line);
        int separators = 0;
        while (m.find()) {
            separators++;
        }
        if (separators == 1 && BREADCRUMB_SEPARATOR.matcher(line).find()) {
            return words(line) <= 6 && !hasSentencePunctuation(line);
        }
        return separators >= 2 && words(line) <= 4 * (separators + 1) && !endsLikeSentence(line);
    }
}
