/**
 * Attribution suggestions against the hand-labelled statements of the five seed articles (issue 17):
 * precision >= 0.85 and recall >= 0.75 for (span, speaker) pairs. The figures are printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFurniture } from '../../core/furniture';
import { findQuotes, suggestAttributions, type AttributionSuggestion } from '../../core/statements/attribution';
import { resolveDateSaid } from '../../core/statements/dates';

interface Label {
  source: string;
  speaker: string;
  exact: string;
}

const root = join(__dirname, '..', '..');
const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/statements/seed-statements.json'), 'utf8')) as { statements: Label[] };
const manifest = JSON.parse(readFileSync(join(root, 'seeds/manifest.json'), 'utf8')) as {
  sources: Array<{ file: string; date: string; furnitureLines: string[]; publisher: string }>;
};

const surname = (name: string) => name.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** The criterion of the fixture: same speaker (by surname), spans overlapping by half the longer one. */
const matches = (s: { start: number; end: number; speakerName: string }, l: { start: number; end: number; speaker: string }) =>
  surname(s.speakerName) === surname(l.speaker) && overlap(s, l) >= 0.5 * Math.max(s.end - s.start, l.end - l.start);

function evaluate() {
  const rows: Array<{ source: string; labels: number; suggested: number; tp: number }> = [];
  const misses: string[] = [];
  const wrong: string[] = [];
  let labelsTotal = 0;
  let suggestedTotal = 0;
  let tpSuggested = 0;
  let tpLabels = 0;
  for (const src of manifest.sources) {
    const text = readFileSync(join(root, 'seeds', src.file), 'utf8');
    const labels = fixture.statements
      .filter((l) => l.source === src.file)
      .map((l) => {
        const start = text.indexOf(l.exact);
        if (start < 0) throw new Error(`fixture: "${l.exact.slice(0, 60)}" is not in ${src.file}`);
        return { ...l, start, end: start + l.exact.length };
      });
    const suggestions: AttributionSuggestion[] = suggestAttributions(text, src.date, { furniture: detectFurniture(text, src.furnitureLines) });
    const tpS = suggestions.filter((s) => labels.some((l) => matches(s, l)));
    const tpL = labels.filter((l) => suggestions.some((s) => matches(s, l)));
    for (const l of labels) if (!tpL.includes(l)) misses.push(`${src.file.slice(0, 3)} ${l.speaker}: ${l.exact.slice(0, 70)}`);
    for (const s of suggestions) if (!tpS.includes(s)) wrong.push(`${src.file.slice(0, 3)} ${s.speakerName} [${s.cue}]: ${s.text.slice(0, 70)}`);
    rows.push({ source: src.publisher.split(' (')[0], labels: labels.length, suggested: suggestions.length, tp: tpL.length });
    labelsTotal += labels.length;
    suggestedTotal += suggestions.length;
    tpSuggested += tpS.length;
    tpLabels += tpL.length;
  }
  return { rows, misses, wrong, precision: tpSuggested / suggestedTotal, recall: tpLabels / labelsTotal, labelsTotal, suggestedTotal };
}

describe('attribution suggestions on the seeds', () => {
  it('labels at least 40 statements, each found in its article', () => {
    expect(fixture.statements.length).toBeGreaterThanOrEqual(40);
  });

  it('reaches precision >= 0.85 and recall >= 0.75 for (span, speaker) pairs', () => {
    const r = evaluate();
    const table = [
      '| source | labelled | suggested | labels found |',
      '| --- | ---: | ---: | ---: |',
      ...r.rows.map((x) => `| ${x.source} | ${x.labels} | ${x.suggested} | ${x.tp} |`),
      `| **all** | ${r.labelsTotal} | ${r.suggestedTotal} | ${Math.round(r.recall * r.labelsTotal)} |`,
      '',
      `precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`,
    ].join('\n');
    console.log(`${table}\n\nmissed:\n  ${r.misses.join('\n  ')}\n\nnot in the fixture:\n  ${r.wrong.join('\n  ')}`);
    expect(r.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.recall).toBeGreaterThanOrEqual(0.75);
  });

  it('resolves "the Russian leader" and "he" to Putin and dates "on Sunday" against the publication date', () => {
    const ft = manifest.sources.find((s) => s.file.startsWith('003'))!;
    const text = readFileSync(join(root, 'seeds', ft.file), 'utf8');
    const s = suggestAttributions(text, ft.date).find((x) => x.text.startsWith('So they [refugees]'));
    expect(s?.speakerName).toBe('Vladimir Putin');
    expect(s?.dateSaid).toBe('2021-08-22');
    expect(s?.mode).toBe('direct');
    const rt = manifest.sources.find((x) => x.file.startsWith('000'))!;
    const rtText = readFileSync(join(root, 'seeds', rt.file), 'utf8');
    const first = suggestAttributions(rtText, rt.date, { furniture: detectFurniture(rtText, rt.furnitureLines) }).find((x) => x.text.startsWith('The situation calls'));
    expect(first?.speakerName).toBe('Vladimir Putin');
    expect(first?.occasion).toMatch(/online meeting of the Council of Heads of State/);
  });

  it('resolves relative dates', () => {
    expect(resolveDateSaid('he said on Friday', '2022-04-29')).toBe('2022-04-29');
    expect(resolveDateSaid('said the day before', '2021-08-23')).toBe('2021-08-22');
    expect(resolveDateSaid('during the last conversation on August 18', '2021-08-23')).toBe('2021-08-18');
    expect(resolveDateSaid('in September during a press conference', '2021-10-15')).toBe('2021-09');
    expect(resolveDateSaid('at the end of last year', '2022-04-29')).toBe('2021');
    expect(resolveDateSaid('he said', '')).toBe('');
  });

  it('bounds hostile input: unbalanced quotes and a megabyte of text', () => {
    expect(findQuotes('“a “b “c')).toEqual([]);
    const big = 'He said that x. '.repeat(60_000) + '“'.repeat(1000);
    const out = suggestAttributions(big, '2021-01-01', { mentions: [] });
    expect(Array.isArray(out)).toBe(true);
  });
});
