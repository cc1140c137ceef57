/**
 * Charts of experiment results with XChart, written as PNG and SVG.
 */
package org.derivcheck.plot;
