import { describe, expect, it } from 'vitest';
import { anchorAll, PositionMap, reanchorAll, type AnchorableHighlight, type AnchoredHighlight } from '../../core/anchoring';
import { countOf, highlightOn, offsetOf, replaceNth, seedText, splice, splitsPair } from './anchoring-helpers';

const seed = seedText('000');
const stressed =
  '“The situation calls for stepping up joint efforts, primarily in the counter-terrorism and anti-drug sectors,” the Russian leader stressed.';

/** Highlights on several passages of seed 000, in text order. */
function seedHighlights(text = seed): AnchorableHighlight[] {
  return [
    highlightOn(text, 'The situation in Afghanistan, which carries risks for Central Asia', 0, 'intro'),
    highlightOn(text, stressed, 0, 'stressed'),
    highlightOn(text, 'the Russian leader said', 0, 'said'),
    highlightOn(text, 'the situation in Afghanistan', 3, 'situation'),
    highlightOn(text, '• Afghan refugees', 0, 'bullet'),
    highlightOn(text, 'the expert concluded', 0, 'end'),
  ];
}

function byId(r: { anchored: AnchoredHighlight[] }): Record<string, AnchoredHighlight> {
  return Object.fromEntries(r.anchored.map((a) => [a.id, a]));
}

/** Every anchored highlight's quote must describe the new text at its new range. */
function expectFreshQuotes(text: string, anchored: AnchoredHighlight[]) {
  for (const a of anchored) {
    expect(a.quote.exact).toBe(text.slice(a.start, a.end));
    expect(text.slice(a.start - a.quote.prefix.length, a.start)).toBe(a.quote.prefix);
    expect(text.slice(a.end, a.end + a.quote.suffix.length)).toBe(a.quote.suffix);
    expect(splitsPair(text, a.start) || splitsPair(text, a.end)).toBe(false);
  }
}

describe('PositionMap', () => {
  it('keeps text inserted at a highlight’s edges outside it', () => {
    const m = new PositionMap('The border was closed.', 'The northern border was closed.');
    const at = 'The '.length;
    expect(m.mapStart(at)).toBe(at + 'northern '.length);
    expect(m.mapEnd(at)).toBe(at);
    expect(m.mapStart(0)).toBe(0);
    expect(m.mapEnd(22)).toBe(31);
  });

  it('sends offsets inside deleted text to the deletion point, and across a replacement to its far edge', () => {
    const deleted = new PositionMap('The northern border was closed.', 'The border was closed.');
    expect(deleted.mapStart(6)).toBe(4);
    expect(deleted.mapEnd(6)).toBe(4);
    expect(deleted.keeps(6, 'start')).toBe(false);
    expect(deleted.keeps(20, 'start')).toBe(true);
    const replaced = new PositionMap('The northern border was closed.', 'The southern frontier was closed.');
    // A highlight on “northern border” maps onto “southern frontier”.
    expect(replaced.mapStart(4)).toBe(4);
    expect(replaced.mapEnd(19)).toBe(21);
  });

  it('lists the inserted stretches, widened and merged', () => {
    const m = new PositionMap('aaaa bbbb cccc dddd', 'aaaa XX bbbb cccc YY dddd');
    expect(m.inserted).toEqual([
      { start: 5, end: 8 },
      { start: 18, end: 21 },
    ]);
    expect(m.insertedRegions(2)).toEqual([
      { start: 3, end: 10 },
      { start: 16, end: 23 },
    ]);
    expect(m.insertedRegions(5)).toEqual([{ start: 0, end: 25 }]);
  });
});

describe('reanchorAll on a seed article', () => {
  const hs = seedHighlights();
  const at = Object.fromEntries(hs.map((h) => [h.id, h]));

  it('changes nothing when the text did not change', () => {
    const r = reanchorAll(seed, seed, hs);
    expect(r.orphans).toEqual([]);
    expect(r.anchored.map((a) => [a.id, a.start, a.end, a.method])).toEqual(hs.map((h) => [h.id, h.start, h.end, 'position']));
    expect(r.anchored.map((a) => a.quote)).toEqual(hs.map((h) => h.quote));
  });

  it('shifts every highlight after an insertion at the top, without a search', () => {
    const added = '• Editor’s note — this article was updated 🙂\n\n';
    const text = added + seed;
    const r = reanchorAll(seed, text, hs);
    expect(r.orphans).toEqual([]);
    for (const h of hs) {
      expect(byId(r)[h.id]).toMatchObject({ start: h.start + added.length, end: h.end + added.length, method: 'position' });
      expect(byId(r)[h.id].quote.exact).toBe(h.quote.exact);
    }
    // The first highlight's prefix is new: it now follows the note.
    expect(byId(r).intro.quote.prefix).toBe(added.slice(-32));
    expectFreshQuotes(text, r.anchored);
  });

  it('grows a highlight over text inserted inside it, and leaves the others in place', () => {
    const text = replaceNth(seed, 'joint efforts', 'joint and, above all, urgent efforts');
    const grown = ' and, above all, urgent'.length;
    const r = reanchorAll(seed, text, hs);
    expect(r.orphans).toEqual([]);
    expect(byId(r).stressed).toMatchObject({ start: at.stressed.start, end: at.stressed.end + grown, method: 'fuzzy' });
    expect(byId(r).intro).toMatchObject({ start: at.intro.start, end: at.intro.end, method: 'position' });
    expect(byId(r).said).toMatchObject({ start: at.said.start + grown, method: 'position' });
    expectFreshQuotes(text, r.anchored);
  });

  it('follows a word replaced inside a quote to the edited place, not to an exact copy elsewhere', () => {
    // “the Russian leader said” occurs twice; the highlighted first one is edited.
    expect(countOf(seed, 'the Russian leader said')).toBe(2);
    const text = replaceNth(seed, '”the Russian leader said, adding', '”the Russian leader stated, adding');
    const r = reanchorAll(seed, text, hs);
    expect(byId(r).said).toMatchObject({ start: at.said.start, end: at.said.end + 2, method: 'fuzzy' });
    expect(byId(r).said.quote.exact).toBe('the Russian leader stated');
    expect(byId(r).situation).toMatchObject({ start: at.situation.start + 2, method: 'position' });
  });

  it('makes a highlight whose sentence was deleted an orphan, and shifts the rest back', () => {
    const sentenceStart = at.stressed.start;
    const text = splice(seed, sentenceStart, stressed.length + 2);
    const r = reanchorAll(seed, text, hs);
    expect(r.orphans).toEqual(['stressed']);
    expect(r.anchored.map((a) => a.id)).toEqual(['intro', 'said', 'situation', 'bullet', 'end']);
    expect(byId(r).said).toMatchObject({ start: at.said.start - stressed.length - 2, method: 'position' });
    expectFreshQuotes(text, r.anchored);
  });

  it('orphans a short quote rewritten in place, though its context is intact', () => {
    const name = highlightOn(seed, 'Vladimir Putin', 0, 'name');
    expect(countOf(seed, 'Vladimir Putin')).toBeGreaterThan(1);
    const text = replaceNth(seed, 'Vladimir Putin', 'Sergei Lavrov', 0);
    const r = reanchorAll(seed, text, [...hs, name]);
    expect(r.orphans).toEqual(['name']);
  });

  it('shrinks a highlight when part of it was deleted', () => {
    const text = replaceNth(seed, ' primarily in the counter-terrorism and', ' in the');
    const r = reanchorAll(seed, text, hs);
    const removed = ' primarily in the counter-terrorism and'.length - ' in the'.length;
    expect(byId(r).stressed).toMatchObject({ start: at.stressed.start, end: at.stressed.end - removed, method: 'fuzzy' });
  });

  it('finds a passage that was moved, and one that was moved and edited', () => {
    const paragraph = `${stressed}\n\n`;
    const without = splice(seed, at.stressed.start, paragraph.length);
    const endOfText = without.length;
    const moved = `${without}\n\n${paragraph}`;
    const r = reanchorAll(seed, moved, hs);
    expect(byId(r).stressed).toMatchObject({ start: endOfText + 2, end: endOfText + 2 + stressed.length, method: 'exact' });
    expect(r.orphans).toEqual([]);

    const movedEdited = `${paragraph.replace('joint efforts', 'common efforts')}${without}`;
    const r2 = reanchorAll(seed, movedEdited, hs);
    expect(byId(r2).stressed).toMatchObject({ start: 0, end: stressed.length + 1, method: 'fuzzy' });
    expect(byId(r2).stressed.quote.exact).toBe(stressed.replace('joint', 'common'));
    expectFreshQuotes(movedEdited, r2.anchored);
  });

  it('keeps a highlight on its unchanged quote when a repeated word is typed before it', () => {
    // The diff sees “the the Russian” as “the ” + inserted “the ” + “Russian”: inside the highlight. The quote is
    // still there, intact, right after: that wins over growing the highlight.
    const text = replaceNth(seed, '”the Russian leader said, adding', '”the the Russian leader said, adding');
    const r = reanchorAll(seed, text, hs);
    expect(byId(r).said).toMatchObject({ start: at.said.start + 4, end: at.said.end + 4, method: 'exact' });
  });

  it('keeps inserted text at a highlight’s edges outside it', () => {
    const bullet = at.bullet;
    let text = splice(seed, bullet.end, 0, ' (photo)');
    text = splice(text, bullet.start, 0, '  ');
    const r = reanchorAll(seed, text, hs);
    expect(byId(r).bullet).toMatchObject({ start: bullet.start + 2, end: bullet.end + 2, method: 'position' });
  });

  it('re-anchors a re-import with straight quotes, and one in another Unicode normalisation form', () => {
    const straight = seed.replace(/[“”]/g, '"');
    const r = reanchorAll(seed, straight, hs);
    expect(r.orphans).toEqual([]);
    expect(byId(r).stressed).toMatchObject({ start: at.stressed.start, end: at.stressed.end, method: 'fuzzy' });
    expectFreshQuotes(straight, r.anchored);

    const article = `${'The mayor spoke. '.repeat(4)}Le café Noël a fermé. ${'Police were present. '.repeat(4)}`;
    const nfc = article.normalize('NFC');
    const nfd = article.normalize('NFD');
    const h = highlightOn(nfc, 'café Noël', 0, 'noel');
    const r2 = reanchorAll(nfc, nfd, [h]);
    expect(r2.anchored).toHaveLength(1);
    expect(nfd.slice(r2.anchored[0].start, r2.anchored[0].end)).toBe('café Noël'.normalize('NFD'));
  });

  it('searches the whole new text for a highlight whose offsets did not hold its quote in the old text', () => {
    // An orphan kept from an older version of the text, whose passage was since edited: the diff between the two
    // latest versions says nothing about it, and its passage is neither exact nor in inserted text.
    const orphan = { ...at.stressed, id: 'old-orphan', start: 3, end: 3 + stressed.length };
    const older = replaceNth(seed, 'joint efforts', 'common efforts');
    const text = `Preface.\n\n${older}`;
    const r = reanchorAll(older, text, [orphan]);
    expect(byId(r)['old-orphan']).toMatchObject({ start: at.stressed.start + 10, end: at.stressed.end + 11, method: 'fuzzy' });
  });

  it('returns every highlight either anchored or orphaned, in input order', () => {
    const text = splice(splice(seed, at.end.start, 5), 100, 0, 'x');
    const r = reanchorAll(seed, text, hs);
    expect([...r.anchored.map((a) => a.id), ...r.orphans].sort()).toEqual(hs.map((h) => h.id).sort());
    expect(r.anchored.map((a) => a.id)).toEqual(hs.map((h) => h.id).filter((id) => !r.orphans.includes(id)));
  });
});

describe('anchorAll (opening a source)', () => {
  it('anchors by position when nothing changed, and by quote when the stored offsets are stale', () => {
    const hs = seedHighlights();
    expect(anchorAll(seed, hs).anchored.every((a) => a.method === 'position')).toBe(true);
    const text = `New heading\n\n${seed}`.replace('joint efforts', 'common efforts');
    const r = anchorAll(text, hs);
    expect(r.orphans).toEqual([]);
    const stressedAt = offsetOf(text, '“The situation calls');
    expect(byId(r).stressed).toMatchObject({ start: stressedAt, end: stressedAt + stressed.length + 1, method: 'fuzzy' });
    expect(byId(r).end).toMatchObject({ start: hs[5].start + 14, method: 'exact' });
    expectFreshQuotes(text, r.anchored);
  });

  it('reports deleted passages as orphans', () => {
    const hs = seedHighlights();
    const text = seed.replace(stressed, '').replace('the expert concluded', 'he said');
    expect(anchorAll(text, hs).orphans).toEqual(['stressed', 'end']);
  });
});
