package org.derivcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A self-contained HTML page: KaTeX's script and style sheet from the {@code org.webjars.npm:katex} jar are
 * inlined, with the main fonts as data URLs (the rarely used ones fall back to local fonts), so the page
 * opens from a file or an e-mail with nothing to fetch. Formulas are {@code <span class="tex">} elements
 * rendered by KaTeX on load with {@code throwOnError: false} and {@code trust: false}; a Content Security
 * Policy forbids every load from outside the page.
 */
public final class HtmlPage {
    static final String KATEX = "META-INF/resources/webjars/katex/0.16.44/dist/";
    private static final List<String> FONTS = List.of("Main-Regular", "Main-Bold", "Main-Italic", "Math-Italic",
            "AMS-Regular", "Size1-Regular", "Size2-Regular", "Size3-Regular", "Size4-Regular");
    private static final Pattern FONT_SRC = Pattern.compile("src:url\\(fonts/KaTeX_([A-Za-z0-9-]+)\\.woff2\\)[^;}]*");

    private HtmlPage() {
    }

    /** Loaded once per process; immutable. */
    private static final class Assets {
        static final String CSS = css();
        static final String JS = resource(KATEX + "katex.min.js");
    }

    private static String css() {
        String css = resource(KATEX + "katex.min.css");
        Matcher m = FONT_SRC.matcher(css);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String font = m.group(1);
            String repl = FONTS.contains(font) ? "src:url(data:font/woff2;base64,"
                    + Base64.getEncoder().encodeToString(bytes(KATEX + "fonts/KaTeX_" + font + ".woff2")) + ") format(\"woff2\")"
                    : "src:local(\"KaTeX_" + font + "\")";
            m.appendReplacement(sb, Matcher.quoteReplacement(repl));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static byte[] bytes(String path) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("KaTeX resource " + path + " is missing from the class path "
                        + "(dependency org.webjars.npm:katex)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}",
            "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}",
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}",
            ".step{border-left:6px solid #999;margin:.8em 0;padding:.4em .8em;background:#fafafa}",
            ".PROVED{border-color:#1a7f37}.CONFIRMED{border-color:#4ca35a}.REFUTED{border-color:#cf222e}",
            ".INCONCLUSIVE{border-color:#bf8700}.INVALID{border-color:#8250df}",
            ".verdict{font-weight:bold;font-size:.85em;padding:.1em .4em;border-radius:.3em;color:#fff}",
            ".v-PROVED{background:#1a7f37}.v-CONFIRMED{background:#4ca35a}.v-REFUTED{background:#cf222e}",
            ".v-INCONCLUSIVE{background:#bf8700}.v-INVALID{background:#8250df}",
            ".FULL{background:#dafbe1}.PARTIAL{background:#fff8c5}.NONE{background:#ffebe9}",
            ".tex.display{display:block;margin:.4em 0;overflow-x:auto}.note{color:#555;font-size:.9em}",
            "code{background:#f0f0f0;padding:0 .2em;white-space:pre-wrap;word-break:break-all}",
            ".defs{margin:.6em 0;padding:.2em .8em;border-left:6px solid #ddd}");

    private static final String RENDER = "document.querySelectorAll('.tex').forEach(function(el){try{katex.render("
            + "el.getAttribute('data-tex'),el,{throwOnError:false,displayMode:el.classList.contains('display'),trust:false,"
            + "strict:'ignore',maxSize:50,maxExpand:1000});}catch(e){el.className+=' katex-error';el.textContent=String(e);}});";

    /** A complete page around {@code body} (HTML the caller has escaped). */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; font-src data:; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(title) + "</title>\n"
                + "<style>" + Assets.CSS + "</style>\n<style>" + STYLE + "</style>\n<script>" + Assets.JS + "</script>\n"
                + "</head><body>\n" + body + "\n<script>" + RENDER + "</script>\n</body></html>\n";
    }

    /** A formula, rendered by KaTeX on load; the TeX itself is escaped text until then. */
    public static String math(String tex, boolean display) {
        return "<span class=\"tex" + (display ? " display" : "") + "\" data-tex=\"" + esc(tex) + "\">" + esc(tex) + "</span>";
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 32 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
