package org.derivcheck.testing;

import org.derivcheck.cas.Cas;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CAS of one test class: started before its tests (and warmed up, when asked, so that Symja's one-time start-up
 * does not count against a test's time limit) and closed after them. Register it on a static field:
 * {@code @RegisterExtension static final CasPerClass CAS = CasPerClass.warmedUp();}, then {@code CAS.get()}.
 */
public final class CasPerClass implements BeforeAllCallback, AfterAllCallback {
    private final boolean warm;
    private Cas cas;

    private CasPerClass(boolean warm) {
        this.warm = warm;
    }

    /** A CAS started before the class's tests. */
    public static CasPerClass started() {
        return new CasPerClass(false);
    }

    /** A CAS started and warmed up ({@link Cas#warmUp()}) before the class's tests. */
    public static CasPerClass warmedUp() {
        return new CasPerClass(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cas = Cas.start();
        if (warm) {
            cas.warmUp();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cas.close();
    }

    /** The CAS; only between the class's first and last test. */
    public Cas get() {
        if (cas == null) {
            throw new IllegalStateException("the CAS is started before the test class's tests");
        }
        return cas;
    }
}
