package org.derivcheck.vae;

/** Where the tensors live. */
public enum DeviceKind {
    CPU,
    GPU
}
