/**
 * Renderers of check results: text, JSON, JUnit XML, LaTeX and a self-contained HTML page with KaTeX.
 */
package org.derivcheck.report;
