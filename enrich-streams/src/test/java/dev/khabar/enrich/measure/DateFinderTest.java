package dev.khabar.enrich.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.khabar.model.DateExpression;

class DateFinderTest {

    /** Tuesday. */
    private static final String PUBLISHED = "2024-06-18T09:30:00Z";

    private static DateExpression only(String text, String publishedAt) {
        List<DateExpression> found = DateFinder.find(text, publishedAt);
        assertEquals(1, found.size(), () -> text + ": " + found);
        DateExpression d = found.get(0);
        int[] cps = text.codePoints().toArray();
        assertEquals(d.text(), new String(cps, d.start(), d.end() - d.start()), "offsets are code points into the text");
        return d;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وصل الوفد في 17 حزيران 2024 إلى بغداد|17 حزيران 2024|2024-06-17",
        "وصل الوفد في 5 يونيو 2024 إلى القاهرة|5 يونيو 2024|2024-06-05",
        "وصل الوفد في 5 جوان 2024 إلى الجزائر|5 جوان 2024|2024-06-05",
        "وصل الوفد في 3 شتنبر 2024 إلى الرباط|3 شتنبر 2024|2024-09-03",
        "في 27 كانون الثاني/يناير 2024 انطلقت المحادثات|27 كانون الثاني/يناير 2024|2024-01-27",
        "في ١٧ حزيران/يونيو ٢٠٢٤ انطلقت المحادثات|١٧ حزيران/يونيو ٢٠٢٤|2024-06-17",
        "The talks began on June 17, 2024 in Baghdad|June 17, 2024|2024-06-17",
        "The talks began on 17 June 2024 in Baghdad|17 June 2024|2024-06-17",
        "Les discussions ont commencé le 1er août 2025 à Bagdad|1er août 2025|2025-08-01",
        "وقع الهجوم في أيلول/سبتمبر 2014 قرب الموصل|أيلول/سبتمبر 2014|2014-09",
        "The attack came in June 2024 near Mosul|June 2024|2024-06",
        "L'attaque a eu lieu en juin 2024 près de Mossoul|juin 2024|2024-06",
        "منذ عام 2014 لم تتوقف الهجمات|2014|2014",
    })
    void findsAbsoluteAndPartialDatesInEveryMonthSystem(String text, String expression, String value) {
        DateExpression d = only(text, null);
        assertEquals(expression, d.text());
        assertEquals(value, d.value());
        assertFalse(d.relative());
        assertEquals("gregorian", d.calendar());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وقال المتحدث أمس إن الهجوم فشل|أمس|2024-06-17",
        "يعقد المجلس اليوم جلسة طارئة|اليوم|2024-06-18",
        "ويصل الوزير غداً إلى بغداد|غداً|2024-06-19",
        "The minister said yesterday that talks would go on|yesterday|2024-06-17",
        "The minister arrives tomorrow|tomorrow|2024-06-19",
        "Le ministre a déclaré hier que les discussions continueraient|hier|2024-06-17",
        "Le ministre arrive après-demain|après-demain|2024-06-20",
        "وقع الانفجار يوم الأحد قرب السوق|يوم الأحد|2024-06-16",
        "وقع الانفجار الخميس الماضي قرب السوق|الخميس الماضي|2024-06-13",
        "تعقد الجولة الثالثة الأحد المقبل|الأحد المقبل|2024-06-23",
        "The blast happened last Monday near the market|last Monday|2024-06-17",
        "The third round opens next Friday|next Friday|2024-06-21",
        "L'explosion a eu lieu mardi dernier près du marché|mardi dernier|2024-06-11",
        "وارتفعت الأسعار الشهر الماضي بنسبة كبيرة|الشهر الماضي|2024-05",
        "Prices rose last year|last year|2023",
        "وصل الوفد في 5 حزيران إلى بغداد|5 حزيران|2024-06-05",
        "Talks resume on 28 December in Baghdad|28 December|2023-12-28",
        "وقتل في أبريل (نيسان) الماضي قرب الحدود|أبريل (نيسان) الماضي|2024-04",
        "وتجري الانتخابات في مايو المقبل|مايو المقبل|2025-05",
        "وبدأت المحادثات في حزيران/يونيو الماضي في فيينا|حزيران/يونيو الماضي|2023-06",
        "وارتفعت الأسعار في يونيو الماضي|يونيو الماضي|2023-06",
        "The talks began last April in Geneva|last April|2024-04",
        "Les négociations reprennent en juillet prochain|juillet prochain|2024-07",
    })
    void anchorsRelativeDatesOnThePublicationDate(String text, String expression, String value) {
        String published = expression.equals("28 December") ? "2024-01-05" : PUBLISHED;
        DateExpression d = only(text, published);
        assertEquals(expression, d.text());
        assertEquals(value, d.value());
        assertTrue(d.relative());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TBILISI, Oct 27 (Reuters) - Georgia's ruling party won|Oct 27|2024-10-27|true",
        "WASHINGTON, Oct. 27 (AP) - The president said|Oct. 27|2024-10-27|true",
        "DUBAI, Sep 30 (Reuters) - Oil prices rose|Sep 30|2024-09-30|true",
        "Parliament met on May 5 in Baghdad|May 5|2024-05-05|true",
        "Prices fell in Dec 2023 across the region|Dec 2023|2023-12|false",
        "The vote was held on 27 Oct 2024 in Tbilisi|27 Oct 2024|2024-10-27|false",
        "The deal was signed on Sept. 5, 2024 in Geneva|Sept. 5, 2024|2024-09-05|false",
        "Le scrutin du 27 oct. 2024 a été contesté|27 oct. 2024|2024-10-27|false",
        "Le sommet reprend le 3 déc. à Paris|3 déc.|2024-12-03|true",
        "Les prix ont baissé en mai dernier|mai dernier|2024-05|true",
    })
    void readsAbbreviatedMonthNamesAsFullOnes(String text, String expression, String value, boolean relative) {
        DateExpression d = only(text, "2024-10-28T06:00:00Z");
        assertEquals(expression, d.text());
        assertEquals(value, d.value());
        assertEquals(relative, d.relative());
    }

    @Test
    void readsMayAndMarWithoutAYearOnlyCapitalised() {
        assertEquals(List.of(), DateFinder.find("Of the 40 detainees, 5 may be freed and the rest may 2 weeks later",
                PUBLISHED));
        assertEquals(List.of(), DateFinder.find("Nothing should mar 2024 for them", PUBLISHED));
        assertEquals("2024-05-05", only("Of the 40 detainees, 5 were freed on 5 May", PUBLISHED).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "قتلوا منذ السابع من أكتوبر/تشرين الأول 2023 في غزة|السابع من أكتوبر/تشرين الأول 2023|2023-10-07|false",
        "بدأت الحرب في الخامس عشر من أبريل 2023 في الخرطوم|الخامس عشر من أبريل 2023|2023-04-15|false",
        "تعقد القمة في الحادي والعشرين من شهر حزيران في بغداد|الحادي والعشرين من شهر حزيران|2024-06-21|true",
        "وصل في الأول من يونيو|الأول من يونيو|2024-06-01|true",
    })
    void readsArabicOrdinalDays(String text, String expression, String value, boolean relative) {
        DateExpression d = only(text, PUBLISHED);
        assertEquals(expression, d.text());
        assertEquals(value, d.value());
        assertEquals(relative, d.relative());
    }

    @Test
    void keepsAWeekdayBeforeADateInTheExpression() {
        DateExpression d = only("وصل الوفد الأحد 5 يونيو إلى بغداد", "2022-06-01");
        assertEquals("الأحد 5 يونيو", d.text());
        assertEquals("2022-06-05", d.value());
        DateExpression full = only("نشر اليوم الاثنين 25 أغسطس 2025 07:25 مساءً", null);
        assertEquals("اليوم الاثنين 25 أغسطس 2025 07:25 مساءً", full.text());
        assertEquals("2025-08-25T19:25", full.value());
    }

    @Test
    void leavesRelativeDatesOutWithoutAPublicationDate() {
        assertEquals(List.of(), DateFinder.find("قال أمس إن الاجتماع يعقد الأحد المقبل في 5 حزيران", null));
    }

    @Test
    void readsHijriDatesAsGregorianAndSaysSo() {
        DateExpression d = only("الموافق 10 محرم 1446 هـ", null);
        assertEquals("islamic", d.calendar());
        assertEquals("2024-07-16", d.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وتبدأ المراسم في 10 محرم بحضور الأهالي|10 محرم|2024-07-16",
        "وقع الحادث ليلة ١٧ من شهر رمضان الماضي|١٧ من شهر رمضان|2024-03-27",
    })
    void anchorsHijriDatesWithoutAYearInTheNearestHijriYear(String text, String expression, String value) {
        DateExpression d = only(text, PUBLISHED);
        assertEquals(expression, d.text());
        assertEquals(value, d.value());
        assertEquals("islamic", d.calendar());
        assertTrue(d.relative());
        assertEquals(List.of(), DateFinder.find(text, null));
    }

    @Test
    void marksMonthNamesInThePairFormDatesOrNot() {
        String text = "وبدأ الموسم في أبريل (نيسان) وانتهى في 3 حزيران/يونيو، وأعلنت نيسان أرباحها.";
        List<String> spans = DateFinder.monthPairs(text).stream()
                .map(s -> text.substring(text.offsetByCodePoints(0, s[0]), text.offsetByCodePoints(0, s[1]))).toList();
        assertEquals(List.of("أبريل (نيسان)", "حزيران/يونيو"), spans);
        assertEquals(List.of(), DateFinder.monthPairs("وأعلنت نيسان (اليابانية) أرباح أبريل (تموز)"));
    }

    @Test
    void ignoresWordsThatOnlyLookLikeDates() {
        assertEquals(List.of(), DateFinder.find("في اليوم التالي عاد الأب إلى بيته، وقال الاثنان إن الجمعة كانت مزدحمة",
                PUBLISHED));
        assertEquals(List.of(), DateFinder.find("You may go. He marched 5 miles.", PUBLISHED));
    }
}
