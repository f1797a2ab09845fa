package dev.khabar.model;

import java.util.List;

/**
 * One entity of an article: its mentions merged, ordered in the record by salience (mentions, then first offset).
 *
 * @param id          catalogue id shared across languages and articles ({@code country:IQ}, {@code subdivision:IQ-AN},
 *                    {@code city:IQ:baghdad}, {@code org:isis}, {@code person:mohammed-shia-al-sudani}); {@code null}
 *                    when the entity is not in the catalogue
 * @param name        display name: the catalogue's name in the article's language (else English), or the longest
 *                    alias seen
 * @param mentions    mentions of the entity in the body
 * @param firstOffset code-point offset of the first mention in the body
 * @param aliases     distinct surface forms seen, in order of first appearance
 * @param confidence  highest confidence of its mentions
 */
public record CanonicalEntity(String id, String name, String type, int mentions, int firstOffset, List<String> aliases,
                              double confidence) {

    public CanonicalEntity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
