import { describe, expect, it } from 'vitest';
import { exportHtmlReport } from '../../core/export/html-report';
import type { NotebookSnapshot } from '../../core/model';
import { fixtureSnapshot, note, testFormatter } from './export-fixture';

const snapshot = fixtureSnapshot();
const html = exportHtmlReport(snapshot, testFormatter);

describe('HTML report', () => {
  it('is one self-contained file: no scripts, no stylesheets, fonts or images to fetch', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio)\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain('@media print');
  });

  it('has a title page and a legend with every tag, its colour and kind', () => {
    expect(html).toContain(`<h1>${'Afghanistan &amp; Central Asia — notebook'}</h1>`);
    const count = snapshot.sources.reduce((n, s) => n + s.highlights.length, 0);
    expect(html).toContain(`${snapshot.sources.length} sources · ${count} highlights · ${snapshot.tags.length} tags`);
    for (const t of snapshot.tags) expect(html).toContain(`background: ${t.color}`);
    expect(html).toContain('Terrorism &amp; &quot;extremism&quot; <span class="kind">(theme)</span>');
  });

  it('marks highlights in context, numbered, with overlaps shown, and notes beside them', () => {
    const s0 = snapshot.sources[0];
    expect(html).toContain(`<h2>${s0.meta.title}</h2>`);
    const marks = html.match(/<mark /g) ?? [];
    expect(marks.length).toBeGreaterThanOrEqual(14);
    expect(html).toMatch(/<mark class="overlap"[^>]*title="Highlight \d+, \d+">/);
    expect(html).toMatch(/<mark[^>]*>anti-drug sectors<\/mark><sup class="ref">\d+<\/sup>/);
    expect(html).toContain('<div class="body"><p>Drugs and terrorism are framed together.</p>');
    expect(html).toContain('the border 🇦🇫→🇹🇯 at dawn</mark>');
    expect(html).toContain('Highlights no longer found in the text');
    expect(html).toContain('<h2>Project notebook</h2>');
  });

  it('escapes everything taken from the notebook, so imported text can never become markup', () => {
    const hostile: NotebookSnapshot = {
      ...snapshot,
      title: '<script>alert(1)</script>',
      tags: [{ ...snapshot.tags[0], name: '<img src=x onerror=alert(1)>', color: 'red;background:url(http://x)' }],
      sources: [
        {
          ...snapshot.sources[0],
          meta: { ...snapshot.sources[0].meta, title: '<iframe src="http://evil">' },
          text: 'Plain <script>alert(2)</script> text',
          highlights: [],
          note: note('<b>bold?</b>'),
        },
      ],
    };
    const out = exportHtmlReport(hostile, testFormatter);
    expect(out).not.toMatch(/<script|<iframe|<img|url\(/i);
    expect(out).toContain('Plain &lt;script&gt;alert(2)&lt;/script&gt; text');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('HTML report: references and tags a reader can tell apart', () => {
  it('gives highlights that end at the same place one reference, "n, m", never two numbers run together', () => {
    const snap = fixtureSnapshot();
    const source = snap.sources[0];
    const base = source.highlights.find((h) => !h.orphan && h.end - h.start > 6)!;
    source.highlights.push({ ...base, id: 'h-same-end', start: base.start + 3, tagIds: [] });
    const out = exportHtmlReport(snap, testFormatter);
    expect(out).toMatch(/<sup class="ref">\d+,\u2009\d+<\/sup>/);
    expect(out).not.toMatch(/<\/sup><sup class="ref">/);
  });

  it('prints a note card\'s tags as chips in their colours', () => {
    const tagged = snapshot.sources.flatMap((s) => s.highlights).find((h) => !h.orphan && h.tagIds.length > 1)!;
    const tag = snapshot.tags.find((t) => t.id === tagged.tagIds[0])!;
    expect(html).toContain(`<span class="tag-chip" style="--t: ${tag.color}">`);
    expect(html).toMatch(/<span class="tags"><span class="tag-chip"[^>]*>[^<]+<\/span> <span class="tag-chip"/);
  });
});
