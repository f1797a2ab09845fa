package dev.khabar.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthStatusTest {

    @Test
    void upIs200AndDownIs503() {
        assertEquals(200, HealthStatus.up("ok").httpStatus());
        assertEquals(503, HealthStatus.down("no broker").httpStatus());
    }

    @Test
    void detailIsEscapedIntoValidJson() {
        assertEquals("{\"status\":\"DOWN\",\"detail\":\"file \\\"a\\\\b\\\"\\nnext\\u0001\"}",
                HealthStatus.down("file \"a\\b\"\nnext\u0001").json());
    }
}
