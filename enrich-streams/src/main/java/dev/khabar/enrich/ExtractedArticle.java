package dev.khabar.enrich;

import dev.khabar.enrich.extract.Extraction;
import dev.khabar.model.SourceInfo;

/**
 * An article between extraction and enrichment, as it travels through the internal topics.
 *
 * @param fingerprint hash of the normalised body, set by the dedup step
 */
public record ExtractedArticle(String id, SourceInfo source, Extraction extraction, String fingerprint) {

    public ExtractedArticle withFingerprint(String value) {
        return new ExtractedArticle(id, source, extraction, value);
    }
}
