package org.derivcheck.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Passes results on in their original order as soon as every earlier one has arrived. */
final class OrderedPrinter<T> {
    private final Map<Integer, T> pending = new HashMap<>();
    private final Consumer<T> sink;
    private int next;

    OrderedPrinter(int size, Consumer<T> sink) {
        this.sink = sink;
    }

    synchronized void accept(int index, T item) {
        pending.put(index, item);
        while (pending.containsKey(next)) {
            sink.accept(pending.remove(next));
            next++;
        }
    }
}
