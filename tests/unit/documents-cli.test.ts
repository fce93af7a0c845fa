import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/backend/exchange/cli';
import { makeEncryptedPdf, makePdf } from '../support/make-documents';
import { cleanUp, fingerprint, tempDir } from './exchange-helpers';

/** The CLI's import of PDFs: pages printed as a long one is read; --password for a protected one. */

afterAll(cleanUp);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (l) => (stdout += `${l}\n`), stderr: (t) => (stderr += t), env: {}, isTTY: false });
  return { code, stdout, stderr };
}

describe('npm run notebook -- import (PDFs)', () => {
  it('prints the pages of a long PDF as it reads them', async () => {
    const dir = await tempDir();
    const file = join(dir, 'long.pdf');
    await writeFile(file, await makePdf({ title: 'Long', pages: Array.from({ length: 40 }, (_, p) => [`Page ${p + 1} of the long report, about the convoys.`]) }));
    const r = await run('import', file, '--data-dir', join(dir, 'nb'), '--empty');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('long.pdf: page 40 of 40');
    expect(r.stderr).toMatch(/long\.pdf: page [0-9] of 40/);
  });

  it('a protected PDF: refused without --password (saying so), refused with a wrong one, imported with the right one', async () => {
    const dir = await tempDir();
    const file = join(dir, 'secret.pdf');
    await writeFile(file, await makeEncryptedPdf({ title: 'Secret', pages: [['Families waited at the gate for many days.']] }, 'letmein'));
    const nb = join(dir, 'nb');
    const none = await run('import', file, '--data-dir', nb, '--empty');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('secret.pdf: the PDF is protected by a password.');
    const before = await fingerprint(nb);
    const wrong = await run('import', file, '--data-dir', nb, '--password', 'LETMEIN');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('that password does not open the PDF');
    expect(await fingerprint(nb)).toEqual(before);
    const right = await run('import', file, '--data-dir', nb, '--password', 'letmein');
    expect(right.code).toBe(0);
    expect(right.stdout.trim()).toMatch(/^src-[0-9a-f]+$/);
  });
});
