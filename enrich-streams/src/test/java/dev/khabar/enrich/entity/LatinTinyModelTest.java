package dev.khabar.enrich.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.khabar.model.Entity;

class LatinTinyModelTest {

    private static NerModel model;

    @BeforeAll
    static void train() throws Exception {
        List<ConllCorpus.Sentence> sentences = ConllCorpus.read(
                Path.of(LatinTinyModelTest.class.getResource("/ner/tiny-train-en.conll").toURI()), ConllCorpus.LATIN);
        assertEquals(48, sentences.size());
        model = LatinTraining.train("en", List.of(new LatinTraining.Labelled(sentences, null, 1)), sentences,
                Gazetteer.standard(), NameLists.of(sentences), 16, 5, 1, 1, new int[] {4, 8}, 0f,
                SequenceModel.BIO, 0, "tiny-en-1");
    }

    @Test
    void tagsUnseenCombinationsInRawTextWithCodePointOffsets() {
        EntityRecognizer recognizer = new LatinRecognizer(model, Gazetteer.standard(), false);
        String text = "President Laura Okafor met officials of the Atlas Bank in Lima on Monday. "
                + "Mr Peter Lopez told reporters in Oslo that the Pacific Airlines would cut jobs.";
        List<Entity> entities = recognizer.recognize(text, "en");
        ArabicTokenizationTest.assertHas(entities, text, "Laura Okafor", "PERSON");
        ArabicTokenizationTest.assertHas(entities, text, "Atlas Bank", "ORGANIZATION");
        ArabicTokenizationTest.assertHas(entities, text, "Lima", "LOCATION");
        ArabicTokenizationTest.assertHas(entities, text, "Peter Lopez", "PERSON");
        ArabicTokenizationTest.assertHas(entities, text, "Oslo", "LOCATION");
        for (Entity e : entities) {
            assertEquals("model", e.source());
            assertTrue(e.confidence() > 0 && e.confidence() <= 1, e::toString);
            assertEquals(e.text(), ArabicTokenizationTest.codePoints(text, e.start(), e.end()));
        }
        assertEquals("tiny-en-1", recognizer.version());
    }

    @Test
    void modelSurvivesWriteAndRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        String text = "Minister Anna Hughes arrived in Kyiv to meet the Union Party.";
        assertEquals(new LatinRecognizer(model, Gazetteer.standard(), false).recognize(text, "en"),
                new LatinRecognizer(read, Gazetteer.standard(), false).recognize(text, "en"));
        assertEquals("en", read.language());
        assertEquals(model.lexicon(), read.lexicon());
        assertTrue(read.names().size() > 10, () -> "names: " + read.names());
        assertEquals(model.names(), read.names());
        // in the same order: ties among listed names go by it, so a model must read the same in every JVM
        assertEquals(List.copyOf(model.names().keySet()), List.copyOf(read.names().keySet()));
    }

    @Test
    void aModelReadsOnlyTheEncoderItWasTrainedOnWhoseNameItKeeps() throws IOException {
        SequenceModel tagger = model.tagger();
        int dimensions = ContextVectors.standard().dimensions;
        SequenceModel dense = new SequenceModel(tagger.types, tagger.width, tagger.bits, tagger.weights,
                tagger.transitions, dimensions, new float[tagger.tags * dimensions]);
        NerModel other = new NerModel("tiny-en-dense", "en", dense, model.lexicon(), model.clusters(),
                model.outsideBias(), model.unreliableNames(), model.names(), "another-encoder/layer.3");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        other.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("another-encoder/layer.3", read.encoder());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new LatinRecognizer(read, Gazetteer.standard(), false));
        assertTrue(refused.getMessage().contains(ContextVectors.standard().name), refused::getMessage);
        NerModel same = new NerModel("tiny-en-dense", "en", dense, model.lexicon(), model.clusters(),
                model.outsideBias(), model.unreliableNames(), model.names(), ContextVectors.standard().name);
        assertEquals(new LatinRecognizer(model, Gazetteer.standard(), false).recognize("Anna Hughes left Kyiv.", "en"),
                new LatinRecognizer(same, Gazetteer.standard(), false).recognize("Anna Hughes left Kyiv.", "en"),
                "zero dense weights leave the tags as they were");
        assertEquals("", model.encoder());
    }

    @Test
    void nameListsKeepEachCapitalisedNameWithItsCommonestTypeAndSplitBySentence() {
        ConllCorpus.Sentence a = new ConllCorpus.Sentence(List.of("Jordan", "beat", "Iraq"),
                List.of("B-LOCATION", "O", "B-LOCATION"));
        ConllCorpus.Sentence b = new ConllCorpus.Sentence(List.of("Michael", "Jordan", "and", "Jordan"),
                List.of("B-PERSON", "I-PERSON", "O", "B-LOCATION"));
        ConllCorpus.Sentence c = new ConllCorpus.Sentence(List.of("Jordan", "scored", "for", "the", "bulls"),
                List.of("B-PERSON", "O", "O", "O", "B-ORGANIZATION"));
        ConllCorpus.Sentence d = new ConllCorpus.Sentence(List.of("Jordan", "and", "Syria"),
                List.of("B-LOCATION", "O", "B-LOCATION"));
        NameLists lists = NameLists.of(List.of(a, b, c, d));
        assertEquals(java.util.Map.of("Jordan", "LOCATION", "Iraq", "LOCATION", "Michael Jordan", "PERSON",
                "Syria", "LOCATION"), lists.all());  // "bulls" has no capital
        assertEquals(java.util.Map.of("Jordan", "PERSON", "Iraq", "LOCATION"), lists.first());  // a and c: a tie
        assertEquals(java.util.Map.of("Michael Jordan", "PERSON", "Jordan", "LOCATION", "Syria", "LOCATION"),
                lists.second());  // b and d
        assertEquals(List.of(true, false, true, false), List.of(lists.inFirstHalf().get(a),
                lists.inFirstHalf().get(b), lists.inFirstHalf().get(c), lists.inFirstHalf().get(d)));
    }

    @Test
    void fallbackAddsOnlyCapitalisedGazetteerNamesTheModelLeft() {
        EntityRecognizer recognizer = new LatinRecognizer(model, Gazetteer.standard(), true);
        List<Entity> entities = recognizer.recognize("we ate turkey and flew over Japan", "en");
        assertEquals(List.of("Japan"), entities.stream().map(Entity::text).toList());
    }

    @Test
    void aLearningCurveKeepsTheFirstShareOfEachLabelledSet() {
        List<Integer> sentences = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(List.of(0, 1, 2), LatinTraining.firstShare(sentences, ConllCorpus.fraction("1/4")));
        assertEquals(List.of(0, 1, 2, 3, 4, 5), LatinTraining.firstShare(sentences, ConllCorpus.fraction("1/2")));
        assertEquals(sentences, LatinTraining.firstShare(sentences, 1));
        assertThrows(IllegalArgumentException.class, () -> LatinTraining.firstShare(sentences, 0));
        assertThrows(IllegalArgumentException.class, () -> LatinTraining.firstShare(sentences, 2));
    }
}
