package dev.glassbox.interp.attention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The interactive part of the attention report: a head picker, the prompt's tokens (hover one to shade the
 * others by the attention it pays them) and the head's pattern as a grid of cells with tooltips. The data
 * is one JSON object; the script draws with plain DOM and SVG, nothing fetched.
 */
final class InteractivePattern {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InteractivePattern() {}

    static String html(List<String> tokens, AttentionPatterns patterns) {
        float[][][][] rounded = new float[patterns.layers()][patterns.heads()][patterns.length()][patterns.length()];
        for (int l = 0; l < patterns.layers(); l++)
            for (int h = 0; h < patterns.heads(); h++)
                for (int q = 0; q < patterns.length(); q++)
                    for (int k = 0; k < patterns.length(); k++) rounded[l][h][q][k] = Math.round(patterns.weight(l, h, q, k) * 1000) / 1000f;
        String data;
        try {
            data = MAPPER.writeValueAsString(java.util.Map.of("tokens", tokens, "patterns", rounded));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the patterns as JSON", e);
        }
        data = data.replace("</", "<\\/"); // a token "</script>" must not end the script
        return "<div id='gb-attn'><label>head <select id='gb-head'></select></label>"
                + "<div id='gb-tokens' style='margin:10px 0;line-height:2;font-family:monospace'></div>"
                + "<div id='gb-info' style='font-size:12px;color:#555;min-height:16px'></div>"
                + "<div id='gb-grid'></div></div>"
                + "<script>(function(){var D=" + data + ";" + SCRIPT + "})();</script>";
    }

    /** Draws the token strip and the pattern grid of the selected head; hover handlers shade by weight. */
    private static final String SCRIPT = """
            var sel=document.getElementById('gb-head'),strip=document.getElementById('gb-tokens'),
                info=document.getElementById('gb-info'),grid=document.getElementById('gb-grid'),n=D.tokens.length;
            D.patterns.forEach(function(layer,l){layer.forEach(function(_,h){var o=document.createElement('option');
              o.value=l+','+h;o.textContent='blocks.'+l+'.attn.head.'+h;sel.appendChild(o);});});
            function head(){var v=sel.value.split(',');return D.patterns[+v[0]][+v[1]];}
            function shade(w){return 'rgba(178,24,43,'+Math.min(1,w).toFixed(3)+')';}
            var spans=D.tokens.map(function(t,i){var s=document.createElement('span');
              s.textContent=t.length?t:'\\u00a0';s.title='position '+i;
              s.style.cssText='padding:2px 3px;margin:1px;border:1px solid #ddd;border-radius:3px;white-space:pre';
              s.onmouseenter=function(){focus(i);};strip.appendChild(s);return s;});
            function focus(q){var p=head();spans.forEach(function(s,k){s.style.background=shade(p[q][k]);
              s.style.outline=k===q?'2px solid #222':'none';});
              var top=p[q].map(function(w,k){return [w,k];}).sort(function(a,b){return b[0]-a[0];}).slice(0,3);
              info.textContent='query '+q+' '+JSON.stringify(D.tokens[q])+' attends to '+top.map(function(x){
                return x[1]+' '+JSON.stringify(D.tokens[x[1]])+' ('+x[0].toFixed(3)+')';}).join(', ');}
            function draw(){var p=head(),c=Math.max(6,Math.min(22,Math.floor(560/n))),left=40,top=10,
              s='<svg xmlns="http://www.w3.org/2000/svg" width="'+(left+c*n+10)+'" height="'+(top+c*n+10)+'" font-size="9">';
              for(var q=0;q<n;q++){s+='<text x="'+(left-4)+'" y="'+(top+c*q+c*0.7)+'" text-anchor="end">'+q+'</text>';
                for(var k=0;k<n;k++){s+='<rect data-q="'+q+'" x="'+(left+c*k)+'" y="'+(top+c*q)+'" width="'+c+'" height="'+c
                  +'" fill="'+shade(p[q][k])+'" stroke="#eee"><title>query '+q+' key '+k+': '+p[q][k].toFixed(3)+'</title></rect>';}}
              grid.innerHTML=s+'</svg>';
              grid.querySelectorAll('rect').forEach(function(r){r.onmouseenter=function(){focus(+r.getAttribute('data-q'));};});
              focus(n-1);}
            sel.onchange=draw;draw();
            """;
}
