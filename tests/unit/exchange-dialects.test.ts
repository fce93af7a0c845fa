import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportSummary } from '../../core/exchange/api';
import { importQdc, importQdpx } from '../../core/import/qdpx';
import type { SourceCollection } from '../../core/model';
import { atlasCodebook, maxqdaProject, nvivoProject, taguetteCodebook, type BuiltProject } from '../support/dialects';
import { call, cleanUp, emptyNotebook, exportTo, fileInput, seededNotebook, tempDir, type OpenNotebook } from './exchange-helpers';
import { REFI_QDA_DIR, xmllint } from './export-fixture';

afterEach(cleanUp);

async function importOne(nb: OpenNotebook, name: string, bytes: Uint8Array, skipDuplicates = true): Promise<{ preview: ImportPreview; summary: ImportSummary }> {
  const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput(name, bytes)] });
  expect(preview.files[0].error).toBeUndefined();
  const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates });
  return { preview, summary };
}

/** The QDPX export of the whole notebook: its project.qde and its validation against Project.xsd. */
async function exportQdpx(nb: OpenNotebook, positions?: 'code-points' | 'utf-16'): Promise<{ xml: string; files: Record<string, Uint8Array>; warnings: string[] }> {
  const dir = await tempDir();
  const path = join(dir, 'out.qdpx');
  const job = await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'qdpx', path, ...(positions ? { positions } : {}) });
  expect(job.state).toBe('done');
  const files = unzipSync(new Uint8Array(await import('node:fs/promises').then((f) => f.readFile(path))));
  const xml = strFromU8(files['project.qde']);
  const qde = join(dir, 'project.qde');
  writeFileSync(qde, xml);
  const lint = xmllint(qde, `${REFI_QDA_DIR}Project.xsd`);
  expect(lint.output).toContain('validates');
  expect(lint.ok).toBe(true);
  return { xml, files, warnings: job.warnings };
}

const attr = (tag: string, name: string): string => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
const tagsNamed = (xml: string, element: string): string[] => xml.match(new RegExp(`<${element}\\b[^>]*>`, 'g')) ?? [];

/** Every anchored highlight sits on its passage; the misfit is an orphan; GUIDs came in. */
async function checkImported(nb: OpenNotebook, built: BuiltProject): Promise<{ anchored: number; orphans: number }> {
  let anchored = 0;
  let orphans = 0;
  const byGuid = new Map(built.selections.map((s) => [s.guid, s]));
  for (const summary of await nb.service.listSources()) {
    const doc = await nb.service.getSource({ id: summary.id });
    expect(doc.meta.guid).toBeDefined();
    for (const h of doc.highlights) {
      const sel = byGuid.get(h.guid ?? '');
      expect(sel, `highlight ${h.id} keeps its selection GUID`).toBeDefined();
      if (sel!.fits) {
        expect(h.orphan).toBe(false);
        expect(doc.text.slice(h.start, h.end)).toBe(sel!.passage);
        anchored++;
      } else {
        expect(h.orphan).toBe(true);
        orphans++;
      }
    }
  }
  return { anchored, orphans };
}

/** The export gives back the project's GUIDs, names, colours, users and (in the project's unit) positions. */
function checkExported(xml: string, built: BuiltProject): void {
  const codes = tagsNamed(xml, 'Code');
  for (const c of built.codes) {
    const code = codes.find((t) => attr(t, 'guid') === c.guid);
    expect(code, `code ${c.name} keeps its GUID`).toBeDefined();
    expect(attr(code!, 'name')).toBe(c.name);
    expect(attr(code!, 'color')).toBe(c.color.toUpperCase());
    expect(attr(code!, 'isCodable')).toBe(String(c.isCodable));
  }
  const sources = tagsNamed(xml, 'TextSource');
  for (const s of built.sources) expect(sources.some((t) => attr(t, 'guid') === s.guid && attr(t, 'name') === s.name)).toBe(true);
  const users = tagsNamed(xml, 'User');
  for (const u of built.users) expect(users.some((t) => attr(t, 'guid') === u.guid && attr(t, 'name') === u.name)).toBe(true);
  const selections = tagsNamed(xml, 'PlainTextSelection');
  const codings = tagsNamed(xml, 'Coding');
  for (const sel of built.selections.filter((s) => s.fits)) {
    const t = selections.find((x) => attr(x, 'guid') === sel.guid);
    expect(t, `selection ${sel.guid} keeps its GUID`).toBeDefined();
    expect([Number(attr(t!, 'startPosition')), Number(attr(t!, 'endPosition'))]).toEqual([sel.start, sel.end]);
    expect(attr(t!, 'creatingUser')).toBe(built.users[1].guid);
    for (const cg of sel.codingGuids) expect(codings.some((c) => attr(c, 'guid') === cg)).toBe(true);
  }
  expect(attr(tagsNamed(xml, 'Project')[0], 'name')).toBe(built.name);
  expect(attr(tagsNamed(xml, 'Project')[0], 'creatingUserGUID')).toBe(built.users[0].guid);
}

describe('NVivo: UTF-16 positions over emoji', () => {
  it('detects the unit, places every coding on its words, orphans the one that does not fit, and says so', async () => {
    const built = nvivoProject();
    const core = importQdpx('nvivo.qdpx', built.bytes);
    expect(core.offsetUnit).toMatch(/UTF-16 code units/);
    // The misfit reads the same both ways (before any emoji): 36 selections tell the readings apart.
    expect(core.offsetUnit).toMatch(/36 of 36 selections .* fit that way .*, 3 the other way/);

    const nb = await emptyNotebook();
    const { preview, summary } = await importOne(nb, 'nvivo.qdpx', built.bytes);
    expect(preview.files[0].offsetUnit).toMatch(/UTF-16/);
    expect(summary.warnings.join('\n')).toMatch(/read as UTF-16 code units/);
    expect(summary.orphans).toBe(1);
    expect(summary.highlightsAdded).toBe(37);
    expect(await checkImported(nb, built)).toEqual({ anchored: 36, orphans: 1 });
  });

  it('the same file read as code points would put codings on the wrong words: the evidence decides, not the label', async () => {
    const built = nvivoProject();
    // Relabel the origin: the positions still fit only as UTF-16 units.
    const files = unzipSync(built.bytes);
    files['project.qde'] = new TextEncoder().encode(strFromU8(files['project.qde']).replace('NVivo 14.23.0', 'Unknown tool'));
    const { zipSync } = await import('fflate');
    const relabelled = importQdpx('x.qdpx', zipSync(files));
    expect(relabelled.offsetUnit).toMatch(/UTF-16/);
    expect(relabelled.highlights.filter((h) => !h.unanchorable).every((h) => ['border crossing', 'aid convoy', 'refugee camp', 'drug trade', 'security forces', 'humanitarian corridor'].includes(h.quote.exact))).toBe(true);
  });

  it('goes back out with the same GUIDs, users, names, colours and UTF-16 positions, valid against Project.xsd', async () => {
    const built = nvivoProject();
    const nb = await emptyNotebook();
    await importOne(nb, 'nvivo.qdpx', built.bytes);
    const { xml, warnings } = await exportQdpx(nb);
    checkExported(xml, built);
    expect(warnings.join(' ')).toMatch(/UTF-16 code units/);
    // The export read back (as NVivo would send it again): its positions are found to be UTF-16 by the evidence,
    // and nothing is duplicated: same codes, same sources, the same 36 codings already there.
    const { files } = await exportQdpx(nb);
    const again = await importOne(nb, 'nvivo-back.qdpx', (await import('fflate')).zipSync(files));
    expect(again.preview.files[0].offsetUnit).toMatch(/UTF-16/);
    expect(again.summary).toMatchObject({ tagsAdded: 0, sourcesAdded: 0, highlightsAdded: 0, highlightsAlreadyThere: 36 });
  });
});

describe('positions are counted for the tool the export is for', () => {
  const cp = (text: string, utf16: number): number => [...text.slice(0, utf16)].length;
  /** Every fitting selection of both projects, with its [start, end] as the export wrote it. */
  function written(xml: string, projects: BuiltProject[]): Map<string, [number, number]> {
    const out = new Map<string, [number, number]>();
    const selections = tagsNamed(xml, 'PlainTextSelection');
    for (const built of projects) {
      for (const sel of built.selections.filter((x) => x.fits)) {
        const t = selections.find((x) => attr(x, 'guid') === sel.guid);
        expect(t, `selection ${sel.guid} is exported`).toBeDefined();
        out.set(sel.guid, [Number(attr(t!, 'startPosition')), Number(attr(t!, 'endPosition'))]);
      }
    }
    return out;
  }

  it('a notebook holding an NVivo and a MAXQDA project exports in the unit the analyst chose, for every source', async () => {
    const nvivo = nvivoProject();
    const maxqda = maxqdaProject();
    const nb = await emptyNotebook();
    await importOne(nb, 'nvivo.qdpx', nvivo.bytes);
    // The two generated projects hold the same comments: keep both copies, as two teams' projects would be.
    await importOne(nb, 'maxqda.qdpx', maxqda.bytes, false);
    // The dialog's default is the unit of the project the notebook came from first.
    expect((await call<{ positions: string }>(nb.dispatch, 'exportChoices')).positions).toBe('utf-16');

    // For MAXQDA, ATLAS.ti, QualCoder: code points everywhere, NVivo's selections converted.
    const forMaxqda = await exportQdpx(nb, 'code-points');
    expect(forMaxqda.warnings.join(' ')).not.toMatch(/UTF-16/);
    const cpPositions = written(forMaxqda.xml, [nvivo, maxqda]);
    let differ = 0;
    for (const sel of maxqda.selections.filter((x) => x.fits)) expect(cpPositions.get(sel.guid)).toEqual([sel.start, sel.end]);
    for (const sel of nvivo.selections.filter((x) => x.fits)) {
      const text = nvivo.sources.find((s) => s.guid === sel.source || s.name === sel.source)?.text ?? '';
      expect(text.length).toBeGreaterThan(0);
      const want: [number, number] = [cp(text, sel.start), cp(text, sel.end)];
      expect(cpPositions.get(sel.guid)).toEqual(want);
      if (want[0] !== sel.start) differ++;
    }
    // Emoji precede most coded phrases: the two units disagree there, so this test tells them apart.
    expect(differ).toBeGreaterThan(20);

    // For NVivo: UTF-16 units everywhere, MAXQDA's selections converted.
    const forNvivo = await exportQdpx(nb, 'utf-16');
    expect(forNvivo.warnings.join(' ')).toMatch(/UTF-16 code units, the way NVivo reads them/);
    const u16Positions = written(forNvivo.xml, [nvivo, maxqda]);
    for (const sel of nvivo.selections.filter((x) => x.fits)) expect(u16Positions.get(sel.guid)).toEqual([sel.start, sel.end]);
    for (const sel of maxqda.selections.filter((x) => x.fits)) {
      const text = maxqda.sources.find((s) => s.guid === sel.source || s.name === sel.source)?.text ?? '';
      const at = (points: number): number => [...text].slice(0, points).join('').length;
      expect(u16Positions.get(sel.guid)).toEqual([at(sel.start), at(sel.end)]);
    }
    // A wrong unit is refused with a clear message and nothing is written.
    await expect(exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'qdpx', path: join(await tempDir(), 'x.qdpx'), positions: 'bytes' })).rejects.toThrow(/positions/);
  });
});

describe('MAXQDA: document sets, colours, variables and cases', () => {
  it('imports sets as collections, variables on sources and the case, and exports them back as Sets, Cases and Variables', async () => {
    const built = maxqdaProject();
    const nb = await emptyNotebook();
    const { preview, summary } = await importOne(nb, 'maxqda.qdpx', built.bytes);
    expect(preview.files[0].collections).toEqual([
      { name: 'First wave', kind: 'set', sources: 1 },
      { name: 'All comments', kind: 'set', sources: 2 },
      { name: 'Respondent A', kind: 'case', sources: 1 },
    ]);
    expect(preview.files[0].offsetUnit).toMatch(/code points/);
    expect(summary.collections).toBe(3);
    expect(summary.orphans).toBe(0);
    expect(await checkImported(nb, built)).toEqual({ anchored: 36, orphans: 0 });

    const collections = await call<SourceCollection[]>(nb.dispatch, 'listCollections');
    expect(collections.map((c) => [c.name, c.sourceIds.length, c.kind ?? 'set'])).toEqual([
      ['All comments', 2, 'set'],
      ['First wave', 1, 'set'],
      ['Respondent A', 1, 'case'],
    ]);
    expect(collections[2].variables).toEqual({ Age: '42', Region: 'North' });
    const sources = await nb.service.listSources();
    const first = sources.find((s) => s.guid === built.sources[0].guid)!;
    expect(first.variables).toEqual({ Region: 'North', Verified: 'true' });
    // Tag colours as MAXQDA gave them.
    const tags = (await nb.service.listTags()).tags;
    expect(tags.map((t) => t.color.toUpperCase()).sort()).toEqual([...built.codes.map((c) => c.color)].sort());

    const { xml } = await exportQdpx(nb);
    checkExported(xml, built);
    for (const set of ['First wave', 'All comments']) expect(xml).toContain(`name="${set}"`);
    expect(xml).toMatch(/<Set guid="[^"]+" name="First wave">\s*<Description>Collected in March<\/Description>\s*<MemberSource targetGUID="[^"]+"\/>/);
    expect(xml).toMatch(/<Case guid="[^"]+" name="Respondent A">/);
    expect(xml).toMatch(/<Variable guid="[^"]+" name="Age" typeOfVariable="Integer"\/>/);
    expect(xml).toMatch(/<IntegerValue>42<\/IntegerValue>/);
    expect(xml).toMatch(/<BooleanValue>true<\/BooleanValue>/);
    // The sets' GUIDs go back as they came.
    const reread = importQdpx('back.qdpx', (await import('fflate')).zipSync({ 'project.qde': new TextEncoder().encode(xml), ...Object.fromEntries(built.sources.map((s) => [`sources/${s.guid}.txt`, new TextEncoder().encode(s.text)])) }));
    expect(reread.collections?.map((c) => c.guid).sort()).toEqual(importQdpx('m.qdpx', built.bytes).collections?.map((c) => c.guid).sort());
  });
});

describe('QDC codebooks (ATLAS.ti, Taguette)', () => {
  it('previews what is new, in conflict and renamed, merges by path and GUID, and exports the codebook back', async () => {
    const nb = await seededNotebook();
    const atlas = atlasCodebook();
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('atlas.qdc', atlas.bytes)] });
    const diff = preview.files[0].codebook!;
    expect(preview.files[0].kind).toBe('qdc');
    expect(diff.added).toEqual(['Emotions', 'Emotions / Fear', 'Emotions / Hope', 'Places / Checkpoint']);
    expect(diff.conflicts).toEqual([{ path: 'Places', why: expect.stringMatching(/colour .* in the file/) }]);
    expect(diff.renamed).toEqual([]);
    const summary = await call<ImportSummary>(nb.dispatch, 'commitImport', { previewId: preview.previewId, skipDuplicates: true });
    expect(summary.tagsAdded).toBe(4);

    // The same codebook with a code renamed: recognised by its GUID.
    const renamed = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('atlas2.qdc', atlasCodebook(true).bytes)] });
    expect(renamed.files[0].codebook?.renamed).toEqual([{ from: 'Emotions', to: 'Feelings' }]);
    expect(renamed.files[0].codebook?.added).toEqual([]);
    await call(nb.dispatch, 'commitImport', { previewId: renamed.previewId, skipDuplicates: true });
    const tags = (await nb.service.listTags()).tags;
    const feelings = tags.find((t) => t.name === 'Feelings')!;
    expect(feelings.guid).toBe(atlas.codes[0].guid);
    expect(tags.filter((t) => t.parentId === feelings.id).map((t) => t.name).sort()).toEqual(['Fear', 'Hope']);

    const taguette = taguetteCodebook();
    const t = await importOne(nb, 'taguette.qdc', taguette.bytes);
    // Taguette's "people" is the default codebook's "People" (names match without regard to case).
    expect(t.preview.files[0].codebook?.added).toEqual(['interesting', 'policy']);
    expect(t.preview.files[0].codebook?.conflicts.map((c) => c.path)).toEqual(['people']);

    // Exported back as QDC: ATLAS.ti's and Taguette's GUIDs, names, colours and descriptions.
    const dir = await tempDir();
    const path = join(dir, 'codes.qdc');
    expect((await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'qdc', path })).state).toBe('done');
    const lint = xmllint(path, `${REFI_QDA_DIR}Codebook.xsd`);
    expect(lint.ok).toBe(true);
    const qdc = await import('node:fs/promises').then((f) => f.readFile(path, 'utf8'));
    for (const c of [...atlas.codes.slice(1, 3), atlas.codes[4], taguette.codes[0], taguette.codes[2]]) {
      const code = tagsNamed(qdc, 'Code').find((x) => attr(x, 'guid') === c.guid);
      expect(code, c.name).toBeDefined();
      expect(attr(code!, 'name')).toBe(c.name);
      if (c.color) expect(attr(code!, 'color')).toBe(c.color.toUpperCase());
    }
    expect(qdc).toContain('<Description>Further review required</Description>');
  });

  it("ATLAS.ti code groups become tag groups and go back out as the same Sets, in QDC and QDPX", async () => {
    const nb = await emptyNotebook();
    const atlas = atlasCodebook();
    const { preview, summary } = await importOne(nb, 'atlas.qdc', atlas.bytes);
    expect(preview.files[0].tagGroups).toEqual([
      { name: 'Affect', tags: 2 },
      { name: 'Field observations', tags: 2 },
    ]);
    expect(summary.tagGroups).toBe(2);
    const tags = (await nb.service.listTags()).tags;
    const guidOf = new Map(tags.map((t) => [t.id, t.guid]));
    const groups = await call<Array<{ id: string; name: string; tagIds: string[]; guid?: string; description?: string }>>(nb.dispatch, 'listTagGroups');
    expect(groups.map((g) => [g.name, g.guid, g.tagIds.map((id) => guidOf.get(id)).sort(), g.description ?? ''])).toEqual(
      atlas.groups.map((g) => [g.name, g.guid, [...g.members].sort(), g.description]),
    );
    // Importing the codebook again adds no group and no member twice.
    const again = await importOne(nb, 'atlas-again.qdc', atlas.bytes);
    expect(again.summary.tagsAdded).toBe(0);
    expect((await call<unknown[]>(nb.dispatch, 'listTagGroups')).length).toBe(2);

    // Back out: QDC (MemberCode guid=) and QDPX (MemberCode targetGUID=), both valid, the groups' GUIDs kept.
    const dir = await tempDir();
    const path = join(dir, 'codes.qdc');
    expect((await exportTo(nb.dispatch, { scope: { kind: 'notebook' }, format: 'qdc', path })).state).toBe('done');
    expect(xmllint(path, `${REFI_QDA_DIR}Codebook.xsd`).ok).toBe(true);
    const qdc = await import('node:fs/promises').then((f) => f.readFile(path, 'utf8'));
    const { xml } = await exportQdpx(nb);
    for (const [doc, member] of [
      [qdc, 'guid'],
      [xml, 'targetGUID'],
    ] as const) {
      for (const g of atlas.groups) {
        const set = new RegExp(`<Set guid="${g.guid}" name="${g.name}">([\\s\\S]*?)</Set>`).exec(doc);
        expect(set, `${g.name} in the export`).not.toBeNull();
        const members = [...set![1].matchAll(new RegExp(`<MemberCode ${member}="([^"]+)"/>`, 'g'))].map((m) => m[1]).sort();
        expect(members).toEqual([...g.members].sort());
        if (g.description) expect(set![1]).toContain(`<Description>${g.description}</Description>`);
      }
    }
    // What went out comes back in as the same groups (read as the tool would read it).
    const reread = importQdc('back.qdc', new TextEncoder().encode(qdc));
    expect(reread.tagGroups?.map((g) => [g.name, g.guid, g.tagRefs.length])).toEqual(atlas.groups.map((g) => [g.name, g.guid, 2]));
  });

  it('tag groups are made, filled, renamed and deleted; bad input is refused and changes nothing', async () => {
    const nb = await seededNotebook();
    const tags = (await nb.service.listTags()).tags;
    const [a, b] = tags;
    const made = await call<{ group: { id: string; tagIds: string[] } }>(nb.dispatch, 'createTagGroup', { name: ' Actors ', tagIds: [a.id] });
    const id = made.group.id;
    expect(await nb.dispatch('createTagGroup', { name: 'actors' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/exists already/) }) });
    expect(await nb.dispatch('createTagGroup', { name: '  ' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/needs a name/) }) });
    expect(await nb.dispatch('setTagGroupMembers', { groupId: id, add: ['nope'] })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/No tag with id "nope"/) }) });
    expect((await call<{ group: { tagIds: string[] } }>(nb.dispatch, 'setTagGroupMembers', { groupId: id, add: [b.id], remove: [a.id] })).group.tagIds).toEqual([b.id]);
    expect((await call<{ group: { name: string } }>(nb.dispatch, 'renameTagGroup', { groupId: id, name: 'People and groups' })).group.name).toBe('People and groups');
    // A deleted tag leaves its groups.
    await nb.service.deleteTag({ tagId: b.id });
    expect((await call<Array<{ tagIds: string[] }>>(nb.dispatch, 'listTagGroups'))[0].tagIds).toEqual([]);
    expect((await call<{ groups: unknown[] }>(nb.dispatch, 'deleteTagGroup', { groupId: id })).groups).toEqual([]);
    expect(await nb.dispatch('deleteTagGroup', { groupId: id })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/No tag group/) }) });
  });

  it('merging a tag into another puts the target in the merged tag\'s groups; undo takes it out again', async () => {
    const nb = await seededNotebook();
    const [a, b, c] = (await nb.service.listTags()).tags;
    const actors = (await call<{ group: { id: string } }>(nb.dispatch, 'createTagGroup', { name: 'Actors', tagIds: [a.id, c.id] })).group.id;
    const both = (await call<{ group: { id: string } }>(nb.dispatch, 'createTagGroup', { name: 'Both', tagIds: [a.id, b.id] })).group.id;
    const other = (await call<{ group: { id: string } }>(nb.dispatch, 'createTagGroup', { name: 'Other', tagIds: [c.id] })).group.id;
    const merged = await call<{ undo: unknown }>(nb.dispatch, 'mergeTags', { fromId: a.id, intoId: b.id });
    const groups = async () => Object.fromEntries((await call<Array<{ id: string; tagIds: string[] }>>(nb.dispatch, 'listTagGroups')).map((g) => [g.id, g.tagIds]));
    let now = await groups();
    expect(now[actors]).toEqual([c.id, b.id]);
    expect(now[both]).toEqual([b.id]);
    expect(now[other]).toEqual([c.id]);
    await call(nb.dispatch, 'undoMergeTag', { undo: merged.undo });
    now = await groups();
    expect(now[actors]).toEqual([a.id, c.id]);
    expect(now[both]).toEqual([a.id, b.id]);
    expect(now[other]).toEqual([c.id]);
  });

  it('a codebook-only notebook exports as a valid QDPX project', async () => {
    const nb = await emptyNotebook();
    await importOne(nb, 'atlas.qdc', atlasCodebook().bytes);
    const { xml } = await exportQdpx(nb);
    expect(tagsNamed(xml, 'Code')).toHaveLength(5);
    expect(xml).not.toContain('<Sources>');
  });

  it('refuses a QDC that is not a codebook, with a message naming the file', async () => {
    const nb = await emptyNotebook();
    const preview = await call<ImportPreview>(nb.dispatch, 'previewImport', { files: [fileInput('bad.qdc', '<?xml version="1.0"?><Project name="x"/>')] });
    expect(preview.files[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^bad\.qdc: .*not a REFI-QDA codebook/) });
  });
});
