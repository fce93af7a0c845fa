import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importQdpx, importW3C } from '../../core/import';
import { plain, testParser } from './export-fixture';

/** Files written by other tools: what comes in, what is guessed, what is skipped (and said). */

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('W3C annotations from another tool', () => {
  const annotation = (over: Record<string, unknown>) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'https://hypothes.is/a/1',
    created: '2023-05-01T10:00:00Z',
    target: {
      source: 'https://news.example/article',
      selector: [
        { type: 'TextPositionSelector', start: 10, end: 20 },
        { type: 'TextQuoteSelector', exact: 'the quote', prefix: 'before ', suffix: ' after' },
      ],
    },
    ...over,
  });

  it('reads an array of annotations: nested tags from tagging values, notes from any text body, sources left to match', () => {
    const data = [
      annotation({
        motivation: 'commenting',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'Places/Kabul' },
          { type: 'TextualBody', purpose: 'tagging', value: 'refugees' },
          { type: 'TextualBody', value: '<p>An <b>HTML</b> note</p>', format: 'text/html' },
        ],
      }),
      annotation({ id: 'https://hypothes.is/a/2', motivation: 'tagging', body: { type: 'TextualBody', value: 'Places' } }),
      annotation({ id: 'https://hypothes.is/a/3', bodyValue: 'A plain comment' }),
    ];
    const n = importW3C('hypothesis.json', utf8(JSON.stringify(data)), { notes: testParser });
    expect(n.sources).toEqual([]);
    expect(n.missingSources).toEqual(['https://news.example/article']);
    expect(n.highlights).toHaveLength(3);
    expect(n.highlights[0]).toMatchObject({ sourceRef: 'https://news.example/article', start: 10, end: 20, unanchorable: false });
    expect(n.highlights[0].quote).toEqual({ exact: 'the quote', prefix: 'before ', suffix: ' after' });
    expect(plain(n.highlights[0].note)).toBe('An HTML note');
    expect(plain(n.highlights[2].note)).toBe('A plain comment');
    const places = n.tags.find((t) => t.name === 'Places')!;
    expect(n.tags.find((t) => t.name === 'Kabul')).toMatchObject({ parentId: places.id, kind: 'other', color: '#f5d24a' });
    expect(n.highlights[1].tagIds).toEqual([places.id]);
    expect(n.tags).toHaveLength(3);
    expect(n.warnings.join(' ')).toMatch(/1 annotated document\(s\) are not included/);
  });

  it('reads positions counted in UTF-16 units when that is where the quote is, and a single Annotation or page', () => {
    const text = '🙂🙂 start here';
    const ours = {
      '@context': ['http://www.w3.org/ns/anno.jsonld'],
      type: 'AnnotationCollection',
      id: 'urn:x:c',
      notebook: { version: 1, title: 'T', sources: [{ id: 's1', iri: 'urn:x:s1', title: 'S', text }], tags: [] },
      first: {
        type: 'AnnotationPage',
        items: [
          annotation({ target: { source: 'urn:x:s1', selector: [{ type: 'TextPositionSelector', start: 5, end: 10 }, { type: 'TextQuoteSelector', exact: 'start' }] } }),
          annotation({ target: { source: 'urn:x:s1', selector: { type: 'TextPositionSelector', start: 3, end: 8 } } }),
          annotation({ target: { source: 'urn:x:s1', selector: { type: 'FragmentSelector', value: 'p1' } } }),
        ],
      },
    };
    const n = importW3C('mixed.jsonld', utf8(JSON.stringify(ours)));
    // 'start' is at UTF-16 offset 5 = code point 3: the file used UTF-16, and the quote says so.
    expect(n.highlights[0]).toMatchObject({ start: 5, end: 10 });
    // Code points 3..8 are UTF-16 5..10; with no quote the passage is read from the text.
    expect(n.highlights[1]).toMatchObject({ start: 5, end: 10, quote: { exact: 'start', prefix: '🙂🙂 ', suffix: ' here' } });
    expect(n.highlights).toHaveLength(2);
    expect(n.warnings.join(' ')).toMatch(/1 annotation\(s\) without a text quote/);
    const single = importW3C('one.json', utf8(JSON.stringify(annotation({}))));
    expect(single.highlights).toHaveLength(1);
    const page = importW3C('page.json', utf8(JSON.stringify({ type: 'AnnotationPage', items: [annotation({})] })));
    expect(page.highlights).toHaveLength(1);
  });
});

describe('QDPX from another tool', () => {
  const projectQde = `<?xml version="1.0" encoding="utf-8"?>
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Other tool project" origin="QualCoder">
  <qda:CodeBook><qda:Codes>
    <qda:Code guid="{11111111-1111-4111-8111-111111111111}" name="Migration" isCodable="false" color="#AbC">
      <qda:Code guid="22222222-2222-4222-8222-222222222222" name="Asylum" isCodable="true"/>
    </qda:Code>
    <qda:Code guid="33333333-3333-4333-8333-333333333333" name="No colour" isCodable="true"/>
  </qda:Codes></qda:CodeBook>
  <qda:Sources>
    <qda:TextSource guid="44444444-4444-4444-8444-444444444444" name="Inline interview">
      <qda:PlainTextContent>Q: Where? A: Over the river 🌊 at night &amp; alone.</qda:PlainTextContent>
      <qda:PlainTextSelection guid="55555555-5555-4555-8555-555555555555" startPosition="22" endPosition="35">
        <qda:Coding guid="66666666-6666-4666-8666-666666666666"><qda:CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/>
          <qda:NoteRef targetGUID="77777777-7777-4777-8777-777777777777"/></qda:Coding>
      </qda:PlainTextSelection>
      <qda:PlainTextSelection guid="88888888-8888-4888-8888-888888888888" startPosition="40" endPosition="400"/>
      <qda:Coding guid="99999999-9999-4999-8999-999999999999"><qda:CodeRef targetGUID="33333333-3333-4333-8333-333333333333"/></qda:Coding>
    </qda:TextSource>
    <qda:PDFSource guid="aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa" path="internal://x.pdf">
      <qda:PDFSelection guid="bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb" page="1" firstX="0" firstY="0" secondX="1" secondY="1"/>
    </qda:PDFSource>
  </qda:Sources>
  <qda:Notes>
    <qda:Note guid="77777777-7777-4777-8777-777777777777" name="Coding memo"><qda:PlainTextContent>Crossing at night.</qda:PlainTextContent></qda:Note>
    <qda:Note guid="cccccccc-cccc-4ccc-8ccc-cccccccccccc" name="Loose memo"><qda:PlainTextContent>Remember to ask about dates.</qda:PlainTextContent></qda:Note>
  </qda:Notes>
</qda:Project>`;
  const n = importQdpx('other.qdpx', zipSync({ 'project.qde': utf8(projectQde) }), { notes: testParser });

  it('reads prefixed elements, inline text, {braced} GUIDs, 3-digit colours and the code tree', () => {
    expect(n.title).toBe('Other tool project');
    expect(n.sources).toHaveLength(1);
    expect(n.sources[0].text).toBe('Q: Where? A: Over the river 🌊 at night & alone.');
    const migration = n.tags.find((t) => t.name === 'Migration')!;
    expect(migration).toMatchObject({ color: '#aabbcc', kind: 'theme', parentId: null });
    expect(n.tags.find((t) => t.name === 'Asylum')).toMatchObject({ parentId: migration.id });
    expect(n.tags.find((t) => t.name === 'No colour')?.color).toBe('#f5d24a');
  });

  it('turns code point selections into passages, notes on codings into highlight notes, and flags the impossible', () => {
    const [ok, outOfRange] = n.highlights;
    expect(n.sources[0].text.slice(ok.start, ok.end)).toBe('river 🌊 at ni');
    expect(ok.quote.exact).toBe('river 🌊 at ni');
    expect(plain(ok.note)).toBe('Crossing at night.');
    expect(ok.tagIds).toEqual([n.tags.find((t) => t.name === 'Asylum')!.id]);
    expect(outOfRange.unanchorable).toBe(true);
  });

  it('keeps unattached memos in the project notebook and says what it skipped', () => {
    expect(plain(n.projectNote)).toBe('Loose memo\nRemember to ask about dates.');
    const w = n.warnings.join(' ');
    expect(w).toMatch(/1 picture, PDF, audio or video source/);
    expect(w).toMatch(/1 coding\(s\) of whole documents/);
    expect(w).toMatch(/1 note\(s\) not attached/);
  });
});
