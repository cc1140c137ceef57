package org.derivcheck.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"derivcheck " + (v == null ? "development" : v),
                "Java " + System.getProperty("java.version")};
    }
}
