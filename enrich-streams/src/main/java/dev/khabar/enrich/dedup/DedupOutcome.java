package dev.khabar.enrich.dedup;

import dev.khabar.enrich.ExtractedArticle;
import dev.khabar.model.DuplicateRecord;

/**
 * The dedup step's verdict on one article: it is unique ({@code duplicate} is null) or a later copy.
 *
 * @param article the article, with its fingerprint set
 */
public record DedupOutcome(ExtractedArticle article, DuplicateRecord duplicate) {

    public boolean isDuplicate() {
        return duplicate != null;
    }
}
