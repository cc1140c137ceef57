package org.derivcheck.prove;

/** The rewrite rules of the prover, as the evidence names them. Each one is an identity for positive densities. */
enum Rule {
    EXPECTATION_AS_SUM("expectation as sum", "E_q[f] = Sum(q f) (expectation over abstract densities)"),
    LINEARITY("linearity", "linearity of sums and expectations"),
    CONSTANTS_OUT("constants out", "constant factors out of a sum"),
    FUBINI("exchange of sums", "exchange of sums / iterated expectations"),
    INDEPENDENT_SPLIT("independent factors split", "a sum of independent factors splits into a product of sums"),
    MARGINAL("marginal", "marginal p(x) = Sum(p(x, z), z)"),
    NORMALIZATION("normalization", "normalization Sum(q(z), z) = 1 (each factor of a product density)"),
    NORMALIZATION_DERIVATIVE("derivative of normalization", "D(Sum(q(z), z), phi) = D(1, phi) = 0"),
    CANCEL("cancel positive factor", "a/a = 1 for a positive a (densities are positive)"),
    LOG_PRODUCT("log of product", "log(a b) = log a + log b, log(a^k) = k log a for positive a, b (densities are positive)"),
    LOG_EXP("log-exp", "log(exp(a)) = a"),
    EXP_LOG("exp-log", "exp(k log a) = a^k"),
    DIFF_UNDER_SUM("differentiation under the sum", "differentiation under the sum (integral) sign"),
    DERIVATIVE("product/chain rule", "product and chain rules of differentiation"),
    ENTRY_DERIVATIVE("entry derivative", "derivative with respect to a table entry q(a), per unit cell"),
    DELTA("delta", "Sum(f(z) [z = a]/width, z) = f(a)"),
    IID_EXPAND("draws as product density", "K = n independent draws as a product density q(z(1))...q(z(n))"),
    IID_MARGINAL("one draw is E_q", "E over K i.i.d. draws of f(z(k)), 1 <= k <= K, is E_q[f]"),
    IID_CONSTANT("expectation of constant", "E over draws of a constant is the constant"),
    SUM_EXPAND("sum written out", "a sum with literal bounds written out"),
    SUM_CONSTANT("sum of constant", "Sum(c, {k, 1, K}) = K c");

    /** a few words, as the report lists the rules of a proof */
    final String label;
    /** the identity itself (documented in derivations/README.md) */
    final String text;

    Rule(String label, String text) {
        this.label = label;
        this.text = text;
    }
}
