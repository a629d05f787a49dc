/** The whole stylesheet, served at /style.css so the CSP can forbid inline styles. */
export const STYLE = `
:root{color-scheme:light dark;--bg:#fdfcfa;--fg:#1d1d1f;--muted:#5f6368;--line:#e3e0da;--accent:#0b57d0;--tag:#eef2fb}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e3;--muted:#a3a7ad;--line:#2e3036;--accent:#8ab4f8;--tag:#23283a}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.75 system-ui,-apple-system,"Segoe UI","PingFang TC","PingFang SC","Hiragino Sans","Noto Sans CJK TC","Noto Sans CJK SC","Microsoft JhengHei","Microsoft YaHei",sans-serif;line-break:strict;overflow-wrap:anywhere}
a{color:var(--accent)}
a:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
header.site,main,footer.site{max-width:42rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between;padding-top:1.25rem;border-bottom:1px solid var(--line)}
header.site a.home{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--fg)}
header.site nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem;font-size:.9rem}
.scripts{display:flex;gap:.6rem;padding-right:.9rem;border-right:1px solid var(--line)}
[aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
h1{font-size:1.75rem;line-height:1.35;margin:1.5rem 0 .5rem}
h2{font-size:1.25rem;line-height:1.4;margin:0}
.meta{color:var(--muted);font-size:.9rem}
ul.articles{list-style:none;padding:0}
ul.articles>li{padding:1rem 0;border-bottom:1px solid var(--line)}
ul.articles h2 a{text-decoration:none;color:var(--fg)}
ul.tags{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
ul.tags a{background:var(--tag);border-radius:1rem;padding:.1rem .7rem;font-size:.85rem;text-decoration:none}
article .content img{max-width:100%;height:auto}
article .content pre{overflow-x:auto}
article .content table{display:block;overflow-x:auto}
article figure.lead img,article figure.photo img{width:100%;height:auto}
.pager{display:flex;justify-content:space-between;gap:1rem;padding:1.5rem 0}
.subscribe{margin-top:2rem;padding:1rem 1.25rem;border:1px solid var(--line);border-radius:.5rem}
.subscribe h2{margin-bottom:.5rem}
ul.feedlist{padding-left:1.25rem}
ul.feedlist li{margin:.35rem 0}
code{font:.85em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
code.url>span{display:inline-block;max-width:100%;word-break:keep-all}
.offscreen{position:absolute;left:-9999px}
button.copy{font:inherit;font-size:.8rem;padding:.1rem .6rem;border:1px solid var(--line);border-radius:.3rem;background:var(--tag);color:var(--fg);cursor:pointer}
section.tagfeeds h3{font-size:1rem;margin:1.25rem 0 .25rem}
footer.site{color:var(--muted);font-size:.85rem;padding-top:2rem;padding-bottom:2rem}
@media print{header.site nav,footer.site,.pager,.skip{display:none}body{background:#fff;color:#000}a{color:#000}}
`
