package dev.khabar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void fileNameExtensionsNameTheirFormats() {
        assertEquals(Format.TEXT, Format.ofFileName("a.txt"));
        assertEquals(Format.MARKDOWN, Format.ofFileName("notes.v2.MD"));
        assertEquals(Format.HTML, Format.ofFileName("page.htm"));
        assertEquals(Format.HTML, Format.ofFileName("page.html"));
        assertEquals(Format.JSON, Format.ofFileName("story.json"));
    }

    @Test
    void otherNamesHaveNoFormat() {
        assertNull(Format.ofFileName("articles.jsonl"));
        assertNull(Format.ofFileName("README"));
        assertNull(Format.ofFileName("archive.txt.gz"));
    }
}
