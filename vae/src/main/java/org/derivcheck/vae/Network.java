package org.derivcheck.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The encoder and decoder weights as DJL arrays with gradients attached, and the two forward maps. The
 * parameters live in the manager given at construction; every array a forward pass makes belongs to the
 * manager of its input, so a caller that scopes its inputs in a sub-manager frees everything they produced.
 */
final class Network {
    private final Architecture arch;
    private final List<Param> params = new ArrayList<>();
    private final List<Layer> encoder = new ArrayList<>();
    private final Layer mean;
    private final Layer logVar;
    private final List<Layer> decoder = new ArrayList<>();
    private final Layer output;

    /** A named parameter array; {@code encoder} tells which side of the model it belongs to. */
    record Param(String name, NDArray value, boolean encoder) {
    }

    private record Layer(NDArray weight, NDArray bias) {
        NDArray apply(NDArray x) {
            return Linear.linear(x, weight, bias).singletonOrThrow();
        }
    }

    /** Supplies the initial values of one parameter: its name, shape and fan-in. */
    interface Init {
        float[] values(String name, long[] shape, int fanIn);
    }

    private Network(Architecture arch, NDManager manager, Init init) {
        this.arch = arch;
        int in = arch.input();
        int i = 0;
        for (int h : arch.hidden()) {
            encoder.add(layer(manager, init, "enc" + i++, in, h, true));
            in = h;
        }
        mean = layer(manager, init, "enc_mean", in, arch.latent(), true);
        logVar = layer(manager, init, "enc_logvar", in, arch.latent(), true);
        in = arch.latent();
        List<Integer> rev = new ArrayList<>(arch.hidden());
        java.util.Collections.reverse(rev);
        i = 0;
        for (int h : rev) {
            decoder.add(layer(manager, init, "dec" + i++, in, h, false));
            in = h;
        }
        output = layer(manager, init, "dec_out", in, arch.input(), false);
    }

    /**
     * PyTorch's default initialization of {@code nn.Linear}: weights and biases uniform on
     * (-1/sqrt(fan_in), 1/sqrt(fan_in)), drawn here from a Java generator so that it does not depend on the engine.
     */
    static Network initialized(Architecture arch, NDManager manager, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Network(arch, manager, (name, shape, fanIn) -> {
            int n = (int) (shape.length == 1 ? shape[0] : shape[0] * shape[1]);
            float bound = (float) (1.0 / Math.sqrt(fanIn));
            float[] v = new float[n];
            for (int j = 0; j < n; j++) {
                v[j] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            return v;
        });
    }

    /** A network whose parameter values come from {@code init} (e.g. a checkpoint). */
    static Network of(Architecture arch, NDManager manager, Init init) {
        return new Network(arch, manager, init);
    }

    private Layer layer(NDManager manager, Init init, String name, int in, int out, boolean enc) {
        long[] ws = {out, in};
        long[] bs = {out};
        NDArray w = manager.create(check(init.values(name + ".weight", ws, in), ws, name), new Shape(ws));
        NDArray b = manager.create(check(init.values(name + ".bias", bs, in), bs, name), new Shape(bs));
        w.setRequiresGradient(true);
        b.setRequiresGradient(true);
        params.add(new Param(name + ".weight", w, enc));
        params.add(new Param(name + ".bias", b, enc));
        return new Layer(w, b);
    }

    private static float[] check(float[] v, long[] shape, String name) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (v.length != n) {
            throw new IllegalArgumentException(name + ": " + v.length + " values for shape " + java.util.Arrays.toString(shape));
        }
        return v;
    }

    Architecture architecture() {
        return arch;
    }

    /** All parameters, encoder first, in a fixed order. */
    List<Param> params() {
        return params;
    }

    /** Mean and log-variance of q(z|x) for a batch {@code [B, input]}. */
    Gaussian encode(NDArray x) {
        NDArray h = x;
        for (Layer l : encoder) {
            h = activate(l.apply(h));
        }
        return new Gaussian(mean.apply(h), logVar.apply(h));
    }

    /** Bernoulli logits {@code [N, input]} of p(x|z) for latents {@code [N, latent]}. */
    NDArray decode(NDArray z) {
        NDArray h = z;
        for (Layer l : decoder) {
            h = activate(l.apply(h));
        }
        return output.apply(h);
    }

    private NDArray activate(NDArray a) {
        return arch.activation() == Activation.RELU ? a.getNDArrayInternal().relu() : a.tanh();
    }

    /** A diagonal Gaussian given by its mean and log-variance, both {@code [B, latent]}. */
    record Gaussian(NDArray mean, NDArray logVar) {
    }
}
