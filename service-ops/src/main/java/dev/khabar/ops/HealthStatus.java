package dev.khabar.ops;

/**
 * One answer of a health probe: up or down, with a short reason a person can act on.
 *
 * @param detail what was checked, e.g. "streams RUNNING" or "no partitions assigned yet"
 */
public record HealthStatus(boolean up, String detail) {

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }

    /** The HTTP status of the probe: 200 when up, 503 when down. */
    public int httpStatus() {
        return up ? 200 : 503;
    }

    /** The short JSON body: {@code {"status":"UP","detail":"..."}}. */
    public String json() {
        return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"detail\":\"" + escape(detail) + "\"}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
