// The frame of every portal page: language, title, landmarks (banner, navigation, main,
// contentinfo), a skip link, the one stylesheet and the one enhancement script.
import { createHash } from 'node:crypto';
import { PORTAL_CSS } from './assets/portal-css.js';
import { PORTAL_JS } from './assets/portal-js.js';
import { html, type HtmlPart, type SafeHtml } from './html.js';

const version = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 10);
/** Asset addresses carry a hash of their content, so they can be cached for long. */
export const ASSETS = {
  css: { path: '/assets/portal.css', version: version(PORTAL_CSS), body: PORTAL_CSS, type: 'text/css; charset=utf-8' },
  js: { path: '/assets/portal.js', version: version(PORTAL_JS), body: PORTAL_JS, type: 'text/javascript; charset=utf-8' },
} as const;

export type Section = 'search' | 'data' | 'docs' | null;

export interface PageOptions {
  title: string;
  section: Section;
  main: HtmlPart;
  /** extra elements for the head (e.g. a no-script refresh) */
  head?: HtmlPart;
}

const NAV: { section: Exclude<Section, null>; href: string; label: string }[] = [
  { section: 'search', href: '/', label: 'Search' },
  { section: 'data', href: '/data', label: 'Bulk data' },
  { section: 'docs', href: '/docs/api', label: 'API' },
];

export function page(o: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${o.title} · California campaign finance and lobbying disclosures</title>
<link rel="stylesheet" href="${ASSETS.css.path}?v=${ASSETS.css.version}">
<script type="module" src="${ASSETS.js.path}?v=${ASSETS.js.version}"></script>
${o.head}
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site">
<div class="inner">
<a class="brand" href="/">CAL-ACCESS disclosures</a>
<nav aria-label="Site"><ul>${NAV.map((n) => html`<li><a href="${n.href}"${n.section === o.section ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}</ul></nav>
</div>
</header>
<main id="main" tabindex="-1"><div class="inner">
${o.main}
</div></main>
<footer class="site"><div class="inner">
<p>Data: California Secretary of State, CAL-ACCESS bulk export, as loaded into this service. Amounts are as filed; amended reports replace earlier versions.
<a href="/api/v1/openapi.json">OpenAPI document</a> · <a href="/health">Service health</a></p>
</div></footer>
</body>
</html>
`;
}
