package org.derivcheck.vae;

/** Hidden-layer nonlinearity. */
public enum Activation {
    RELU,
    TANH
}
