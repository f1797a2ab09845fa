package dev.khabar.enrich.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class BodyNormalizerTest {

    @Test
    void stripsTashkeelAndTatweel() {
        assertEquals("محمد ذهب الي المدرسه", BodyNormalizer.normalize("مُحَمَّدٌ ذَهَبَ إلى المـــدرسة"));
    }

    @Test
    void unifiesAlefFormsYehAndTehMarbuta() {
        assertEquals(BodyNormalizer.normalize("الى مدرسه اسلاميه"), BodyNormalizer.normalize("إلى مدرسة إسلامية"));
        assertEquals("احمد اكرم امال اخر", BodyNormalizer.normalize("أحمد إكرم آمال ٱخر"));
        assertEquals("علي", BodyNormalizer.normalize("على"));
    }

    @Test
    void mapsArabicIndicAndPersianDigitsToAscii() {
        assertEquals("2015 123", BodyNormalizer.normalize("٢٠١٥ ۱۲۳"));
    }

    @Test
    void caseFoldsAndCollapsesPunctuationAndWhitespace() {
        assertEquals("hello world it s 5 p m", BodyNormalizer.normalize("  Hello,\tWORLD!!\n\n“It’s” 5 p.m. "));
    }

    @Test
    void appliesCompatibilityNormalisation() {
        assertEquals("file abc لا", BodyNormalizer.normalize("ﬁle ＡＢＣ ﻻ"));
    }

    @Test
    void keepsDifferentWordsApart() {
        assertNotEquals(BodyNormalizer.normalize("the port opens"), BodyNormalizer.normalize("the port closes"));
        assertEquals("", BodyNormalizer.normalize(" .,;! "));
    }
}
