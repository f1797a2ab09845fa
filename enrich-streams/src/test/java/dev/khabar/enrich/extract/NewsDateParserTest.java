package dev.khabar.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NewsDateParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "في 17 حزيران/يونيو 2024. [عملية العزم الصلب] | 2024-06-17",
        "21 تشرين الأول/أكتوبر 2025 | 2025-10-21",
        "27 كانون الثاني/يناير 2024 | 2024-01-27",
        "3 شباط/فبراير 2024 | 2024-02-03",
        "17 آذار/مارس 2023 | 2023-03-17",
        "12 آب 2019 | 2019-08-12",
        "٢٠ تموز/يوليو ٢٠١٥ | 2015-07-20",
        "تاريخ النشر: ٥ أيلول ٢٠٢٥ | 2025-09-05",
        "26 يوليو، 2024 | 2024-07-26",
        "اليوم الاثنين 25 أغسطس 2025 07:25 مساءً | 2025-08-25T19:25",
        "الأحد 3 مارس 2024 09:05 صباحاً | 2024-03-03T09:05",
        "تاريخ النشر: 26th, July 2024 GMT | 2024-07-26",
        "Monday, 20 June 2005 14:02 GMT | 2005-06-20T14:02",
        "Published: 1 January 2005 | 2005-01-01",
        "July 26, 2024 | 2024-07-26",
        "Posted on March 5th 2005 | 2005-03-05",
        "5 Sept. 2021 | 2021-09-05",
        "3:15 pm, 4 May 2022 | 2022-05-04T15:15",
        "Page last updated at 08:48 GMT, Saturday, 1 January 2005 | 2005-01-01T08:48",
        "the vote on 4 May 2022 was close | 2022-05-04",
        "Publié le 1er août 2025 à 14h30 | 2025-08-01T14:30",
        "mardi 4 février 2025 | 2025-02-04",
        "Mis à jour le 12 décembre 2024 | 2024-12-12",
        "2024-06-17T10:00:00Z | 2024-06-17T10:00:00Z",
        "2015-07-26T11:07:00+03:00 | 2015-07-26T11:07:00+03:00",
        "نشر في 2015-07-20 | 2015-07-20",
        "20/07/2015 - 14:02 | 2015-07-20T14:02",
        "٢٠-٧-٢٠١٥ | 2015-07-20",
        "07/25/2015 | 2015-07-25",
    })
    void parsesNewsDates(String text, String iso) {
        assertEquals(Optional.of(iso), NewsDateParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"في 27 كانون الثاني/يناير", "31 فبراير 2024", "الساعة 07:25", "ذهب مع أبيه 3 مرات",
        "version 2.10.4", "May the best team win in 2024", ""})
    void findsNoDateWithoutDayMonthAndYear(String text) {
        assertEquals(Optional.empty(), NewsDateParser.parse(text));
    }

    @Test
    void reportsOffsetsIntoTheOriginalText() {
        String text = "قال في 17 حزيرانَ/يونيو 2024 إن القوات وصلت، ثم في ٣ آب ٢٠٢٤ غادرت.";
        List<NewsDateParser.DateMention> mentions = NewsDateParser.findAll(text);
        assertEquals(2, mentions.size());
        assertEquals("17 حزيرانَ/يونيو 2024", text.substring(mentions.get(0).start(), mentions.get(0).end()));
        assertEquals("2024-06-17", mentions.get(0).iso());
        assertEquals("٣ آب ٢٠٢٤", text.substring(mentions.get(1).start(), mentions.get(1).end()));
        assertEquals("2024-08-03", mentions.get(1).iso());
    }

    @Test
    void convertsIslamicDatesAndPrefersTheGregorianOneBesideIt() {
        assertEquals(Optional.of("2015-07-17"), NewsDateParser.parse("1 شوال 1436 هـ"));
        assertEquals(Optional.of("2015-07-26"), NewsDateParser.parse("الأحد ١٠ شوال ١٤٣٦ هـ - ٢٦ يوليو ٢٠١٥ م"));
        List<NewsDateParser.DateMention> mentions = NewsDateParser.findAll("١٠ شوال ١٤٣٦ هـ - ٢٦ يوليو ٢٠١٥");
        assertEquals(2, mentions.size());
        assertTrue(mentions.get(0).hijri());
        assertEquals("2015-07-26", mentions.get(0).iso());
    }

    @Test
    void keepsTheLongestReadingWhenFormsOverlap() {
        List<NewsDateParser.DateMention> mentions = NewsDateParser.findAll("Wednesday, 8 June 2005 13:53 GMT");
        assertEquals(1, mentions.size());
        assertTrue(mentions.get(0).iso().startsWith("2005-06-08T13:53"));
    }
}
