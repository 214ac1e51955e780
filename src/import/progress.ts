// Progress of a long command: on a terminal one line rewritten in place (what, rows,
// rate, time left); otherwise a structured log line every few seconds.
import type { Logger } from '../logger.js';

export interface Progress {
  start(label: string, totalBytes: number): void;
  update(rows: number, bytes: number): void;
  done(): void;
}

export function createProgress(log: Logger, out: NodeJS.WriteStream = process.stderr, intervalMs = 5_000): Progress {
  let label = '';
  let total = 0;
  let started = 0;
  let last = 0;
  let rows = 0;
  let bytes = 0;
  const tty = out.isTTY === true;
  const render = (final: boolean): void => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(rows / secs);
    const frac = total > 0 ? Math.min(bytes / total, 1) : 1;
    const left = frac > 0 && frac < 1 ? Math.round((secs / frac) * (1 - frac)) : 0;
    if (tty) {
      const text = `${label}  ${rows.toLocaleString('en-US')} rows  ${rate.toLocaleString('en-US')} rows/s  ${Math.round(frac * 100)}%${final ? `  ${secs.toFixed(1)} s` : `  ${left} s left`}`;
      out.write(`\r\x1b[K${text}${final ? '\n' : ''}`);
    } else {
      log.info(final ? 'file done' : 'progress', { file: label, rows, rows_per_s: rate, percent: Math.round(frac * 100), seconds_left: left, seconds: Math.round(secs * 10) / 10 });
    }
  };
  return {
    start(l, totalBytes) {
      label = l;
      total = totalBytes;
      started = Date.now();
      last = started;
      rows = 0;
      bytes = 0;
    },
    update(r, b) {
      rows = r;
      bytes = b;
      const now = Date.now();
      if (now - last >= (tty ? 250 : intervalMs)) {
        last = now;
        render(false);
      }
    },
    done() {
      render(true);
    },
  };
}

export const silentProgress: Progress = { start() {}, update() {}, done() {} };
