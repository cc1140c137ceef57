package org.derivcheck.grade;

/**
 * Points a submission earned for one result of the rubric, and why, in words for the student.
 *
 * @param review true when an undecided step (INCONCLUSIVE) may have cost points: a person should look
 */
public record ResultScore(String resultId, String title, double earned, double points, Status status, String message,
        boolean review) {
    /** How much of the result was earned. */
    public enum Status { FULL, PARTIAL, NONE }
}
