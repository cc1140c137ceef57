package org.derivcheck.cas;

import java.util.Optional;
import java.util.Set;
import org.matheclipse.core.interfaces.IExpr;

/**
 * A deny-list checked on a parsed expression before it is evaluated: no head may name a Symja function
 * that reads or writes files, opens connections, runs processes, evaluates text as code or reaches Java
 * by reflection, and no system variable ({@code $...}) may occur. The resolver's allow-list already keeps
 * these out of reach of user text; this check is the second wall, so that a future change of the
 * allow-list cannot open the first one silently.
 */
final class Sandbox {
    static final Set<String> DENIED = Set.of("Run", "RunThrough", "RunProcess", "StartProcess", "Export", "ExportString",
            "Import", "ImportString", "ReadString", "ReadList", "Read", "Get", "Put", "PutAppend", "Save", "DumpSave",
            "OpenRead", "OpenWrite", "OpenAppend", "Close", "WriteString", "Write", "FilePrint", "DeleteFile",
            "CopyFile", "RenameFile", "CreateFile", "CreateDirectory", "DeleteDirectory", "FileNames", "SetDirectory",
            "ResetDirectory", "Directory", "Environment", "SetEnvironment", "URLFetch", "URLRead", "URLExecute",
            "URLSave", "Install", "Uninstall", "JavaNew", "JavaObject", "JavaClass", "LoadJavaClass", "JavaShow",
            "InstanceOf", "Java", "Compile", "CompilePrint", "CompiledFunction", "ToExpression", "ParseExpression",
            "Symbol", "Names", "SystemDialogInput", "Print", "Share", "Pause", "Quit", "Exit", "Unprotect", "SetAttributes",
            "ClearAttributes", "Set", "SetDelayed", "Clear", "ClearAll", "Remove", "Needs", "BeginPackage", "Begin");

    private Sandbox() {
    }

    /** The first denied name in the expression, if any. */
    static Optional<String> denied(Expr e) {
        return denied(e.ast);
    }

    static Optional<String> denied(IExpr e) {
        if (e.isSymbol()) {
            if (!(e instanceof org.matheclipse.core.interfaces.IBuiltInSymbol)) {
                return Optional.empty(); // a user's own name (outside Symja's table) can reach nothing
            }
            String n = e.toString();
            if (n.startsWith("$") || DENIED.contains(n)) {
                return Optional.of(n);
            }
            return Optional.empty();
        }
        if (e.isAST()) {
            Optional<String> h = denied(e.head());
            if (h.isPresent()) {
                return h;
            }
            for (int i = 1; i <= e.argSize(); i++) {
                Optional<String> a = denied(e.getAt(i));
                if (a.isPresent()) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }
}
