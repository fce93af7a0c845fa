import { describe, expect, it } from 'vitest';
import { bibtexValue, citationKeys, exportBibtex, exportCslJson, type CslItem } from '../../core/export/citations';
import { fixtureSnapshot, testFormatter } from './export-fixture';

const snapshot = fixtureSnapshot();

/** BibTeX entries by a small reader: @type{key, field = {value}, …} with braces balanced (what Zotero's importer needs). */
function readBibtex(bib: string): Array<{ type: string; key: string; fields: Record<string, string> }> {
  const out: Array<{ type: string; key: string; fields: Record<string, string> }> = [];
  const re = /@(\w+)\{([^,\s]+),\n/g;
  for (let m = re.exec(bib); m; m = re.exec(bib)) {
    const fields: Record<string, string> = {};
    let i = re.lastIndex;
    for (;;) {
      const f = /^\s*(\w+) = \{/.exec(bib.slice(i));
      if (!f) break;
      i += f[0].length;
      let depth = 1;
      let v = '';
      while (depth > 0) {
        const c = bib[i++];
        if (c === '\\') {
          v += c + bib[i++];
          continue;
        }
        if (c === '{') depth++;
        if (c === '}') depth--;
        if (depth > 0) v += c;
      }
      fields[f[1]] = v;
      if (bib[i] === ',') i++;
    }
    expect(bib.slice(i).trimStart().startsWith('}')).toBe(true);
    out.push({ type: m[1], key: m[2], fields });
  }
  return out;
}

describe('CSL-JSON and BibTeX export of sources', () => {
  it('CSL-JSON: one item per source with title, authors, container, date, URL, and the highlights as a note', () => {
    const items = JSON.parse(exportCslJson(snapshot, testFormatter)) as CslItem[];
    expect(items).toHaveLength(snapshot.sources.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const s0 = snapshot.sources.find((s) => s.meta.id === 'seed-000')!;
    const item = items[snapshot.sources.indexOf(s0)];
    expect(item).toMatchObject({ type: 'article-newspaper', title: s0.meta.title, 'container-title': 'RT', issued: { 'date-parts': [[2021, 10, 15]] } });
    const withHighlights = s0.highlights.filter((h) => !h.orphan);
    expect(item.note).toContain(`Highlights (${s0.highlights.length})`);
    for (const h of withHighlights) expect(item.note).toContain(`“${h.quote.exact.replace(/\s+/g, ' ').trim()}”`);
    expect(item.note).toMatch(/\[[^\]]*Vladimir Putin[^\]]*\]/);
  });

  it('BibTeX: balanced entries, unique keys, specials escaped, highlights in annote', () => {
    const bib = exportBibtex(snapshot, testFormatter);
    const entries = readBibtex(bib);
    expect(entries).toHaveLength(snapshot.sources.length);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    const e0 = entries[snapshot.sources.findIndex((s) => s.meta.id === 'seed-000')];
    expect(e0).toMatchObject({ type: 'article', fields: { journal: 'RT', date: '2021-10-15', year: '2021' } });
    expect(e0.fields.annote).toContain('Highlights (');
    expect(bibtexValue('50% of {x} & $y_1 #2 \\ ~^')).toBe('50\\% of \\{x\\} \\& \\$y\\_1 \\#2 \\textbackslash{} \\textasciitilde{}\\textasciicircum{}');
    expect(citationKeys([{ ...snapshot.sources[0].meta, authors: ['Jane Roe'], date: '2021-01-02', title: 'Über alles and more' }, { ...snapshot.sources[0].meta, authors: ['Jane Roe'], date: '2021-01-02', title: 'Über alles again' }])).toEqual(['roe2021uber', 'roe2021ubera']);
  });
});
