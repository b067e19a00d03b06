/** The site's style sheet and search script (inline in every page: the site makes no request). */

/** CSS: sidebar navigation on screen, a clean single column in print. */
export const SITE_CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0b5cad;--bg:#fff;--side:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
.layout{display:flex;min-height:100vh}nav.side{width:300px;flex:none;background:var(--side);border-right:1px solid var(--line);padding:16px;position:sticky;top:0;height:100vh;overflow:auto}
nav.side .brand{font-weight:700;margin-bottom:4px}nav.side .meta{color:var(--muted);font-size:12px;margin-bottom:12px}
nav.side ul.nav{list-style:none;padding-left:0;margin:8px 0}nav.side li{margin:3px 0}nav.side a{color:var(--accent);text-decoration:none}nav.side a[aria-current=page]{font-weight:700;color:var(--fg)}
#search{width:100%;padding:6px 8px;border:1px solid var(--line);border-radius:4px;font:inherit}#results{list-style:none;padding:0;margin:6px 0 12px;font-size:13px}#results li{margin:4px 0}#results .snip{color:var(--muted);display:block}
main{flex:1;min-width:0;padding:24px 40px;max-width:1100px}h1{font-size:26px;border-bottom:1px solid var(--line);padding-bottom:6px}h2{font-size:20px;margin-top:28px}h3{font-size:17px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#eff1f3;padding:1px 4px;border-radius:3px}
.table{overflow-x:auto;margin:12px 0}table{border-collapse:collapse;font-size:13px}th,td{border:1px solid var(--line);padding:4px 8px;vertical-align:top;text-align:left}th{background:var(--side)}
footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line);margin-top:40px;padding-top:8px}
.chapter{break-before:page}.chapter:first-of-type{break-before:auto}
@media print{nav.side,#search,#results,.noprint{display:none!important}main{padding:0;max-width:none}body{font-size:10.5pt}table{font-size:8.5pt}a{color:inherit;text-decoration:none}h1,h2,h3{break-after:avoid}tr{break-inside:avoid}}
`;

/** The search: a case-insensitive match of every word of the query over the pages' text (index embedded in the page). */
export const SEARCH_JS = `
(function(){
  var box=document.getElementById('search'),out=document.getElementById('results');
  var data=JSON.parse(document.getElementById('search-index').textContent);
  function esc(s){return s.replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
  box.addEventListener('input',function(){
    var q=box.value.trim().toLowerCase();out.innerHTML='';if(q.length<2)return;
    var words=q.split(/\\s+/),hits=[];
    data.forEach(function(s){var t=s.t.toLowerCase();if(words.every(function(w){return t.indexOf(w)>=0;})){var i=t.indexOf(words[0]);hits.push({s:s,snip:s.t.slice(Math.max(0,i-40),i+80)});}});
    hits.slice(0,30).forEach(function(h){var li=document.createElement('li');li.innerHTML='<a href="'+h.s.u+'">'+esc(h.s.h)+'</a><span class="snip">'+esc(h.snip)+'</span>';out.appendChild(li);});
    if(!hits.length){var li=document.createElement('li');li.textContent='No match.';out.appendChild(li);}
  });
})();
`;
