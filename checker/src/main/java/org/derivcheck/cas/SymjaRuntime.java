package org.derivcheck.cas;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;

/**
 * Configures Symja once, before any of its classes that start threads load, and makes one engine per
 * worker thread. Sandbox switches: no file system, no redefinition of built-ins, bounded sizes; the
 * allow-list of {@link ExprParser} keeps every other built-in out of reach, since nothing a user writes
 * is ever given to Symja's own parser.
 *
 * <p>Symja prints some exceptions itself, whatever the engine's streams: {@code EvalEngine} calls
 * {@code printStackTrace()} on every {@code ValidateException} (e.g. {@code ArgumentTypeException} for
 * {@code 999...9!}), which goes to {@code System.err}. derivcheck reports such a case as a verdict, so
 * {@code System.out} and {@code System.err} are wrapped once in {@link LibraryQuiet}: what is written
 * while a Symja or JAS method is on the writing thread's stack is dropped; everything else passes.
 */
final class SymjaRuntime {
    /** Largest expression (leaf count) the CAS is allowed to build. */
    static final int MAX_AST_SIZE = 20_000;

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
    private static final ThreadLocal<EvalEngine> ENGINE = new ThreadLocal<>();

    static {
        LibraryQuiet.install();
        // Must run before org.matheclipse.core.expression.F loads (see shared notes on Symja 3.0.0).
        Config.JAS_NO_THREADS = true;
        Config.FILESYSTEM_ENABLED = false;
        Config.UNPROTECT_ALLOWED = false;
        Config.MAX_AST_SIZE = MAX_AST_SIZE;
        Config.MAX_OUTPUT_SIZE = 20_000;
        Config.MAX_BIT_LENGTH = 20_000;
        Config.MAX_POLYNOMIAL_DEGREE = 200;
        Config.MAX_MATRIX_DIMENSION_SIZE = 100;
        ApfloatSetup.apply();
    }

    private SymjaRuntime() {
    }

    /** This thread's engine, created on first use. */
    static EvalEngine engine() {
        EvalEngine e = ENGINE.get();
        if (e == null) {
            e = new EvalEngine("derivcheck", 512, 20_000, SILENT, SILENT, true);
            e.setFileSystemEnabled(false);
            e.setQuietMode(true);
            EvalEngine.set(e);
            ENGINE.set(e);
            ApfloatSetup.apply(); // after Symja's F has set its own apfloat properties
        } else {
            EvalEngine.set(e);
        }
        return e;
    }

    /** Forgets this thread's engine (it was stopped by force mid-evaluation); the next use makes a new one. */
    static void discardEngine() {
        ENGINE.remove();
    }

    /** Forces Symja's one-time start-up (about 1.5 s cold) on the calling thread. */
    static void warmUp() {
        engine();
        org.matheclipse.core.expression.F.initSymbols();
        ApfloatSetup.apply();
    }

    /** Drops what Symja or JAS write to the standard streams; passes everything else on unchanged. */
    static final class LibraryQuiet extends FilterOutputStream {
        private static final StackWalker WALKER = StackWalker.getInstance();

        private LibraryQuiet(OutputStream out) {
            super(out);
        }

        static synchronized void install() {
            if (!(System.err instanceof Wrapped)) {
                System.setErr(new Wrapped(System.err));
            }
            if (!(System.out instanceof Wrapped)) {
                System.setOut(new Wrapped(System.out));
            }
        }

        /** True when the calling thread is inside a Symja (org.matheclipse) or JAS (edu.jas) method. */
        static boolean fromLibrary() {
            return WALKER.walk(frames -> frames.anyMatch(f -> {
                String c = f.getClassName();
                return c.startsWith("org.matheclipse.") || c.startsWith("edu.jas.");
            }));
        }

        @Override
        public void write(int b) throws IOException {
            if (!fromLibrary()) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!fromLibrary()) {
                out.write(b, off, len);
            }
        }

        /** A print stream over {@link LibraryQuiet}, so that install() can tell it is already in place. */
        static final class Wrapped extends PrintStream {
            Wrapped(PrintStream target) {
                super(new LibraryQuiet(target), true);
            }
        }
    }
}
