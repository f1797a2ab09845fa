package dev.khabar.ingest;

/** Short news-like texts written for these tests (no third-party text). */
final class Samples {

    static final String ARABIC = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة الرياض، ويضم المستشفى أكثر"
            + " من مئتي سرير وعددا من العيادات المتخصصة. وقال المتحدث باسم الوزارة إن المشروع يهدف إلى تحسين الخدمات"
            + " الطبية للمواطنين والمقيمين في المنطقة الوسطى. وأضاف أن العمل بدأ قبل ثلاث سنوات بتكلفة بلغت خمسمئة"
            + " مليون ريال.";

    static final String ARABIC_2 = "شهدت العاصمة الأردنية عمان أمس افتتاح معرض الكتاب السنوي بمشاركة أكثر من ثلاثمئة"
            + " دار نشر عربية وأجنبية. وقالت اللجنة المنظمة إن المعرض يستمر عشرة أيام، ويتضمن ندوات ثقافية وأمسيات"
            + " شعرية ولقاءات مع الكتاب الشباب. ويتوقع المنظمون أن يزور المعرض نحو مئة ألف زائر.";

    static final String FRENCH = "Le conseil municipal a voté hier soir un budget de 3 millions d’euros pour la"
            + " rénovation de l’école primaire. « C’est une décision très attendue », a déclaré le maire, qui espère"
            + " que les travaux seront terminés avant la rentrée. Les parents d’élèves se sont félicités de cette"
            + " annonce — enfin.";

    static final String GERMAN = "Die Stadtverwaltung hat am Montag bekannt gegeben, dass die Brücke über den Fluss"
            + " wegen Bauarbeiten für drei Wochen gesperrt wird. Autofahrer müssen eine Umleitung über die"
            + " Hauptstraße nehmen. Die Kosten für die Sanierung betragen rund zwei Millionen Euro.";

    static final String ENGLISH = "The city council approved a new cycling lane along the river on Tuesday. Work"
            + " will start in spring and should take about four months, officials said.";

    private Samples() {
    }
}
