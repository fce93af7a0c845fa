/** Who did what survives export and import (issue 19): W3C `creator`, QDPX `creatingUser` / `modifyingUser`. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportQdpx, exportQdpxArchive } from '../../core/export/refi-qda';
import { exportW3C } from '../../core/export/w3c';
import { importFile } from '../../core/import';
import type { NotebookSnapshot } from '../../core/model';
import { fixtureSnapshot, REFI_QDA_DIR, testFormatter, testParser, xmllint } from './export-fixture';

const dir = mkdtempSync(join(tmpdir(), 'authorship-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture with the first source's highlights made by Anna (Boris edited the second). */
function authored(): NotebookSnapshot {
  const snapshot = fixtureSnapshot();
  const [first, ...rest] = snapshot.sources;
  const highlights = first.highlights.map((h, i) => ({ ...h, creator: 'Anna Petrova', ...(i === 1 ? { lastEditor: 'Boris' } : { lastEditor: 'Anna Petrova' }) }));
  return { ...snapshot, sources: [{ ...first, highlights }, ...rest] };
}

describe('authorship in exchange formats', () => {
  it('QDPX: users for each analyst, creatingUser and modifyingUser on selections; valid against Project.xsd; read back by name', () => {
    const snapshot = authored();
    const { projectXml } = exportQdpx(snapshot, testFormatter);
    expect(projectXml).toMatch(/<User guid="[0-9a-f-]{36}" name="Anna Petrova"\/>/);
    expect(projectXml).toMatch(/<User guid="[0-9a-f-]{36}" name="Boris"\/>/);
    expect(projectXml).toMatch(/modifyingUser="[0-9a-f-]{36}"/);
    const file = join(dir, 'project.qde');
    writeFileSync(file, projectXml);
    const lint = xmllint(file, `${REFI_QDA_DIR}Project.xsd`);
    expect(lint.ok, lint.output).toBe(true);
    const back = importFile('team.qdpx', exportQdpxArchive(snapshot, testFormatter).bytes, { notes: testParser });
    const made = back.highlights.filter((h) => h.creator === 'Anna Petrova');
    expect(made.length).toBe(snapshot.sources[0].highlights.filter((h) => !h.orphan).length);
    expect(made.filter((h) => h.lastEditor === 'Boris').length).toBe(1);
    // Highlights nobody is recorded for stay without a creator.
    expect(back.highlights.some((h) => h.creator === undefined)).toBe(true);
  });

  it('W3C: each annotation’s creator is its highlight’s; read back as the creator', () => {
    const snapshot = authored();
    const collection = exportW3C(snapshot, testFormatter, { creator: { name: 'Exporter' } });
    const items = collection.first.items;
    expect(items.filter((a) => a.creator.name === 'Anna Petrova').length).toBe(snapshot.sources[0].highlights.length);
    const back = importFile('team.json', new TextEncoder().encode(JSON.stringify(collection)), { notes: testParser });
    expect(back.highlights.filter((h) => h.creator === 'Anna Petrova').length).toBe(snapshot.sources[0].highlights.length);
  });
});
