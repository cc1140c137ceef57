package org.derivcheck.cas;

import java.io.OutputStream;
import java.io.PrintStream;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;

/**
 * Configures Symja once, before any of its classes that start threads load, and makes one engine per
 * worker thread. Sandbox switches: no file system, no redefinition of built-ins, bounded sizes; the
 * allow-list of {@link ExprParser} keeps every other built-in out of reach, since nothing a user writes
 * is ever given to Symja's own parser.
 */
final class SymjaRuntime {
    /** Largest expression (leaf count) the CAS is allowed to build. */
    static final int MAX_AST_SIZE = 20_000;

    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
    private static final ThreadLocal<EvalEngine> ENGINE = new ThreadLocal<>();

    static {
        // Must run before org.matheclipse.core.expression.F loads (see shared notes on Symja 3.0.0).
        Config.JAS_NO_THREADS = true;
        Config.FILESYSTEM_ENABLED = false;
        Config.UNPROTECT_ALLOWED = false;
        Config.MAX_AST_SIZE = MAX_AST_SIZE;
        Config.MAX_OUTPUT_SIZE = 20_000;
        Config.MAX_BIT_LENGTH = 20_000;
        Config.MAX_POLYNOMIAL_DEGREE = 200;
        Config.MAX_MATRIX_DIMENSION_SIZE = 100;
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
        } else {
            EvalEngine.set(e);
        }
        return e;
    }

    /** Forces Symja's one-time start-up (about 1.5 s cold) on the calling thread. */
    static void warmUp() {
        engine();
        org.matheclipse.core.expression.F.initSymbols();
    }
}
