import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../core/export/common';
import {
  annotationIri,
  exportW3C,
  exportW3CBytes,
  serializeW3C,
  sourceIri,
  type W3CAnnotation,
  type W3CSelector,
  type W3CTextPositionSelector,
} from '../../core/export/w3c';
import { fixtureSnapshot, testFormatter, WEB_ANNOTATION_DIR } from './export-fixture';

/**
 * The W3C export against the Web Annotation test suite: every assertion annotationMusts.test lists (JSON Schema
 * draft-04, $refs into definitions/) must pass for every exported annotation, as each assertion's expectedResult says.
 */

interface Assertion {
  file: string;
  schema: Record<string, unknown> & { expectedResult?: string; assertionType?: string; errorMessage?: string };
}

function loadSuite(): { ajv: Ajv; assertions: Assertion[] } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of readdirSync(`${WEB_ANNOTATION_DIR}definitions`)) {
    if (f.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(`${WEB_ANNOTATION_DIR}definitions/${f}`, 'utf8')));
  }
  const test = JSON.parse(readFileSync(`${WEB_ANNOTATION_DIR}annotations/annotationMusts.test`, 'utf8')) as { assertions: string[] };
  const assertions = test.assertions.map((file) => ({
    file,
    schema: JSON.parse(readFileSync(`${WEB_ANNOTATION_DIR}${file}`, 'utf8')) as Assertion['schema'],
  }));
  return { ajv, assertions };
}

const suite = loadSuite();
const snapshot = fixtureSnapshot();
const collection = exportW3C(snapshot, testFormatter, { creator: { name: 'A. Analyst' } });
const items = collection.first.items;
const validators = suite.assertions.map((a) => ({ ...a, validate: suite.ajv.compile(a.schema) }));

describe('W3C export: the Web Annotation MUST assertions', () => {
  it('loads every assertion the test lists, each a draft-04 MUST expecting valid annotations', () => {
    expect(suite.assertions).toHaveLength(54);
    for (const a of suite.assertions) {
      expect(a.schema.$schema, a.file).toBe('http://json-schema.org/draft-04/schema#');
      expect(a.schema.assertionType, a.file).toBe('must');
      expect(a.schema.expectedResult, a.file).toBe('valid');
    }
  });

  it('every exported annotation passes every assertion', () => {
    expect(items.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const annotation of items) {
      // Validate the JSON as a consumer reads it, not our in-memory object.
      const parsed = JSON.parse(JSON.stringify(annotation)) as unknown;
      for (const v of validators) {
        if (!v.validate(parsed)) failures.push(`${annotation.id} fails ${v.file}: ${v.schema.errorMessage ?? ''} ${suite.ajv.errorsText(v.validate.errors)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('still passes when a highlight has lost its timestamps (the export time stands in)', () => {
    const damaged = fixtureSnapshot();
    damaged.sources[0].highlights[0] = { ...damaged.sources[0].highlights[0], createdAt: '', modifiedAt: 'not a date' };
    const first = exportW3C(damaged, testFormatter).first.items[0];
    expect([first.created, first.modified]).toEqual([damaged.exportedAt, damaged.exportedAt]);
    for (const v of validators) expect(v.validate(JSON.parse(JSON.stringify(first))), v.file).toBe(true);
  });

  it('the suite does reject broken annotations (the validator is live)', () => {
    const byFile = (f: string) => validators.find((v) => v.file.endsWith(f))!;
    const good = JSON.parse(JSON.stringify(items[0])) as Record<string, unknown>;
    expect(byFile('3.2.5-notBodyBodyValue.json').validate({ ...good, bodyValue: 'x' })).toBe(false);
    expect(byFile('3.1-annotationContextValidated.json').validate({ ...good, '@context': 'http://example.org/other' })).toBe(false);
    expect(byFile('3.3.1-annotationCreatedValidated.json').validate({ ...good, created: 'yesterday' })).toBe(false);
    const badQuote = { ...good, target: { source: 'urn:x:y', selector: { type: 'TextQuoteSelector', exact: ['a', 'b'] } } };
    expect(byFile('4.2.4-textQuoteSelectorValid.json').validate(badQuote)).toBe(false);
  });
});

describe('W3C export: the notebook as an AnnotationCollection', () => {
  const highlightItems = items.filter((a) => typeof a.target !== 'string');
  const all = snapshot.sources.flatMap((s) => s.highlights);

  it('is a collection with one embedded page holding one annotation per highlight plus the notebook notes', () => {
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.total).toBe(items.length);
    expect(highlightItems).toHaveLength(all.length);
    // Source notebooks (non-empty ones) target their source; the project notebook targets the collection.
    const noteTargets = items.filter((a) => typeof a.target === 'string').map((a) => a.target);
    expect(noteTargets).toContain(sourceIri('seed-000'));
    expect(noteTargets).toContain(collection.id);
    expect(noteTargets).not.toContain(sourceIri('seed-004'));
  });

  it('gives each annotation exactly one motivation, tags as tagging bodies and the note as text/markdown', () => {
    for (const a of items) expect(typeof a.motivation).toBe('string');
    const byId = new Map(highlightItems.map((a) => [a.id, a]));
    const multi = byId.get(annotationIri(all.find((h) => h.quote.exact.startsWith('terrorist groups, including'))!.id)) as W3CAnnotation;
    expect(multi.motivation).toBe('tagging');
    expect(multi.body?.map((b) => [b.purpose, b.value])).toEqual([
      ['tagging', 'Terrorism & "extremism"'],
      ['tagging', 'Places/Central Asia / CIS'],
    ]);
    const noted = byId.get(annotationIri(all.find((h) => h.quote.exact === 'anti-drug sectors')!.id)) as W3CAnnotation;
    expect(noted.motivation).toBe('commenting');
    const comment = noted.body?.find((b) => b.purpose === 'commenting');
    expect(comment).toMatchObject({ type: 'TextualBody', format: 'text/markdown' });
    expect(comment?.value).toBe('Drugs and terrorism are framed together.\n\nSecond paragraph with 🙂 emoji.');
    const untagged = byId.get(annotationIri(all.find((h) => h.tagIds.length === 0)!.id)) as W3CAnnotation;
    expect(untagged.motivation).toBe('highlighting');
    expect(untagged.body).toBeUndefined();
    expect(multi.creator).toEqual({ type: 'Person', name: 'A. Analyst' });
  });

  it('nests tag paths and links citations in notes to the cited annotation', () => {
    const north = highlightItems.find((a) => a.body?.some((b) => b.value === 'Places/Afghanistan/Northern Afghanistan'));
    expect(north).toBeDefined();
    const citing = highlightItems.find((a) => a.body?.some((b) => b.purpose === 'commenting' && b.value.includes('Members listed')));
    const cited = all.find((h) => h.quote.exact.startsWith('terrorist groups, including'))!;
    expect(citing?.body?.find((b) => b.purpose === 'commenting')?.value).toContain(`(${annotationIri(cited.id)})`);
  });

  it('counts TextPositionSelector offsets in code points and keeps the quote with its context', () => {
    const emoji = snapshot.sources.find((s) => s.meta.id === 'emoji-src')!;
    const index = new CodePointIndex(emoji.text);
    const codePoints = [...emoji.text];
    for (const h of emoji.highlights) {
      const a = highlightItems.find((x) => x.id === annotationIri(h.id))!;
      const target = a.target as { source: string; selector: W3CSelector[] };
      expect(target.source).toBe(sourceIri('emoji-src'));
      const quote = target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const pos = target.selector.find((s): s is W3CTextPositionSelector => s.type === 'TextPositionSelector')!;
      expect(quote).toMatchObject({ exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix });
      expect(pos.start).toBe(index.toCodePoint(h.start));
      expect(pos.start).toBeLessThan(h.start); // emoji before it: fewer code points than UTF-16 units
      expect(codePoints.slice(pos.start, pos.end).join('')).toBe(h.quote.exact);
    }
  });

  it('leaves an orphan its quote but not its stale position', () => {
    const orphan = all.find((h) => h.orphan)!;
    const a = highlightItems.find((x) => x.id === annotationIri(orphan.id))!;
    const selectors = (a.target as { selector: Array<{ type: string }> }).selector.map((s) => s.type);
    expect(selectors).toEqual(['TextQuoteSelector']);
  });

  it('carries the sources and the codebook in the notebook extension, and is stable across exports', () => {
    expect(collection.notebook.sources.map((s) => s.id)).toEqual(snapshot.sources.map((s) => s.meta.id));
    expect(collection.notebook.sources[0].text).toBe(snapshot.sources[0].text);
    expect(collection.notebook.tags.find((t) => t.id === 't-north')?.path).toBe('Places/Afghanistan/Northern Afghanistan');
    const again = serializeW3C(exportW3C(fixtureSnapshot(), testFormatter, { creator: { name: 'A. Analyst' } }));
    expect(again).toBe(serializeW3C(collection));
  });

  it('writes the same collection as UTF-8 bytes, annotation by annotation (the fast path for files)', () => {
    const bytes = exportW3CBytes(fixtureSnapshot(), testFormatter, { creator: { name: 'A. Analyst' } });
    expect(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))).toEqual(JSON.parse(serializeW3C(collection)));
  });
});
