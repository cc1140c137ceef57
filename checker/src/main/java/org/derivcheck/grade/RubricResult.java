package org.derivcheck.grade;

import java.util.List;

/**
 * One result a rubric asks for.
 *
 * @param target  the relation that earns the points
 * @param points  full credit
 * @param partial credit for a chain about the target that holds up to a wrong final line, or that reaches
 *                the target without the required intermediate results
 * @param via     intermediate results the submission must also establish for full credit
 */
public record RubricResult(String id, String title, Goal target, double points, double partial, List<Goal> via) {
    public RubricResult {
        via = List.copyOf(via);
        if (points < 0 || partial < 0 || partial > points) {
            throw new IllegalArgumentException("result '" + id + "': need 0 <= partial (" + partial + ") <= points ("
                    + points + ")");
        }
    }
}
