package org.derivcheck.derivation;

import java.util.List;

/**
 * An abstract density over finite variables (positive, normalized jointly), optionally depending on
 * real parameters; or, with {@code normalized} false, an abstract real function of finite variables.
 */
public record DensityDecl(String name, List<String> variables, List<String> params, boolean normalized, int line) {
    public DensityDecl {
        variables = List.copyOf(variables);
        params = List.copyOf(params);
    }
}
