import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportQdpx, zipEntries } from '../../core/export/refi-qda';
import { exportW3C, serializeW3C } from '../../core/export/w3c';
import { importFile, ImportError, MAX_SOURCE_BYTES, type ImportProblem } from '../../core/import';
import { fixtureSnapshot, testFormatter } from './export-fixture';

/**
 * Bad input: each case is refused with an ImportError whose message names the file and the problem, before
 * anything is returned (the import functions are pure, so a refusal leaves the notebook untouched), and the input
 * bytes are left as they were.
 */

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function refused(fileName: string, bytes: Uint8Array, problem: ImportProblem, detail: RegExp): ImportError {
  const before = bytes.slice(0, 4096);
  let error: unknown;
  try {
    importFile(fileName, bytes);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ImportError);
  const e = error as ImportError;
  expect(e.problem).toBe(problem);
  expect(e.fileName).toBe(fileName);
  expect(e.message.startsWith(`${fileName}: `)).toBe(true);
  expect(e.message).toMatch(detail);
  expect(bytes.slice(0, 4096)).toEqual(before);
  return e;
}

const snapshot = fixtureSnapshot();
const goodQdpx = exportQdpx(snapshot, testFormatter);

/** A QDPX whose project.qde is `xml` (and the real sources). */
function qdpxWith(xml: string): Uint8Array {
  return zipEntries([{ path: 'project.qde', data: utf8(xml) }, ...goodQdpx.entries.slice(1)]);
}

describe('bad input is refused with a clear message, and nothing is imported', () => {
  it('an unsupported file type', () => {
    refused('Report.xlsx', utf8('PK...'), 'unsupported-type', /\.xlsx files cannot be imported\. Import sources as \.txt, \.md, \.html, \.htm, \.pdf or \.docx/);
    refused('README', utf8('text'), 'unsupported-type', /files without an extension cannot be imported/);
  });

  it('a binary file renamed .txt', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    refused('photo.txt', png, 'binary', /named \.txt but holds a PNG image, not text/);
    const nul = utf8('looks like text\u0000\u0000\u0000 but is not');
    refused('data.txt', nul, 'binary', /binary data \(it contains NUL bytes\)/);
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    refused('dump.md', controls, 'binary', /full of control characters/);
  });

  it('text that is not valid UTF-8', () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait, na'), 0xef, 0x76, 0x65]);
    refused('menu.txt', latin1, 'invalid-utf8', /not valid UTF-8 text \(first bad byte at offset 3\)\. Save it as UTF-8/);
  });

  it('a file over 50 MB', () => {
    const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    refused('huge.txt', big, 'too-large', /the file is 50\.0 MB, more than the 50\.0 MB this app imports/);
  });

  it('malformed JSON', () => {
    refused('notes.json', utf8('{\n  "type": "AnnotationCollection",\n  "items": [\n'), 'malformed-json', /not valid JSON/);
    const e = refused('trailing.json', utf8('{"type": "Annotation",}'), 'malformed-json', /not valid JSON at line 1, column \d+/);
    expect(e.detail).toMatch(/cut short or not a JSON file/);
  });

  it('JSON of the wrong shape', () => {
    refused('other.json', utf8('{"hello": "world"}'), 'wrong-shape', /not Web Annotation data: expected an AnnotationCollection, AnnotationPage or Annotation, found an object with no "type"/);
    refused('number.json', utf8('42'), 'wrong-shape', /a single value, not annotations/);
    refused('notarget.json', utf8('[{"type": "Annotation", "id": "urn:x:1"}]'), 'wrong-shape', /annotation 1 \(urn:x:1\) has no target/);
    refused('linked.json', utf8('{"type": "AnnotationCollection", "first": "https://example.org/page1"}'), 'wrong-shape', /only linked/);
    const damaged = JSON.parse(serializeW3C(exportW3C(snapshot, testFormatter)));
    delete damaged.notebook.sources[2].text;
    refused('damaged.json', utf8(JSON.stringify(damaged)), 'wrong-shape', /notebook data in the file is damaged: source 3 lacks its id, IRI or text/);
  });

  it('a zip that is not a QDPX', () => {
    refused('archive.qdpx', zipSync({ 'readme.txt': strToU8('hello') }), 'not-qdpx', /no project\.qde at its top level, so it is not a REFI-QDA project/);
    refused('fake.qdpx', utf8('just text'), 'not-qdpx', /not a zip archive/);
    refused('other.qdpx', zipSync({ 'project.qde': strToU8('<?xml version="1.0"?><html/>') }), 'not-qdpx', /its root element is <html>/);
  });

  it('a QDPX whose entries escape the folder (../)', () => {
    const evil = zipSync({ 'project.qde': goodQdpx.entries[0].data, '../../.bashrc': strToU8('rm -rf ~') });
    refused('evil.qdpx', evil, 'unsafe-path', /entry "\.\.\/\.\.\/\.bashrc" has a path that climbs out of the archive/);
    const absolute = zipSync({ 'project.qde': goodQdpx.entries[0].data, '/etc/cron.d/x': strToU8('x') });
    refused('abs.qdpx', absolute, 'unsafe-path', /has an absolute path/);
  });

  it('a QDPX that would expand past 500 MB (zip bomb), refused from its headers before inflating', () => {
    const zip = zipSync({ 'project.qde': goodQdpx.entries[0].data, 'sources/big.txt': new Uint8Array(1024) }, { level: 9 });
    // Make the central directory declare 600 MB for the second entry, as a bomb's headers do.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let patched = 0;
    for (let at = 0; at + 46 < zip.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      if (name === 'sources/big.txt') {
        view.setUint32(at + 24, 600 * 1024 * 1024, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    refused('bomb.qdpx', zip, 'zip-bomb', /would expand to 6\d\d\.\d MB, more than the 500\.0 MB allowed \(it may be a zip bomb\)/);
  });

  it('XML with external entities (or any DOCTYPE)', () => {
    const xxe =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
      '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>';
    refused('xxe.qdpx', qdpxWith(xxe), 'xml-entities', /declares a DOCTYPE or entities/);
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project name="&lol2;"/>';
    refused('lol.qdpx', qdpxWith(laughs), 'xml-entities', /can be used to read other files on your computer/);
  });

  it('XML that is not well-formed, and a source text inside the QDPX that is not UTF-8', () => {
    const broken = goodQdpx.projectXml.replace('</Sources>', '</Source>');
    refused('broken.qdpx', qdpxWith(broken), 'malformed-xml', /project\.qde is not well-formed XML \(at line \d+, column \d+: unexpected close tag\)/);
    const entries = [...goodQdpx.entries];
    entries[1] = { path: entries[1].path, data: new Uint8Array([0x41, 0xff, 0x42]) };
    refused('latin.qdpx', zipEntries(entries), 'invalid-utf8', /the text of source ".*" \(internal:\/\/.*\.txt\) is not valid UTF-8/);
  });
});
