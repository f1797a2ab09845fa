package dev.khabar.enrich.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.khabar.model.RemovedSegment;

/** The fields of one page as the extractor fills them in, source by source (metadata first, then text). */
final class Draft {

    String title;
    String byline;
    String publishedAt;
    String updatedAt;
    String url;
    String site;
    String section;
    final Map<String, Object> extra = new LinkedHashMap<>();
    final List<RemovedSegment> removed = new ArrayList<>();

    void remove(String kind, String text, String rule) {
        removed.add(new RemovedSegment(kind, text, rule));
    }

    Extraction finish(List<String> paragraphs, String what) {
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("No article body left after extraction of " + what
                    + " (" + removed.size() + " segments removed as chrome)");
        }
        String date = publishedAt != null ? publishedAt : updatedAt;
        String siteName = site != null ? site : host(url);
        return new Extraction(title, String.join("\n\n", paragraphs), byline, date, url, siteName, section,
                extra, removed);
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
