package dev.khabar.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, or one that moves on by a step each time it is read. */
final class TestClock extends Clock {

    private final Duration stepPerRead;
    private volatile Instant now;

    TestClock(Instant start) {
        this(start, Duration.ZERO);
    }

    private TestClock(Instant start, Duration stepPerRead) {
        this.now = start;
        this.stepPerRead = stepPerRead;
    }

    static TestClock stepping(Instant start, Duration stepPerRead) {
        return new TestClock(start, stepPerRead);
    }

    synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        if (!stepPerRead.isZero()) {
            now = now.plus(stepPerRead);
        }
        return now;
    }
}
