// The portal's one script, served at /assets/portal.js as a module. Enhancement only:
// every page reads and works without it (forms are plain GET/POST, links are links).
// - search forms leave out empty fields, so the address is short without a redirect;
// - an export job's page follows the job through the JSON API and moves its progress bar
//   in place (without script the page reloads itself every few seconds instead).
export const PORTAL_JS = `
'use strict';

for (const form of document.querySelectorAll('form[data-clean-empty]')) {
  form.addEventListener('submit', (event) => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') params.append(k, v);
    event.preventDefault();
    const query = params.toString();
    window.location.assign(form.getAttribute('action') + (query ? '?' + query : ''));
  });
}

const job = document.querySelector('[data-export-job]');
if (job) followJob(job);

function followJob(root) {
  const api = root.getAttribute('data-export-job');
  const bar = root.querySelector('progress');
  const status = root.querySelector('[data-job-status]');
  const counts = root.querySelector('[data-job-counts]');
  const file = root.querySelector('[data-job-file]');
  const fmt = new Intl.NumberFormat('en-US');
  let announced = '';
  const say = (text) => {
    // Only state changes and every quarter are announced, not every poll.
    if (text !== announced) { status.textContent = text; announced = text; }
  };
  async function poll() {
    let view;
    try {
      const res = await fetch(api, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      view = await res.json();
    } catch (err) {
      say('Could not read the progress of the export (' + err.message + '); retrying.');
      setTimeout(poll, 3000);
      return;
    }
    const pct = view.progress === null ? null : Math.round(view.progress * 100);
    if (bar) {
      if (pct === null) bar.removeAttribute('value'); else { bar.value = pct; bar.textContent = pct + '%'; }
    }
    if (counts) counts.textContent = fmt.format(view.rows_written) + (view.rows_expected === null ? '' : ' of ' + fmt.format(view.rows_expected)) + ' rows written';
    if (view.state === 'finished') {
      say('Finished: ' + fmt.format(view.rows_written) + ' rows. The file is ready to download.');
      if (file) {
        file.hidden = false;
        const link = file.querySelector('a');
        if (link && view.links.file) link.setAttribute('href', view.links.file);
      }
      return;
    }
    if (view.state === 'failed' || view.state === 'expired') {
      say(view.state === 'failed' ? 'The export failed: ' + (view.error || 'unknown error') : 'The file of this export has expired.');
      return;
    }
    const quarter = pct === null ? '' : ' (' + Math.floor(pct / 25) * 25 + '% or more)';
    say(view.state === 'queued' ? 'Waiting for its turn.' : 'Running' + quarter + '.');
    setTimeout(poll, 700);
  }
  poll();
}
`;
