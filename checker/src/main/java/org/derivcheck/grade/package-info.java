/**
 * Rubrics and batch grading of untrusted submissions: scores, per-student feedback, autograder results files.
 */
package org.derivcheck.grade;
