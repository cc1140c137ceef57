/**
 * Charts of experiment results with XChart, written as PNG and SVG: line charts (linear or log axes,
 * reference lines, NaN gaps), contour charts (marching squares), simplex (ternary) scatter panels,
 * histograms and grouped bar charts. The charts take plain arrays; XChart types appear only in the shared
 * writer {@code LineChart.Figures}.
 */
package org.derivcheck.plot;
