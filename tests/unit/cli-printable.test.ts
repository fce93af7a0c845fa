import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/backend/exchange/cli';
import { printable } from '../../electron/backend/exchange/printable';
import { cleanUp, seededNotebook, tempDir } from './exchange-helpers';

afterAll(cleanUp);

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (line) => (stdout += `${line}\n`), stderr: (text) => (stderr += text), env: {}, isTTY: false });
  return { code, stdout, stderr };
}

describe('the command line prints file names as text, never as terminal control', () => {
  it('escapes control characters and bidi overrides, and leaves other text alone', () => {
    expect(printable('a\nOK: b\r\t\u001b[32mc\u0007\u009b\u202eevil')).toBe('a\\nOK: b\\r\\t\\e[32mc\\x07\\x9b\\u{202e}evil');
    expect(printable('Über “Kabul” — 2 000 € 😀')).toBe('Über “Kabul” — 2 000 € 😀');
  });

  it('a file whose name carries a newline and ANSI escapes cannot fake an "OK" line', async () => {
    const notebook = await seededNotebook();
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const name = 'notes\nOK: 5 sources imported\u001b[2K\u001b[32m.txt';
    await writeFile(join(dir, name), 'A short source text about the border.');
    const missing = join(dir, 'gone\n\u001b[1A\u001b[2KOK.json');
    const result = await run('import', join(dir, name), missing, '--dry-run', '--data-dir', notebook.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('\u001b');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('OK'))).toEqual([]);
    expect(result.stderr).toContain('gone\\n\\e[1A\\e[2KOK.json: there is no such file.');
    expect(lines.at(-1)).toBe('Nothing was imported.');
  });
});
