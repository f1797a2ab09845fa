import dev.khabar.enrich.EnrichmentSteps;
import dev.khabar.enrich.entity.EntityRecognizer;

/** Loads every enrichment model (language id, Arabic, English and French NER) and prints the heap in use after GC. */
public class ModelHeapCheck {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        EnrichmentSteps steps = EnrichmentSteps.standard();
        System.out.println(steps.languages().identify("Biden", "President Joe Biden met NATO officials in Brussels."));
        EntityRecognizer r = steps.entities();
        System.out.println(r.recognize("President Joe Biden met NATO officials in Brussels on Monday.", "en"));
        System.out.println(r.recognize("Le président Emmanuel Macron a reçu M. Olaf Scholz à l'Élysée, à Paris.", "fr"));
        System.out.println(r.recognize("التقى رئيس الوزراء العراقي محمد شياع السوداني وزير الدفاع الأمريكي في بغداد.", "ar"));
        System.out.printf("loaded in %.1f s; version %s%n", (System.nanoTime() - t0) / 1e9, r.version());
        for (int i = 0; i < 3; i++) { System.gc(); }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after GC: %d MB of max %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
}
