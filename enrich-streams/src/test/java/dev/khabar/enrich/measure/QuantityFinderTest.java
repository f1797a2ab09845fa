package dev.khabar.enrich.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.khabar.model.Quantity;

class QuantityFinderTest {

    private static Quantity only(String text, String language) {
        List<Quantity> found = QuantityFinder.find(text, language);
        assertEquals(1, found.size(), () -> text + ": " + found);
        Quantity q = found.get(0);
        int[] cps = text.codePoints().toArray();
        assertEquals(q.text(), new String(cps, q.start(), q.end() - q.start()), "offsets are code points into the text");
        return q;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "ar|قوامها ما بين 250 و350 مستشارا أميركيا|250 و350 مستشارا|250|350|count|مستشار",
        "ar|بتكلفة 600 مليون دولار سنويا|600 مليون دولار|600000000|-|currency|USD",
        "ar|تراجعت الهجمات 80 في المائة|80 في المائة|80|-|percent|%",
        "ar|تراجعت الهجمات ٨٠٪ هذا الشهر|٨٠٪|80|-|percent|%",
        "ar|يبقى نحو 250–300 مستشار في القاعدة|250–300 مستشار|250|300|count|مستشار",
        "ar|وصل 2400 جندي إلى القاعدة|2400 جندي|2400|-|count|جندي",
        "ar|بلغت الميزانية ١٫٥ مليار دولار|١٫٥ مليار دولار|1500000000|-|currency|USD",
        "ar|وبيع اللاعب مقابل 25 مليون إسترليني|25 مليون إسترليني|25000000|-|currency|GBP",
        "ar|يمتد الممر 620 كيلومترا على الحدود|620 كيلومترا|620|-|measure|km",
        "ar|وحكم عليه بالسجن 15 عاما في القضية|15 عاما|15|-|measure|year",
        "ar|واستمرت المفاوضات 3 أسابيع في فيينا|3 أسابيع|3|-|measure|week",
        "en|The talks lasted 17 days in Vienna|17 days|17|-|measure|day",
        "fr|Il a passé 12 ans en prison|12 ans|12|-|measure|year",
        "ar|وصل 240 ألف عنصر|240 ألف عنصر|240000|-|count|عنصر",
        "ar|سقط 35 قتيلا في الهجوم|35 قتيلا|35|-|count|قتيل",
        "ar|بلغ عدد الضحايا 12 ضحايا|12 ضحايا|12|-|count|ضحايا",
        "ar|توفيت طفلة (١٢عامًا) في بلدة المشنية|١٢عامًا|12|-|measure|year",
        "ar|بتكلفة 600مليون دولار سنويا|600مليون دولار|600000000|-|currency|USD",
        "en|The coalition still has 2,400 troops in Iraq|2,400 troops|2400|-|count|troops",
        "en|Washington pledged $1.2bn in aid|$1.2bn|1200000000|-|currency|USD",
        "en|Attacks fell by 15% last year|15%|15|-|percent|%",
        "en|The fund holds 3.5 million euros|3.5 million euros|3500000|-|currency|EUR",
        "en|About 2,400 U.S. troops remain|2,400 U.S. troops|2400|-|count|troops",
        "en|They produce 4.2 million barrels a day|4.2 million barrels|4200000|-|measure|bbl",
        "fr|L'Union a promis 3 millions d'euros|3 millions d'euros|3000000|-|currency|EUR",
        "fr|La coalition compte 2 400 soldats en Irak|2 400 soldats|2400|-|count|soldats",
        "fr|Les attaques ont baissé de 15 % l'an dernier|15 %|15|-|percent|%",
        "fr|Un budget de 2,5 milliards de dollars|2,5 milliards de dollars|2500000000|-|currency|USD",
        "fr|Entre 250 et 350 conseillers resteront|250 et 350 conseillers|250|350|count|conseillers",
        "ar|قتل عشرون شخصا في الهجوم|عشرون شخصا|20|-|count|شخص",
        "ar|وأصيب خمسة وعشرين جنديا|خمسة وعشرين جنديا|25|-|count|جندي",
        "ar|بعد ثلاثة أيام من القصف|ثلاثة أيام|3|-|measure|day",
        "ar|اعتقل ثلاثمائة وخمسون شخصا|ثلاثمائة وخمسون شخصا|350|-|count|شخص",
        "ar|بلغت الخسائر مليون دولار|مليون دولار|1000000|-|currency|USD",
        "ar|وصل ثلاثة آلاف جندي|ثلاثة آلاف جندي|3000|-|count|جندي",
        "ar|قتل أحد عشر مدنيا|أحد عشر مدنيا|11|-|count|مدني",
        "ar|بلغت الحصيلة نصف مليون دولار|نصف مليون دولار|500000|-|currency|USD",
        "ar|نقل أكثر من ألف ومئتي شخص|ألف ومئتي شخص|1200|-|count|شخص",
        "en|Twenty-five people were hurt|Twenty-five people|25|-|count|people",
        "en|The army sent two hundred and fifty troops|two hundred and fifty troops|250|-|count|troops",
        "en|It cost a million dollars|a million dollars|1000000|-|currency|USD",
        "en|The strike lasted three weeks|three weeks|3|-|measure|week",
        "en|We are talking about half a trillion dollars|half a trillion dollars|500000000000|-|currency|USD",
        "en|It has spawned five video games so far|five video games|5|-|count|games",
        "en|The band released 12 rap albums|12 rap albums|12|-|count|albums",
        "en|Temperatures reached 45C in Baghdad|45C|45|-|measure|°C",
        "en|It was 104F in Phoenix|104F|104|-|measure|°F",
        "fr|Il fait 38,5 °C à Bagdad|38,5 °C|38.5|-|measure|°C",
        "fr|Quatre-vingt-dix soldats sont arrivés|Quatre-vingt-dix soldats|90|-|count|soldats",
        "fr|Il a reçu trois millions d'euros|trois millions d'euros|3000000|-|currency|EUR",
        "fr|vingt et un blessés|vingt et un blessés|21|-|count|blessés",
        "fr|deux cents manifestants|deux cents manifestants|200|-|count|manifestants",
        "fr|depuis cent neuf représentations|cent neuf représentations|109|-|count|représentations",
        "fr|une pièce de cent francs|cent francs|100|-|count|francs",
        "fr|Il y avait cinquante-neuf mille cent trente personnes|cinquante-neuf mille cent trente personnes|59130|-|count|personnes",
        "fr|trois millions deux cent mille habitants|trois millions deux cent mille habitants|3200000|-|count|habitants",
        "fr|mille deux cents soldats|mille deux cents soldats|1200|-|count|soldats",
        "fr|Il a vu deux gros chiens|deux gros chiens|2|-|count|chiens",
        "en|fifty-nine thousand one hundred and thirty people|fifty-nine thousand one hundred and thirty people|59130|-|count|people",
        "en|two million five hundred thousand dollars|two million five hundred thousand dollars|2500000|-|currency|USD",
        "en|two thousand and five people|two thousand and five people|2005|-|count|people",
        "en|between two thousand and three thousand people|two thousand and three thousand people|2000|3000|count|people",
    })
    void readsAmountsWithTheirUnits(String language, String text, String expression, String value, String upper,
                                    String kind, String unit) {
        Quantity q = only(text, language);
        assertEquals(expression, q.text());
        assertEquals(0, new BigDecimal(value).compareTo(q.value()), q::toString);
        assertEquals(upper == null ? null : new BigDecimal(upper), q.upper());
        assertEquals(kind, q.kind());
        assertEquals(unit, q.unit());
    }

    @Test
    void writesValuesWithoutExponents() {
        assertEquals("1200000000", only("a $1.2bn deal", "en").value().toPlainString());
        assertEquals("1200000000", only("a $1.2bn deal", "en").value().toString());
    }

    @Test
    void leavesOutBareNumbersYearsDatesAndTimes() {
        assertEquals(List.of(), QuantityFinder.find("في عام 2014 وفي 17 حزيران 2024 عند الساعة 07:25 مساء", "ar"));
        assertEquals(List.of(), QuantityFinder.find("Flight F16 landed at 7:25 on 26th July 2024; page 12.", "en"));
        assertEquals(List.of(), QuantityFinder.find("He ran 5m and saved 20k files", "en"));
        assertEquals(List.of(), QuantityFinder.find("he was 84 had been ill and 12 would be freed", "en"));
        assertEquals(List.of(), QuantityFinder.find("في عام 2014م وفي الساعة 7ص", "ar"));
        assertEquals(List.of(), QuantityFinder.find("في 17 رمضان وحتى 10شوال قتل 12وكان الهجوم", "ar"));
        assertEquals(List.of(), QuantityFinder.find("Ils étaient 12 selon la police, et 30 étaient partis", "fr"));
    }

    @Test
    void readsNumberWordsOnlyBeforeWhatTheyCount() {
        assertEquals(List.of(), QuantityFinder.find("One of the two was freed; a man and one woman", "en"));
        assertEquals(List.of(), QuantityFinder.find("لست أدري، قال أحد الشهود إن الاثنين", "ar"));
        assertEquals(List.of(), QuantityFinder.find("un homme et une femme dans un bâtiment neuf.", "fr"));
        assertEquals(List.of(), QuantityFinder.find("Sept 11 was long ago", "en"), "sept is French");
        assertEquals(List.of(), QuantityFinder.find("since I was sixteen doing poetry, at ten o'clock", "en"));
        assertEquals(List.of(), QuantityFinder.find("a 5c coin and a B52c jet", "en"), "cents, not degrees");
        assertEquals(List.of(), QuantityFinder.find("À sept heures et demie, vers 6 heures du matin, entre dix heures du "
                + "matin et deux heures de l'après-midi", "fr"), "times of day, not hours");
        assertEquals("12", only("privant la ville d'électricité pendant douze heures", "fr").value().toPlainString());
        assertEquals(List.of(), QuantityFinder.find("in the Six Nations encounter, a top-five player", "en"));
        assertEquals(List.of(), QuantityFinder.find("في القرن السابع عشر بروايته، فقتلوا اثنين منهم", "ar"));
        assertEquals(List.of(), QuantityFinder.find("لقد ألف الباحث كتابا، مرحبا ألف بكل زائر", "ar"));
        assertEquals(List.of(), QuantityFinder.find("أكثر من (72) مليون ريال، ونحو مليون ونصف المليون", "ar"));
        assertEquals(List.of(), QuantityFinder.find("يتعدى المائتي ألف جنيه إسترليني", "ar"), "200,000 is not 1,000");
        assertEquals("3000000", only("ثلاثة ملايين دولار", "ar").value().toPlainString(), "a scale after words");
        assertEquals("2000", only("deux mille soldats", "fr").value().toPlainString());
        assertEquals(List.of(), QuantityFinder.find("les trois qu'il a vus, et 3 d'entre eux", "fr"), "elided words");
        assertEquals(List.of(), QuantityFinder.find("in two thousand and five, the war", "en"), "a year in words");
        assertEquals(List.of(), QuantityFinder.find("ألف مبروك للفائزين وألف شكر للمنظمين", "ar"), "an idiom");
        assertEquals(List.of(), QuantityFinder.find("وأصيب عشرة بجروح وسبعة آخرون بإصابات طفيفة", "ar"), "wounded");
        assertEquals(List.of(), QuantityFinder.find("عند الساعة 0400 بتوقيت غرينتش", "ar"), "a time of day");
    }
}
