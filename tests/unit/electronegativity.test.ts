import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const electronVersion = createRequire(import.meta.url)('electron/package.json').version as string;

/** Parse electronegativity's CSV (quoted fields, commas inside quotes). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1]).trim()).slice(0, -1));
}

describe('electronegativity', () => {
  it('finds no HIGH or MEDIUM issue that docs/security.md does not justify', async () => {
    // What is scanned: the shell's code and the UI's HTML (which carries the CSP as a meta tag), copied to a folder
    // of their own so the scan does not race other tests' files.
    const scan = '.tmp/security-scan';
    await rm(scan, { recursive: true, force: true });
    await mkdir(scan, { recursive: true });
    await cp('electron', `${scan}/electron`, { recursive: true });
    await cp('renderer/index.html', `${scan}/renderer/index.html`);
    await cp('package.json', `${scan}/package.json`);
    const out = '.tmp/electronegativity.csv';
    await run('npx', ['electronegativity', '-i', scan, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], { timeout: 240_000 });
    const rows = parseCsv(await readFile(out, 'utf8')).slice(1);
    expect(rows.length).toBeGreaterThan(0); // the scan ran and reported (at least the justified findings)
    const doc = await readFile('docs/security.md', 'utf8');
    const justified = doc.slice(doc.indexOf('### Justified findings'));
    const serious = rows.filter((r) => r[1] === 'HIGH' || r[1] === 'MEDIUM');
    const unjustified = serious.filter((r) => !justified.includes(`\`${r[0]}\``)).map((r) => `${r[0]} (${r[1]}) in ${r[3]} at ${r[4]}`);
    expect(unjustified).toEqual([]);
  }, 300_000);
});
