package dev.glassbox.interp.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML report: inline CSS, inline SVG figures, plain tables, and a few lines of inline
 * JavaScript (click a table header to sort). Nothing is fetched from the network.
 */
public final class HtmlPage {
    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> body = new ArrayList<>();

    public HtmlPage(String title) {
        this.title = title;
    }

    /** A key-value line in the header ("model", "metric", ...). */
    public HtmlPage fact(String key, String value) {
        facts.put(key, value);
        return this;
    }

    public HtmlPage heading(String text) {
        body.add("<h2>" + Svg.escape(text) + "</h2>");
        return this;
    }

    public HtmlPage paragraph(String text) {
        body.add("<p>" + Svg.escape(text) + "</p>");
        return this;
    }

    /** An SVG figure, as produced by {@link Heatmap}, {@link BarChart} or {@link LineChart}. */
    public HtmlPage figure(String svg) {
        body.add("<figure>" + svg + "</figure>");
        return this;
    }

    /** A sortable table; cells are escaped. */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table class='sortable'><thead><tr>");
        for (String h : header) t.append("<th>").append(Svg.escape(h)).append("</th>");
        t.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            t.append("<tr>");
            for (String cell : row) t.append("<td>").append(Svg.escape(cell)).append("</td>");
            t.append("</tr>");
        }
        body.add(t.append("</tbody></table>").toString());
        return this;
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>").append(Svg.escape(title)).append("</title>");
        s.append("<style>body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:28px}"
                + "dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:bold}dd{margin:0}"
                + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}"
                + "th{cursor:pointer;background:#f4f4f4}figure{margin:8px 0;overflow-x:auto}</style>");
        s.append("</head><body><h1>").append(Svg.escape(title)).append("</h1><dl>");
        facts.forEach((k, v) -> s.append("<dt>").append(Svg.escape(k)).append("</dt><dd>").append(Svg.escape(v)).append("</dd>"));
        s.append("</dl>");
        body.forEach(s::append);
        s.append("<script>document.querySelectorAll('table.sortable th').forEach(function(th,i){th.onclick=function(){"
                + "var tb=th.closest('table').tBodies[0],rows=Array.from(tb.rows),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';"
                + "rows.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=parseFloat(x),ny=parseFloat(y);"
                + "var r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?r:-r;});rows.forEach(function(r){tb.appendChild(r);});};});"
                + "</script>");
        return s.append("</body></html>\n").toString();
    }
}
