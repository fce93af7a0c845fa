/** Grouping the same statement across sources (issue 17), on the hand-labelled seed statements. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatementGrouper, type GroupItem } from '../../core/statements/grouping';
import { rankCandidates } from '../../core/statements/rank-candidates';
import { seededRandom } from '../../scripts/bench/fixtures/seeded-random';

const root = join(__dirname, '..', '..');
const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/statements/seed-statements.json'), 'utf8')) as {
  statements: Array<{ source: string; speaker: string; exact: string }>;
};
const speakerKey = (name: string) => name.split(/\s+/).pop()!.toLowerCase();

/** The refugee claim as an analyst highlights it in each outlet (one sentence, not the whole quote). */
const RT = { id: 'rt-refugees', speaker: 'putin', text: 'Terrorists are trying to penetrate the territory of the Commonwealth, including disguised as refugees' };
const EFE = { id: 'efe-refugees', speaker: 'putin', text: 'Terrorists are trying to penetrate CIS territory, including under the guise of refugees' };
const FT = { id: 'ft-refugees', speaker: 'putin', text: 'Who are these refugees? How do we know? We don’t want militants coming here under the guise of refugees' };

function corpus(): GroupItem[] {
  const items: GroupItem[] = fixture.statements
    .filter((s) => !s.exact.includes('under the guise of refugees') && !s.exact.includes('disguised as refugees'))
    .map((s, i) => ({ id: `s${String(i).padStart(3, '0')}`, speaker: speakerKey(s.speaker), text: s.exact }));
  return [...items, RT, EFE, FT];
}

function partition(g: StatementGrouper): string[] {
  return [...g.groups().values()].map((ids) => [...ids].sort().join(',')).sort();
}

describe('statement grouping', () => {
  it('puts the RT and EFE refugee passages in one group and offers the FT passage as related', () => {
    const g = new StatementGrouper();
    for (const item of corpus()) g.add(item);
    expect(g.groupOf('rt-refugees')).toBe(g.groupOf('efe-refugees'));
    expect(g.groupOf('ft-refugees')).not.toBe(g.groupOf('rt-refugees'));
    expect(g.related('rt-refugees').map((r) => r.id)).toContain('ft-refugees');
  });

  it('keeps one utterance one group: the same words said two months apart are related, not grouped', () => {
    const g = new StatementGrouper();
    g.add({ ...RT, date: '2021-10-15' });
    g.add({ ...EFE, date: '2021-10-15' });
    g.add({ id: 'ft-short', speaker: 'putin', text: 'We don’t want militants coming here under the guise of refugees', date: '2021-08-22' });
    expect(g.groupOf('rt-refugees')).toBe(g.groupOf('efe-refugees'));
    expect(g.groupOf('ft-short')).not.toBe(g.groupOf('rt-refugees'));
    expect(g.related('rt-refugees').map((r) => r.id)).toEqual(['ft-short']);
  });

  it('never mixes speakers in a group', () => {
    const g = new StatementGrouper();
    const items = corpus();
    for (const item of items) g.add(item);
    const speakerOf = new Map(items.map((i) => [i.id, i.speaker]));
    for (const ids of g.groups().values()) expect(new Set(ids.map((id) => speakerOf.get(id))).size).toBe(1);
    // Two speakers saying the same words stay apart.
    g.add({ id: 'lavrov-copy', speaker: 'lavrov', text: EFE.text });
    expect(g.groupOf('lavrov-copy')).not.toBe(g.groupOf('efe-refugees'));
  });

  it('is incremental and independent of the order statements arrive in', () => {
    const items = corpus();
    const a = new StatementGrouper();
    for (const item of items) a.add(item);
    const b = new StatementGrouper();
    for (const item of [...items].reverse()) b.add(item);
    expect(partition(b)).toEqual(partition(a));
    // Adding one statement leaves every other group as it was.
    const before = partition(a);
    a.add({ id: 'zz-new', speaker: 'putin', text: 'Terrorists try to infiltrate CIS territory disguised as refugees' });
    expect(a.groupOf('zz-new')).toBe(a.groupOf('rt-refugees'));
    const after = partition(a).filter((p) => !p.includes('zz-new'));
    expect(after).toEqual(before.filter((p) => !p.includes('rt-refugees')));
  });

  it('keeps groups chosen by hand: a merge holds unlike wordings, a split takes one out', () => {
    const g = new StatementGrouper();
    for (const item of corpus()) g.add(item);
    g.add({ ...FT, manualKey: 'refugee-claim' });
    g.add({ ...RT, manualKey: 'refugee-claim' });
    expect(g.groupOf('ft-refugees')).toBe(g.groupOf('rt-refugees'));
    g.add({ ...EFE, manualKey: 'solo-efe' });
    expect(g.groupOf('efe-refugees')).not.toBe(g.groupOf('rt-refugees'));
    g.remove('rt-refugees');
    expect(g.groups().get('m:refugee-claim')).toEqual(['ft-refugees']);
  });

  it('lists what it groups on the labelled seeds (printed for the report)', () => {
    const g = new StatementGrouper();
    const items = corpus();
    for (const item of items) g.add(item);
    const text = new Map(items.map((i) => [i.id, i.text]));
    const multi = [...g.groups().values()].filter((ids) => ids.length > 1);
    console.log(`${items.length} statements, ${g.groups().size} groups, ${multi.length} with more than one statement:\n` + multi.map((ids) => ids.map((id) => `  - ${text.get(id)!.slice(0, 90).replace(/\n/g, ' ')}`).join('\n')).join('\n  --\n'));
    expect(multi.length).toBeGreaterThanOrEqual(1);
  });

  it('ranks candidates as a stable sort by bands shared would, keeping those met in two bands or more, at most 40', () => {
    const random = seededRandom(5);
    for (let k = 0; k < 500; k++) {
      const touched = Array.from({ length: Math.floor(random() * 90) }, (_, i) => i * 3);
      const counts = new Uint16Array(300);
      for (const t of touched) counts[t] = 1 + Math.floor(random() * (random() < 0.5 ? 4 : 32));
      const out = new Int32Array(40);
      const n = rankCandidates(touched, counts, out);
      const expected = touched.filter((t) => counts[t] >= 2).sort((a, b) => counts[b] - counts[a]).slice(0, 40);
      expect(Array.from(out.subarray(0, n))).toEqual(expected);
    }
  });

  it('groups a speaker again after a removal as a fresh grouping of what is left would, with keys reused from removed statements', () => {
    const random = seededRandom(23);
    const claims = ['terrorists try to enter CIS territory disguised as refugees', 'drug traffickers cross the southern border in small groups', 'militants plan to spread into Central Asia', 'the buildup of forces is visible on the border'];
    const extra = ['today', 'again', 'really', 'now', 'clearly'];
    const items: GroupItem[] = [];
    for (let i = 0; i < 120; i++) {
      // Repeated wordings (the same set of lemmas, so the same band keys) under two speakers.
      const words = `${claims[Math.floor(random() * claims.length)]} ${extra[Math.floor(random() * extra.length)]}`.split(' ');
      if (random() < 0.5) words.reverse();
      items.push({ id: `i${String(i).padStart(3, '0')}`, speaker: i % 2 ? 'putin' : 'lavrov', text: words.join(' '), date: '2021-10-15' });
    }
    const g = new StatementGrouper();
    for (const item of items) g.add(item);
    const gone = new Set(['i001', 'i007', 'i051']);
    for (const id of gone) g.remove(id);
    // Putin's statements were added again (in their order) after each removal: a fresh grouping of them in that order.
    const fresh = new StatementGrouper();
    for (const item of items) if (item.speaker === 'putin' && !gone.has(item.id)) fresh.add(item);
    const putin = (x: StatementGrouper) => partition(x).filter((p) => p.split(',').some((id) => Number(id.slice(1)) % 2 === 1));
    expect(putin(g)).toEqual(putin(fresh));
    expect(putin(g).length).toBeGreaterThan(1);
    for (const id of ['i002', 'i003']) expect(g.groupOf(id)).toMatch(/^g:i\d{3}$/);
  });

  it('adds many at once with the groups of adding them one by one, replacements and repeated ids included', () => {
    const random = seededRandom(31);
    const words = 'terrorists try enter CIS territory disguised refugees drug traffickers cross southern border small groups militants plan spread Central Asia'.split(' ');
    const items: GroupItem[] = [];
    for (let i = 0; i < 1500; i++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 5) }, () => words[Math.floor(random() * words.length)]).join(' ');
      // Some ids again (a changed statement), some without words, some in a group chosen by hand, dates a few days apart.
      const id = random() < 0.1 && i > 0 ? `x${Math.floor(random() * i)}` : `x${i}`;
      const item: GroupItem = { id, speaker: `sp${Math.floor(random() * 3)}`, text: random() < 0.02 ? 'the of and' : text, date: `2021-10-${String(10 + Math.floor(random() * 9))}` };
      if (random() < 0.03) item.manualKey = 'k1';
      items.push(item);
    }
    const one = new StatementGrouper();
    for (const item of items) one.add(item);
    const many = new StatementGrouper();
    many.addAll(items.slice(0, 700));
    many.addAll(items.slice(700));
    expect(partition(many)).toEqual(partition(one));
    expect(partition(one).filter((p) => p.includes(',')).length).toBeGreaterThan(10);
    for (const item of items.slice(0, 50)) expect(many.groupOf(item.id)).toBe(one.groupOf(item.id));
  });
});
