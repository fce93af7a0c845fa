/**
 * A large, realistic note for the editor benchmark (issue 5: typing under 16 ms per keystroke and opening in
 * 200 ms or less in a note of 50,000 words with 500 citations). Deterministic: the same arguments give the same
 * document, so runs compare.
 */
import type { NoteDoc } from '../../core/model';

const VOCABULARY = (
  'the analyst notes that regional security officials reported movement of armed groups across the northern border ' +
  'while ministers discussed refugees drugs trafficking and terrorism at the summit in Dushanbe and Moscow ' +
  'according to sources the Taliban leadership denied any link with foreign fighters but observers remain cautious ' +
  'humanitarian agencies warned of shortages as winter approaches and funding from donors declined sharply'
).split(' ');

const TAGS = ['ISIS', 'Taliban', 'Putin', 'CSTO', 'refugees', 'drugs', 'border', 'terrorism'];

/** A small linear congruential generator: deterministic and fast. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Json = Record<string, unknown>;

/**
 * `words` words of text (paragraphs of 20-70 words, a section heading every 30 blocks, some lists, bold, italic,
 * code and links; citation quotes not counted) with `citations` citations spread evenly through it.
 */
export function makeLargeNote(words: number, citations: number): NoteDoc {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const sentence = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');

  const inline = (n: number): Json[] => {
    const out: Json[] = [];
    let left = n;
    while (left > 0) {
      const take = Math.min(left, 4 + Math.floor(next() * 12));
      left -= take;
      const text = sentence(take) + (left > 0 ? ' ' : '.');
      const roll = next();
      if (roll < 0.06) out.push({ type: 'text', text, marks: [{ type: 'strong' }] });
      else if (roll < 0.1) out.push({ type: 'text', text, marks: [{ type: 'em' }] });
      else if (roll < 0.12) out.push({ type: 'text', text, marks: [{ type: 'link', attrs: { href: `https://example.org/${take}`, title: null } }] });
      else if (roll < 0.13) out.push({ type: 'text', text, marks: [{ type: 'code' }] });
      else out.push({ type: 'text', text });
    }
    return out;
  };

  const blocks: Json[] = [];
  const blockSizes: number[] = [];
  let remaining = words;
  while (remaining > 0) {
    // Every 30th block starts a section whose heading ("Section n") counts two words.
    if (blockSizes.length % 30 === 0) remaining -= 2;
    const size = Math.max(1, Math.min(remaining, 20 + Math.floor(next() * 50)));
    blockSizes.push(size);
    remaining -= size;
  }
  const citeEvery = citations > 0 ? blockSizes.length / citations : Infinity;
  let cited = 0;
  blockSizes.forEach((size, i) => {
    if (i % 30 === 0) blocks.push({ type: 'heading', attrs: { level: 1 + (i % 3) }, content: [{ type: 'text', text: `Section ${i / 30 + 1}` }] });
    if (i % 17 === 5 && size >= 3) {
      const third = Math.floor(size / 3);
      const item = (n: number) => ({ type: 'list_item', content: [{ type: 'paragraph', content: inline(n) }] });
      blocks.push({ type: i % 2 ? 'bullet_list' : 'ordered_list', ...(i % 2 ? {} : { attrs: { order: 1 } }), content: [item(third), item(third), item(size - 2 * third)] });
    } else {
      blocks.push({ type: 'paragraph', content: inline(size) });
    }
    while (cited < citations && (cited + 1) * citeEvery <= i + 1) {
      blocks.push({
        type: 'citation',
        attrs: {
          highlightId: `bench-h-${cited}`,
          sourceId: `bench-s-${cited % 5}`,
          quote: sentence(15 + (cited % 20)),
          sourceTitle: `Source ${cited % 5}: ${sentence(6)}`,
          tags: [pick(TAGS), pick(TAGS)].filter((t, j, all) => all.indexOf(t) === j),
          deleted: cited % 50 === 49,
        },
      });
      cited++;
    }
  });
  while (cited < citations) {
    blocks.push({ type: 'citation', attrs: { highlightId: `bench-h-${cited}`, sourceId: 'bench-s-0', quote: sentence(15), sourceTitle: 'Source 0', tags: [], deleted: false } });
    cited++;
  }
  return { type: 'doc', content: blocks };
}
