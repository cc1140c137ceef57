package org.derivcheck.cas;

import java.util.ArrayList;
import java.util.List;
import org.derivcheck.notation.ParseException;
import org.derivcheck.notation.Syntax;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * {@link Resolver}'s specs of the vector and matrix families (VectorFamilies: Dirichlet, one-hot Categorical,
 * Multinomial, MvNormal, Wishart) and of families a derivation declares ({@code families:}), and the components
 * t(i), L(i, j) of a vector or matrix variable. Arguments are resolved by the resolver, in its scope.
 */
final class FamilyCalls {
    private final Resolver r;

    FamilyCalls(Resolver r) {
        this.r = r;
    }

    /**
     * t ~ Dirichlet({a1, ..., aK}) and the other vector families (VectorFamilies): the components are
     * symbols of their own, t(i) (L(i, j) for a matrix), and t stands for the vector (matrix) of them; or
     * {t1, ..., tK} ~ ... names them. {z1, ..., zK} ~ Categorical(p) is the one-hot form.
     */
    Resolver.Spec vectorSpec(List<Syntax.Name> varNames, Syntax.Call fam, Families.Family family) {
        List<Syntax> args = fam.args();
        List<IExpr> given = null;
        if (SizedFamilies.takesSize(family) && args.size() == family.params().size() + 1) {
            // F(..., K): the vector parameter names its K entries; a literal K writes them out
            IExpr size = r.resolve(args.get(args.size() - 1));
            if (!size.isInteger()) {
                if (!size.isSymbol() || r.table.nameOf((ISymbol) size) == null) {
                    throw new ParseException("the size K of " + fam.name() + "(..., K) must be a number or a declared "
                            + "whole-number symbol", args.get(args.size() - 1).column());
                }
                return SizedFamilies.spec(r, varNames, fam, family, size);
            }
            int k = size.toIntDefault(-1);
            int vec = SizedFamilies.vectorArgument(family.head());
            IExpr entries = SizedFamilies.entries(r, args.get(vec));
            if (entries == null || k < 1 || k > VectorFamilies.MAX_SIZE) {
                throw new ParseException(entries == null ? "with a size K, the parameter of " + fam.name() + " names its "
                        + "entries: indexed data alpha or a function alpha(k) under define:"
                        : "the size of " + fam.name() + " must be from 1 to " + VectorFamilies.MAX_SIZE, fam.column());
            }
            given = new ArrayList<>();
            for (int a = 0; a < args.size() - 1; a++) {
                given.add(a == vec ? SizedFamilies.list(entries, k) : r.resolve(args.get(a)));
            }
        } else if (fam.args().size() != family.params().size()) {
            throw new ParseException(fam.name() + " takes " + family.params().size() + " parameter(s), "
                    + VectorFamilies.usage(family) + ", not " + fam.args().size(), fam.column());
        }
        List<IExpr> params = given;
        if (params == null) {
            params = new ArrayList<>();
            for (Syntax a : fam.args()) {
                params.add(r.resolve(a));
            }
        }
        ISymbol head = family.head() == Families.CATEGORICAL ? Families.ONE_HOT : family.head();
        IAST f = F.function(head, params.toArray(new IExpr[0]));
        VectorFamilies.Shape shape;
        try {
            shape = VectorFamilies.shape(f);
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage(), fam.column());
        }
        List<ISymbol> vars = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (varNames.size() == 1) {
            String n = varNames.get(0).name();
            vars.addAll(VectorFamilies.components(n, shape, r.table));
            r.vectors.put(n, VectorFamilies.value(vars, shape));
            for (ISymbol v : vars) {
                names.add(n + "#" + v);
            }
        } else if (!shape.matrix() && varNames.size() == shape.n()) {
            for (Syntax.Name n : varNames) {
                ISymbol v = F.Dummy(n.name());
                r.table.nameBound(v, n.name());
                vars.add(v);
                names.add(n.name());
            }
        } else {
            throw new ParseException(fam.name() + " has a " + (shape.matrix() ? shape.n() + " x " + shape.n() + " matrix"
                    : "vector of " + shape.n() + " components") + ": write " + VectorFamilies.usage(family)
                    + (shape.matrix() ? "" : ", or name all " + shape.n() + " components in a list"), varNames.get(0).column());
        }
        return new Resolver.Spec(vars, names, f);
    }

    /** x ~ F(params) for a family the derivation declares (families:). */
    Resolver.Spec customSpec(List<Syntax.Name> varNames, Syntax.Call fam, CustomFamily family) {
        if (fam.args().size() != family.params().size()) {
            throw new ParseException(fam.name() + " takes " + family.params().size() + " parameter(s), " + family.usage()
                    + ", not " + fam.args().size(), fam.column());
        }
        if (varNames.size() != 1) {
            throw new ParseException(fam.name() + " is a distribution of one variable: write x ~ " + family.usage(),
                    varNames.get(0).column());
        }
        List<IExpr> params = new ArrayList<>();
        for (Syntax a : fam.args()) {
            params.add(r.resolve(a));
        }
        String n = varNames.get(0).name();
        ISymbol v = r.table.symbol(n).filter(x -> !r.table.declared(n).orElseThrow().indexed()).orElseGet(() -> F.Dummy(n));
        r.table.nameBound(v, n);
        return new Resolver.Spec(List.of(v), List.of(n), F.function(family.head(), params.toArray(new IExpr[0])));
    }

    /** t(k) for the variable t of a family of symbolic size (SizedFamilies): t's head applied to the index. */
    IExpr sizedComponent(Syntax.Call c, ISymbol head) {
        if (c.args().size() != 1) {
            throw new ParseException("'" + c.name() + "' is a vector: write " + c.name() + "(k)", c.column());
        }
        return F.unaryAST1(head, r.resolve(c.args().get(0)));
    }

    /** t(i) for a vector variable t, L(i, j) for a matrix one: a literal index picks the component. */
    IExpr component(Syntax.Call c, IExpr value) {
        boolean matrix = value.isList() && value.first().isList();
        int want = matrix ? 2 : 1;
        if (c.args().size() != want) {
            throw new ParseException("'" + c.name() + "' is a " + (matrix ? "matrix: write " + c.name() + "(i, j)"
                    : "vector: write " + c.name() + "(i)"), c.column());
        }
        IExpr out = value;
        for (Syntax a : c.args()) {
            IExpr i = r.resolve(a);
            if (!i.isInteger()) {
                return matrix ? F.Part(value, r.resolve(c.args().get(0)), r.resolve(c.args().get(1))) : F.Part(value, i);
            }
            int k = i.toIntDefault();
            if (k < 1 || k > out.argSize()) {
                throw new ParseException("'" + c.name() + "' has components 1 to " + out.argSize() + ", not " + i, a.column());
            }
            out = out.getAt(k);
        }
        return out;
    }
}
