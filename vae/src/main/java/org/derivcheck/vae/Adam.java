package org.derivcheck.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with PyTorch's defaults (betas 0.9 and 0.999, epsilon 1e-8) on the network's parameters, its moment
 * estimates held here so that a checkpoint can save and restore them exactly. Each step runs DJL's fused
 * native update; its epsilon is scaled by {@code sqrt(1 - beta2^t)} so that the step equals PyTorch's
 * {@code lr / (1 - beta1^t) * m / (sqrt(v / (1 - beta2^t)) + eps)}.
 */
final class Adam {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final List<Network.Param> params;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final float learningRate;
    private long steps;

    /** Fresh state (zero moments) when {@code first} and {@code second} are null, else a checkpoint's moments. */
    Adam(List<Network.Param> params, NDManager manager, float learningRate, long steps, List<float[]> first,
            List<float[]> second) {
        this.params = params;
        this.learningRate = learningRate;
        this.steps = steps;
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i).value();
            firstMoments.add(first == null ? manager.zeros(p.getShape()) : manager.create(first.get(i), p.getShape()));
            secondMoments.add(second == null ? manager.zeros(p.getShape()) : manager.create(second.get(i), p.getShape()));
        }
    }

    /**
     * One update from the gradients accumulated on the parameters; the gradient handles it opens are attached
     * to {@code scope} and freed with it. DJL's update zeroes each parameter's gradient afterwards.
     */
    void step(NDManager scope) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        float lrCorrected = (float) (learningRate * Math.sqrt(c2) / c1);
        float eps = (float) (EPSILON * Math.sqrt(c2));
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).value();
            NDArray g = w.getGradient();
            g.attach(scope);
            w.getNDArrayInternal().adamUpdate(new NDList(w, g, firstMoments.get(i), secondMoments.get(i)), new NDList(w),
                    learningRate, lrCorrected, 0f, 1f, -1f, BETA1, BETA2, eps, false, false);
        }
    }

    long steps() {
        return steps;
    }

    List<NDArray> firstMoments() {
        return firstMoments;
    }

    List<NDArray> secondMoments() {
        return secondMoments;
    }
}
