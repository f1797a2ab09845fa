package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class TinyModelTest {

    private static List<ConllCorpus.Sentence> sentences;
    private static NerModel model;

    @BeforeAll
    static void train() throws Exception {
        sentences = ConllCorpus.read(Path.of(TinyModelTest.class.getResource("/ner/tiny-train.conll").toURI()),
                ConllCorpus.COARSE);
        model = NerTraining.train(sentences, List.of(), sentences, Gazetteer.standard(), 16, 5, 1, 1, new int[] {4, 8}, 0f,
                0, 1, SequenceModel.BILOU, true, 0, "tiny-1");
    }

    @Test
    void readsFixtureAsIob2OverFourTypes() {
        assertEquals(48, sentences.size());
        assertEquals(List.of("O", "O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O", "B-ORGANIZATION",
                "I-ORGANIZATION", "O", "O", "O", "O"), sentences.get(0).tags());
    }

    @Test
    void trainedModelTagsUnseenCombinationsInRawText() {
        EntityRecognizer recognizer = new ModelRecognizer(model, Gazetteer.standard(), false);
        String text = "وصل سمير منصور إلى صنعاء أمس. وأعلنت جامعة النيل في بيروت عن خطة جديدة.";
        List<Entity> entities = recognizer.recognize(text, "ar");
        ArabicTokenizationTest.assertHas(entities, text, "سمير منصور", "PERSON");
        ArabicTokenizationTest.assertHas(entities, text, "صنعاء", "LOCATION");
        ArabicTokenizationTest.assertHas(entities, text, "جامعة النيل", "ORGANIZATION");
        for (Entity e : entities) {
            assertEquals("model", e.source());
            assertTrue(e.confidence() > 0 && e.confidence() <= 1, e::toString);
            assertEquals(e.text(), ArabicTokenizationTest.codePoints(text, e.start(), e.end()));
        }
        assertEquals("tiny-1", recognizer.version());
    }

    /** The recogniser, without fallback, around a tiny model trained on the fixture {@code /ner/NAME.conll}. */
    private static ModelRecognizer trainedOn(String name) throws Exception {
        List<ConllCorpus.Sentence> fixture = ConllCorpus.read(Path.of(TinyModelTest.class
                .getResource("/ner/" + name + ".conll").toURI()), ConllCorpus.COARSE);
        NerModel tiny = NerTraining.train(fixture, List.of(), fixture, Gazetteer.standard(), 16, 5, 1, 1,
                new int[] {4, 8}, 0f, 0, 1, SequenceModel.BILOU, true, 0, name);
        return new ModelRecognizer(tiny, Gazetteer.standard(), false);
    }

    @Test
    void anHonorificTheTrainingTextTagsWithTheNameIsCutOffIt() throws Exception {
        // the fixture tags معالي and سعادة inside the person, as some ANERcorp sentences do
        String text = "استقبل معالي سالم الحربي الوفد الزائر في الرياض .";
        List<String> persons = trainedOn("tiny-honorifics").recognize(text, "ar").stream()
                .filter(e -> e.type().equals("PERSON")).map(Entity::text).toList();
        assertEquals(List.of("سالم الحربي"), persons);
    }

    @Test
    void theNewsAgencyAloneIsNoOrganisationEvenWhereTheTrainingTextTagsIt() throws Exception {
        // the fixture tags وكالة الأنباء ("the news agency") as an organisation
        String text = "ونقلت وكالة الأنباء عن مصدر مسؤول أن الوفد وصل إلى الرياض .";
        List<String> found = trainedOn("tiny-news-agency").recognize(text, "ar").stream()
                .map(e -> e.text() + "/" + e.type()).toList();
        assertEquals(List.of("الرياض/LOCATION"), found);
    }

    @Test
    void modelSurvivesWriteAndRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        String text = "التقى الرئيس كريم حسن وفدا من شركة النور.";
        assertEquals(new ModelRecognizer(model, Gazetteer.standard(), false).recognize(text, "ar").stream()
                        .map(Entity::text).toList(),
                new ModelRecognizer(read, Gazetteer.standard(), false).recognize(text, "ar").stream()
                        .map(Entity::text).toList());
        assertEquals(model.lexicon(), read.lexicon());
        assertEquals(SequenceModel.BILOU, read.tagger().width);
    }

    @Test
    void typeBiasesSurviveWriteAndRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.withTypeBias(NerModel.parseTypeBias("ORGANIZATION:2.5,MISC:1")).write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(List.of(0f, 2.5f, 0f, 1f), List.of(read.typeBias()[0], read.typeBias()[1], read.typeBias()[2],
                read.typeBias()[3]));
    }

    @Test
    void trainingTagsFollowOwnTokensOfJoinedText() {
        ConllCorpus.Sentence sentence = new ConllCorpus.Sentence(List.of("قال", "(أحمد", "سالم)", "."),
                List.of("O", "B-PERSON", "I-PERSON", "O"));
        List<Token> tokens = Tokenizer.tokenize(sentence.text());
        int b = SequenceModel.begin(0);
        int i = SequenceModel.inside(0);
        assertEquals(List.of("قال", "(", "أحمد", "سالم", ")", "."), tokens.stream().map(Token::text).toList());
        assertEquals(List.of(0, b, i, i, i, 0), Arrays.stream(NerTraining.tags(sentence, tokens)).boxed().toList());
    }
}
