import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CodePointIndex, stableGuid } from '../../core/export/common';
import { crc32, exportQdc, exportQdpx, exportQdpxArchive, zipEntries } from '../../core/export/refi-qda';
import { fixtureSnapshot, REFI_QDA_DIR, testFormatter, xmllint } from './export-fixture';

const dir = mkdtempSync(join(tmpdir(), 'refi-qda-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = fixtureSnapshot();
const qdpx = exportQdpx(snapshot, testFormatter);
const xml = qdpx.projectXml;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function validate(name: string, content: string, xsd: string): void {
  const file = join(dir, name);
  writeFileSync(file, content);
  const { ok, output } = xmllint(file, `${REFI_QDA_DIR}${xsd}`);
  expect(output).toContain('validates');
  expect(ok, output).toBe(true);
}

/** Attributes of every element `name` in document order. */
function elements(doc: string, name: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const m of doc.matchAll(new RegExp(`<${name}\\b([^>]*?)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/(\w+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push(attrs);
  }
  return out;
}

describe('REFI-QDA export against the standard schemas', () => {
  it('project.qde validates against Project.xsd (xmllint)', () => {
    validate('project.qde', xml, 'Project.xsd');
  });

  it('the QDC codebook validates against Codebook.xsd (xmllint)', () => {
    validate('codebook.qdc', exportQdc(snapshot), 'Codebook.xsd');
  });

  it('xmllint does catch an invalid project (the check is live)', () => {
    const file = join(dir, 'broken.qde');
    writeFileSync(file, xml.replace(/isCodable="true"/, ''));
    expect(xmllint(file, `${REFI_QDA_DIR}Project.xsd`).ok).toBe(false);
  });

  it('a notebook without tags has no codebook to export, and says so', () => {
    expect(() => exportQdc({ tags: [] })).toThrow(/no tags/);
    validate('untagged.qde', exportQdpx({ ...snapshot, tags: [] }, testFormatter).projectXml, 'Project.xsd');
  });
});

describe('QDPX archive', () => {
  const archive = exportQdpxArchive(snapshot, testFormatter);
  const files = unzipSync(archive.bytes);

  it('holds project.qde and one text per source in a lowercase sources/ folder, as internal:// paths say', () => {
    const names = Object.keys(files).sort();
    expect(names[0]).toBe('project.qde');
    expect(names.slice(1).every((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n))).toBe(true);
    expect(names).toHaveLength(snapshot.sources.length + 1);
    for (const s of elements(xml, 'TextSource')) {
      expect(s.plainTextPath).toBe(`internal://${s.guid}.txt`);
      expect(files[`sources/${s.guid}.txt`]).toBeDefined();
    }
    const emoji = snapshot.sources.find((s) => s.meta.id === 'emoji-src')!;
    expect(new TextDecoder().decode(files[`sources/${stableGuid('source', 'emoji-src')}.txt`])).toBe(emoji.text);
  });

  it('zips the same with a native deflate (the backend passes zlib) as with fflate', () => {
    const native = zipEntries(qdpx.entries, { deflateRaw: (d) => deflateRawSync(d, { level: 1 }) });
    const unzipped = unzipSync(native);
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).sort());
    expect(new TextDecoder().decode(unzipped['project.qde'])).toBe(xml);
    // The central directory's CRC-32 and sizes match the data (fflate's unzip does not check CRCs itself).
    const view = new DataView(native.buffer, native.byteOffset, native.byteLength);
    let checked = 0;
    for (let at = native.length - 22; at > 0 && checked === 0; at--) {
      if (view.getUint32(at, true) !== 0x06054b50) continue;
      let p = view.getUint32(at + 16, true);
      for (let i = 0; i < view.getUint16(at + 10, true); i++) {
        expect(view.getUint32(p, true)).toBe(0x02014b50);
        const nameLength = view.getUint16(p + 28, true);
        const name = new TextDecoder().decode(native.subarray(p + 46, p + 46 + nameLength));
        expect(view.getUint32(p + 16, true), name).toBe(crc32(unzipped[name]));
        expect(view.getUint32(p + 24, true), name).toBe(unzipped[name].length);
        p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
        checked++;
      }
    }
    expect(checked).toBe(Object.keys(files).length);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('QDPX content', () => {
  it('writes codes with GUIDs, #RRGGBB colours and isCodable, nested as the tag tree', () => {
    const codes = elements(xml, 'Code');
    expect(codes).toHaveLength(snapshot.tags.length);
    for (const c of codes) {
      expect(c.guid).toMatch(GUID);
      expect(c.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(c.isCodable).toBe('true');
    }
    const north = xml.indexOf('name="Northern Afghanistan"');
    const afghanistan = xml.indexOf('name="Afghanistan"');
    const places = xml.indexOf('name="Places"');
    expect(places).toBeLessThan(afghanistan);
    expect(afghanistan).toBeLessThan(north);
    // Afghanistan's element is still open where Northern Afghanistan starts.
    expect(xml.slice(afghanistan, north)).not.toContain('</Code>');
    expect(xml).toContain('name="Terrorism &amp; &quot;extremism&quot;"');
    expect(xml).toContain('Aliases: Putin; the Russian leader');
    expect(xml).toContain('name="Tag kind: person"');
  });

  it('makes each anchored highlight a PlainTextSelection in code points with a Coding per tag and a NoteRef', () => {
    const selections = elements(xml, 'PlainTextSelection');
    const all = snapshot.sources.flatMap((s) => s.highlights);
    expect(selections).toHaveLength(all.filter((h) => !h.orphan).length);
    expect(qdpx.skippedOrphans).toBe(1);
    const emoji = snapshot.sources.find((s) => s.meta.id === 'emoji-src')!;
    const index = new CodePointIndex(emoji.text);
    for (const h of emoji.highlights) {
      const sel = selections.find((s) => s.guid === stableGuid('highlight', h.id))!;
      expect(Number(sel.startPosition)).toBe(index.toCodePoint(h.start));
      expect(Number(sel.endPosition)).toBe(index.toCodePoint(h.end));
      expect([...emoji.text].slice(Number(sel.startPosition), Number(sel.endPosition)).join('')).toBe(h.quote.exact);
    }
    const multi = all.find((h) => h.quote.exact.startsWith('terrorist groups, including'))!;
    const block = xml.slice(xml.indexOf(stableGuid('highlight', multi.id)));
    const codings = block.slice(0, block.indexOf('</PlainTextSelection>'));
    expect(codings.match(/<Coding /g)).toHaveLength(2);
    expect(codings).toContain(`<CodeRef targetGUID="${stableGuid('tag', 't-asia')}"/>`);
    const noted = all.find((h) => h.quote.exact === 'anti-drug sectors')!;
    const noteRef = xml.slice(xml.indexOf(stableGuid('highlight', noted.id))).match(/<NoteRef targetGUID="([^"]+)"/)![1];
    const noteXml = xml.slice(xml.indexOf(`<Note guid="${noteRef}"`));
    expect(noteXml.slice(0, noteXml.indexOf('</Note>'))).toContain(
      '<PlainTextContent>Drugs and terrorism are framed together.\n\nSecond paragraph with 🙂 emoji.</PlainTextContent>',
    );
  });

  it('keeps source metadata as variables and notebooks as notes, and exports the same GUIDs every time', () => {
    expect(xml).toContain('<DateValue>2021-10-15</DateValue>');
    expect(xml).toContain('<TextValue>EFE</TextValue>');
    expect(xml).toMatch(/<NoteRef targetGUID="[0-9a-f-]{36}"\/>\n<\/Project>/);
    expect(exportQdpx(fixtureSnapshot(), testFormatter).projectXml).toBe(xml);
    for (const g of xml.matchAll(/(?:guid|targetGUID)="([^"]*)"/g)) expect(g[1]).toMatch(GUID);
  });
});
