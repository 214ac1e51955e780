// What a prepared test data set depends on, as one hash: the compiled modules that build it
// (followed through their relative imports, so a change to any code the build runs makes a
// new data set, and a change elsewhere does not) and the files it reads.
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every module reachable from the entries by relative imports, entries included, sorted. */
export function moduleClosure(entries: readonly URL[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((u) => fileURLToPath(u));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    // A specifier inside a comment or a string may name no file: nothing to follow.
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) pending.push(path.resolve(path.dirname(file), m[1]!));
  }
  return [...seen].sort();
}

function addFile(h: Hash, file: string, root: string): void {
  h.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}

const hashes = new Map<string, string>();

/** A short hash of the modules the entries run and of the files of the folders given. Once
 *  per run for the same inputs: neither the compiled code nor the sample changes during one. */
export function codeAndDataHash(entries: readonly URL[], folders: readonly string[] = [], extra = ''): string {
  const key = JSON.stringify([entries.map(String), folders, extra]);
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = computeHash(entries, folders, extra);
    hashes.set(key, hash);
  }
  return hash;
}

function computeHash(entries: readonly URL[], folders: readonly string[], extra: string): string {
  const h = createHash('sha256');
  const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
  for (const file of moduleClosure(entries)) addFile(h, file, root);
  for (const folder of folders) {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const file of files.map((d) => path.join(d.parentPath, d.name)).sort()) addFile(h, file, folder);
  }
  return h.update(extra).digest('hex').slice(0, 12);
}
