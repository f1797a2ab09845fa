package dev.khabar.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content-derived identifiers. */
public final class ArticleIds {

    /** Hex characters kept from the SHA-256 for an id (96 bits). */
    public static final int ID_HEX_LENGTH = 24;

    private ArticleIds() {
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static String fromSha256(String sha256Hex) {
        return sha256Hex.substring(0, ID_HEX_LENGTH);
    }
}
