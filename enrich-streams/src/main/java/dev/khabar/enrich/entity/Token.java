package dev.khabar.enrich.entity;

/**
 * A word or punctuation mark of the raw text.
 *
 * @param text  the characters as written
 * @param norm  the normalised form used for matching
 * @param start code-point offset of the first character
 * @param end   code-point offset just past the last character
 */
record Token(String text, String norm, int start, int end) {
}
