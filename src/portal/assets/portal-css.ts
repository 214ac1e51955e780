// The portal's one stylesheet, served at /assets/portal.css. Colours are chosen for a
// contrast of at least 4.5:1 (text) and 3:1 (focus rings, chart marks) against their
// backgrounds; focus is always visible.
export const PORTAL_CSS = `
:root {
  --text: #1b1b1b; --muted: #4a4a4a; --bg: #ffffff; --panel: #f4f5f7; --line: #c9ccd1;
  --link: #0a4fa6; --link-visited: #5a2d91; --accent: #0a4fa6; --accent-text: #ffffff;
  --focus: #c2410c; --warn-bg: #fff4e5; --warn-line: #b35900; --error-bg: #fdecec; --error-line: #b3261e;
  --chip: #e7eefa; --raised: #1d5fb4; --spent: #b8500f;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: var(--text); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); text-underline-offset: 2px; }
a:visited { color: var(--link-visited); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip:focus { left: .5rem; z-index: 10; }
header.site { background: #102a43; color: #fff; }
header.site .inner { display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: center; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
header.site nav ul { list-style: none; display: flex; gap: 1.25rem; margin: 0; padding: 0; }
header.site nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.inner { max-width: 78rem; margin: 0 auto; padding: .75rem 1rem; }
main { display: block; }
main:focus { outline: none; }
footer.site { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1rem 0 .75rem; }
h2 { font-size: 1.35rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .35rem; }
p.lead { font-size: 1.1rem; color: var(--muted); max-width: 48rem; }
.muted { color: var(--muted); }
.small { font-size: .875rem; }
form.search { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
form.search .row { display: flex; gap: .5rem; flex-wrap: wrap; align-items: flex-end; }
form.search .grow { flex: 1 1 24rem; }
label { display: block; font-weight: 600; margin-bottom: .2rem; }
input, select, button { font: inherit; color: inherit; }
input[type="search"], input[type="text"], input[type="number"], input[type="date"], select {
  width: 100%; padding: .45rem .55rem; border: 1px solid #6b6f76; border-radius: 4px; background: #fff;
}
button, .button {
  display: inline-block; padding: .5rem 1rem; border-radius: 4px; border: 1px solid var(--accent);
  background: var(--accent); color: var(--accent-text); font-weight: 600; cursor: pointer; text-decoration: none;
}
.button:visited { color: var(--accent-text); }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
.button.secondary:visited { color: var(--accent); }
details.more { margin-top: .75rem; }
details.more summary { cursor: pointer; color: var(--link); font-weight: 600; }
.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .6rem 1rem; margin-top: .6rem; }
.hint { color: var(--muted); font-size: .85rem; font-weight: 400; }
nav.kinds ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 1rem 0 0; padding: 0; border-bottom: 2px solid var(--line); }
nav.kinds a { display: block; padding: .4rem .9rem; text-decoration: none; border: 1px solid transparent; border-bottom: none; border-radius: 4px 4px 0 0; }
nav.kinds a[aria-current="page"] { border-color: var(--line); background: var(--bg); font-weight: 700; color: var(--text); margin-bottom: -2px; border-bottom: 2px solid var(--bg); }
ul.chips { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: .75rem 0; }
ul.chips li { display: inline-flex; align-items: center; gap: .35rem; background: var(--chip); border: 1px solid #9db4d9; border-radius: 999px; padding: .15rem .35rem .15rem .75rem; }
ul.chips a.remove { display: inline-flex; justify-content: center; align-items: center; width: 1.6rem; height: 1.6rem; border-radius: 50%; text-decoration: none; font-weight: 700; color: var(--text); }
ul.chips a.remove:hover { background: #c9d8f0; }
ul.chips .from-words { font-size: .8rem; color: var(--muted); }
.layout { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 2rem; align-items: start; }
.layout > * { min-width: 0; }
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; } }
details.facets-fold > summary { cursor: pointer; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 4px; background: var(--panel); color: var(--link); font-weight: 600; }
details.facets-fold > summary .fold-what { font-weight: 400; color: var(--muted); font-size: .875rem; }
details.facets-fold[open] > summary { margin-bottom: .25rem; }
/* Phones: results within the first screen (smaller heading, the button beside the box, the
   form's hint on the home page only; downloads and the sum's note come after the results). */
@media (max-width: 40rem) {
  h1 { font-size: 1.25rem; margin: .5rem 0 .4rem; }
  form.search .grow { flex-basis: 9rem; }
  .inner { padding: .6rem .75rem; }
  form.search { padding: .75rem; }
  form.search[data-in-search] #q-hint { display: none; }
  nav.kinds a { padding: .35rem .6rem; }
  section.results > h2 { margin-top: .75rem; }
  .toolbar { margin: .25rem 0; }
  .toolbar p { margin: .25rem 0; }
}
@media (max-width: 24rem) { details.facets-fold > summary .fold-what { display: none; } }
@media (max-width: 60rem) { details.facets-fold aside.facets h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; } }
/* Wide screens: the facets stand open in their column (browsers without ::details-content keep the fold). */
@media (min-width: 60.0625rem) {
  @supports selector(::details-content) {
    details.facets-fold > summary { display: none; }
    details.facets-fold::details-content { content-visibility: visible; }
  }
}
aside.facets h2 { margin-top: 1rem; }
aside.facets section { border-top: 1px solid var(--line); padding: .25rem 0 .5rem; }
aside.facets ul { list-style: none; margin: 0; padding: 0; }
aside.facets li { display: flex; justify-content: space-between; gap: .5rem; padding: .1rem 0; }
aside.facets li a { overflow-wrap: anywhere; min-width: 0; }
aside.facets li a[aria-current="true"] { font-weight: 700; color: var(--text); }
aside.facets .n { color: var(--muted); font-variant-numeric: tabular-nums; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; margin: .5rem 0; }
.toolbar .downloads { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
.toolbar form { margin: 0; }
.table-wrap { overflow-x: auto; position: relative; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .4rem 0; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--panel); border-bottom: 2px solid #8a8f97; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .sub, th .sub { display: block; color: var(--muted); font-size: .85rem; font-weight: 400; }
ul.inline { list-style: none; margin: 0; padding: 0; }
p.table-title { font-weight: 600; margin: .75rem 0 .25rem; }
ul.changes { margin: 0; padding-left: 1.1rem; }
ul.changes li { overflow-wrap: anywhere; }
.flag { display: inline-block; font-size: .75rem; font-weight: 700; padding: 0 .4rem; border-radius: 3px; background: var(--warn-bg); border: 1px solid var(--warn-line); color: #6b3500; }
nav.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; flex-wrap: wrap; }
.notice { border-left: 4px solid var(--warn-line); background: var(--warn-bg); padding: .6rem .9rem; margin: 1rem 0; }
.error { border-left: 4px solid var(--error-line); background: var(--error-bg); padding: .6rem .9rem; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.25rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ul.stats { list-style: none; display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; padding: 0; margin: 1rem 0; }
ul.stats li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
ul.stats .v { display: block; font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
ul.stats .k { color: var(--muted); font-size: .9rem; }
ul.stats .v.none { font-size: 1.1rem; color: var(--muted); }
figure.chart { margin: .5rem 0 1rem; max-width: 48rem; }
figure.chart svg { display: block; height: auto; }
.legend { font-size: .9rem; }
.key { display: inline-block; width: .9rem; height: .9rem; vertical-align: -2px; margin-left: .5rem; }
.key-raised { background: var(--raised); }
.key-spent { background: var(--spent); }
progress { width: 100%; max-width: 32rem; height: 1.25rem; }
code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
.hash { word-break: break-all; }
.op { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; margin: 1rem 0; }
.op h3 code { font-size: 1rem; }
.method { display: inline-block; min-width: 3.5rem; font-weight: 700; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
`;
