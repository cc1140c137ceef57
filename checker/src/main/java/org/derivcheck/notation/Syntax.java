package org.derivcheck.notation;

import java.util.List;

/** The syntax tree of one expression, before names are resolved. */
public sealed interface Syntax {
    int column();

    record Num(String text, int column) implements Syntax {
    }

    record Name(String name, int column) implements Syntax {
    }

    /** name(args), or name(a, b | c, d) with {@code given} the index of the first argument after '|' (-1: none). */
    record Call(String name, List<Syntax> args, int column, int given) implements Syntax {
        Call(String name, List<Syntax> args, int column) {
            this(name, args, column, -1);
        }
    }

    record ListLit(List<Syntax> items, int column) implements Syntax {
    }

    /** Binary operator: + - * / ^ . and ~ (distributed as). */
    record Bin(String op, Syntax left, Syntax right, int column) implements Syntax {
    }

    record Neg(Syntax arg, int column) implements Syntax {
    }

    /** A prime after a function name, e.g. psi'(a): derivative of a function. */
    record Prime(Syntax fn, int column) implements Syntax {
    }
}
