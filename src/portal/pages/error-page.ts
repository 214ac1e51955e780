// Errors as pages a person can act on: what went wrong in words, the parameter or the
// store it concerns, and a way on. Never a stack trace.
import { html, type SafeHtml } from '../html.js';
import { page } from '../layout.js';

export interface ErrorPageInfo {
  status: number;
  message: string;
  parameter?: string;
  store?: string;
}

const TITLES: Record<number, string> = {
  400: 'That address has a problem',
  404: 'Not found',
  429: 'Too busy right now',
  503: 'Temporarily unavailable',
};

const STORES: Record<string, string> = { elasticsearch: 'the search index (Elasticsearch)', postgresql: 'the filing database (PostgreSQL)' };

export function errorPage(e: ErrorPageInfo): SafeHtml {
  const title = TITLES[e.status] ?? (e.status >= 500 ? 'Something went wrong' : 'That request could not be answered');
  return page({
    title,
    section: null,
    main: html`<h1>${title}</h1>
<div class="error" role="alert">
<p>${e.message}</p>
${e.parameter ? html`<p>The parameter in question: <code>${e.parameter}</code>.</p>` : ''}
${e.store ? html`<p>This page needs ${STORES[e.store] ?? e.store}, which is not answering. Try again in a few seconds.</p>` : ''}
</div>
<p>${e.status === 404 ? 'Check the address, or search for what you were looking for.' : e.status >= 500 ? 'It has been logged.' : ''} <a href="/">Start a new search</a>.</p>`,
  });
}
