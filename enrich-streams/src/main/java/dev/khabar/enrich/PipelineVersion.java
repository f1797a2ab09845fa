package dev.khabar.enrich;

/** The version of this build, from the jar manifest when packaged. */
public final class PipelineVersion {

    public static final String VERSION = version();

    private PipelineVersion() {
    }

    private static String version() {
        String fromManifest = PipelineVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "dev";
    }
}
