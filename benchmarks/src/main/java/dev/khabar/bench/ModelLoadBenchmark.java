package dev.khabar.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import dev.khabar.enrich.entity.EntityRecognizer;
import dev.khabar.enrich.language.LanguageIdentifier;

/**
 * Cold start: the time to load each bundled model and answer the first call, in a fresh JVM per measurement
 * (the models are loaded once per process, so only the first call of a fork is a load).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xmx512m"})
public class ModelLoadBenchmark {

    @Benchmark
    public Object loadLanguageModel() {
        return LanguageIdentifier.standard().identify(null, "هذا نص قصير لتحميل النموذج");
    }

    @Benchmark
    public Object loadArabicEntityModel() {
        return EntityRecognizer.standard().recognize("قال رئيس الوزراء في بغداد", "ar");
    }
}
