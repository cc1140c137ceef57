package org.derivcheck.check;

/** What one method found: its name and the numbers behind it (points, tolerance, interval). */
public record Evidence(String method, String detail) {
}
