package org.derivcheck.notation;

import java.util.List;

/** A parsed chain {@code e0 REL1 e1 REL2 e2 ...}: the first link has no relation, every later one has. */
public record Chain(List<Link> links) {
    public Chain {
        links = List.copyOf(links);
    }

    public int size() {
        return links.size();
    }

    public Link get(int i) {
        return links.get(i);
    }
}
