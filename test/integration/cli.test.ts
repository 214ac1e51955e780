import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');

export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('disclosure CLI', () => {
  it('refuses to start with a bad setting, naming the variable, exit code 2, no stack trace', async () => {
    const r = await runCli(['serve'], { PORT: 'eighty' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /PORT must be a whole number/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('services status reports both stores up with their versions (--json)', async () => {
    const r = await runCli(['services', 'status', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout) as { stores: { store: string; status: string; version: string; url: string }[] };
    const byName = Object.fromEntries(body.stores.map((s) => [s.store, s]));
    assert.equal(byName['postgresql']?.status, 'up');
    assert.match(byName['postgresql']?.version ?? '', /^\d+\.\d+/);
    assert.equal(byName['elasticsearch']?.status, 'up');
    assert.match(byName['elasticsearch']?.version ?? '', /^8\.19\.\d+$/);
    assert.doesNotMatch(byName['postgresql']?.url ?? '', /:disclosure@/, 'password is redacted');
  });

  it('answers an unknown command with usage and exit code 2', async () => {
    const r = await runCli(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /disclosure services up/);
  });
});
