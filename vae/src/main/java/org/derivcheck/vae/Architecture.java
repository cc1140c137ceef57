package org.derivcheck.vae;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Layer sizes of a VAE with a diagonal-Gaussian encoder and a Bernoulli decoder. The encoder maps
 * {@code input -> hidden... -> (mean, log-variance) of size latent}; the decoder mirrors it,
 * {@code latent -> reversed hidden... -> input logits}.
 *
 * @param input pixels per image
 * @param hidden hidden-layer widths of the encoder (the decoder uses them reversed)
 * @param latent dimension of z
 * @param activation the hidden nonlinearity
 */
public record Architecture(int input, List<Integer> hidden, int latent, Activation activation) {
    public Architecture {
        hidden = List.copyOf(hidden);
        if (input <= 0 || latent <= 0 || hidden.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("layer sizes must be positive: " + input + "-" + hidden + "-" + latent);
        }
    }

    /** The report's (and the PyTorch example's) VAE: 784-400-20, ReLU. */
    public static Architecture report(int input) {
        return new Architecture(input, List.of(400), 20, Activation.RELU);
    }

    /** The IWAE paper's two-layer-MLP model: 784-200-200-50, tanh. */
    public static Architecture iwae(int input) {
        return new Architecture(input, List.of(200, 200), 50, Activation.TANH);
    }

    /** E.g. {@code 784-400-20 relu}. */
    public String describe() {
        String h = hidden.stream().map(String::valueOf).collect(Collectors.joining("-"));
        return input + "-" + (h.isEmpty() ? "" : h + "-") + latent + " " + activation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
