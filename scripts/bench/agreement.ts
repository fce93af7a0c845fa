/**
 * Issue 19: agreement over 10,000 coded units (target <= 200 ms), in Node (the backend computes it behind
 * computeAgreement). Two coders, ten codes, 10,000 sentences in 100 sources; the same corpus on paragraphs and as
 * character-level unitized alpha. Baseline, measured in the same run: the obvious evaluation, every coder's highlights
 * scanned for every unit and code, then the same statistics.
 */
import { compareCoders, type CodedHighlight, type CodedSource } from '../../core/agreement/compare';
import { agreementPerCode } from '../../core/agreement/statistics';
import { textUnits } from '../../core/agreement/units';
import { median, type Figure } from './report';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = ['border', 'refugees', 'the', 'minister', 'said', 'groups', 'security', 'aid', 'talks', 'region', 'forces', 'on', 'Friday', 'of'];

export function makeAgreementCorpus(sourceCount = 100, sentencesPerSource = 100, codes = 10): { sources: CodedSource[]; tagIds: string[] } {
  const random = rng(19);
  const tagIds = Array.from({ length: codes }, (_, i) => `t${i}`);
  const sources: CodedSource[] = [];
  for (let s = 0; s < sourceCount; s++) {
    const sentences: Array<[number, number]> = [];
    let text = '';
    for (let k = 0; k < sentencesPerSource; k++) {
      if (k > 0) text += k % 5 === 0 ? '\n' : ' ';
      const start = text.length;
      const n = 8 + Math.floor(random() * 10);
      const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]);
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      text += `${words.join(' ')}.`;
      sentences.push([start, text.length]);
    }
    const highlights: CodedHighlight[] = [];
    let id = 0;
    // Each coder codes about a third of the sentences; the second agrees with the first four times in five.
    for (const [start, end] of sentences) {
      if (random() > 0.35) continue;
      const tag = tagIds[Math.floor(random() * codes)];
      const a = start + Math.floor(random() * 4);
      highlights.push({ id: `h${s}-${id++}`, start: a, end: end - 1, tagIds: [tag], creator: 'A' });
      if (random() < 0.8) highlights.push({ id: `h${s}-${id++}`, start, end: end - Math.floor(random() * 4), tagIds: [tag], creator: 'B' });
      else highlights.push({ id: `h${s}-${id++}`, start, end, tagIds: [tagIds[Math.floor(random() * codes)]], creator: 'B' });
    }
    sources.push({ sourceId: `s${s}`, text, highlights });
  }
  return { sources, tagIds };
}

/** The baseline: per source, per unit, per coder, every highlight looked at; then core's per-code statistics. */
function naiveSentenceAgreement(sources: readonly CodedSource[], coders: readonly string[]): number {
  const perCoder: Array<Array<Set<string>>> = coders.map(() => []);
  for (const source of sources) {
    for (const unit of textUnits(source.text, 'sentence')) {
      coders.forEach((coder, k) => {
        const codes = new Set<string>();
        for (const h of source.highlights) if (h.creator === coder && h.start < unit.end && h.end > unit.start) for (const t of h.tagIds) codes.add(t);
        perCoder[k].push(codes);
      });
    }
  }
  return agreementPerCode(perCoder).length;
}

function time(run: () => void, times: number): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

export function benchAgreement(): Figure[] {
  const { sources, tagIds } = makeAgreementCorpus();
  const coders = ['A', 'B'];
  const units = sources.reduce((n, s) => n + textUnits(s.text, 'sentence').length, 0);
  const highlights = sources.reduce((n, s) => n + s.highlights.length, 0);
  compareCoders(sources, coders, tagIds, 'sentence');
  const sentence = time(() => compareCoders(sources, coders, tagIds, 'sentence'), 9);
  const paragraph = time(() => compareCoders(sources, coders, tagIds, 'paragraph'), 9);
  const character = time(() => compareCoders(sources, coders, tagIds, 'character'), 9);
  const naive = time(() => naiveSentenceAgreement(sources, coders), 3);
  const report = compareCoders(sources, coders, tagIds, 'sentence');
  const chars = sources.reduce((n, s) => n + s.text.length, 0);
  return [
    {
      issue: '#19',
      figure: `Agreement over ${units.toLocaleString('en')} coded sentences (2 coders, ${tagIds.length} codes: %, κ, α per code and overall, passages that differ)`,
      value: sentence,
      unit: 'ms',
      target: 200,
      note: `${highlights.toLocaleString('en')} highlights, ${report.disagreementCount.toLocaleString('en')} disagreements; overall α ${report.overall.alpha.toFixed(3)}; baseline (every highlight scanned per unit) ${naive.toFixed(0)} ms, ${(naive / sentence).toFixed(1)}× slower; Node`,
    },
    { issue: '#19', figure: 'Agreement over the same corpus on paragraphs', value: paragraph, unit: 'ms', target: 200, note: 'Node' },
    {
      issue: '#19',
      figure: `Unitized α over the same corpus, character level (${chars.toLocaleString('en')} characters)`,
      value: character,
      unit: 'ms',
      target: 200,
      note: 'Krippendorff 2004 uα per code and jointly; Node',
    },
  ];
}
