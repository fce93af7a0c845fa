import { describe, expect, it } from 'vitest';
import { blockId, escapeMarkdown, exportMarkdown, nestHeadings, obsidianTag, safeFileName } from '../../core/export/markdown';
import type { NoteFormatter } from '../../core/export/common';
import type { NoteDoc } from '../../core/model';
import { noteToHtml, noteToMarkdown, noteToPlainText } from '../../core/notes/markdown';
import { fixtureSnapshot, testFormatter } from './export-fixture';
import { doc, h, p, t } from './notes-fixtures';

const snapshot = fixtureSnapshot();
const files = exportMarkdown(snapshot, testFormatter);
const fileOf = (title: string) => files.find((f) => f.path === `${safeFileName(title)}.md`)!;
const s0 = snapshot.sources.find((s) => s.meta.id === 'seed-000')!;
const s4 = snapshot.sources.find((s) => s.meta.id === 'seed-004')!;

function frontMatter(content: string): string {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!m) throw new Error('no front matter');
  return m[1];
}

describe('Markdown export (Obsidian)', () => {
  it('writes one file per source plus the project file, with safe unique names', () => {
    expect(files).toHaveLength(snapshot.sources.length + 1);
    expect(new Set(files.map((f) => f.path.toLowerCase())).size).toBe(files.length);
    for (const f of files) expect(f.path).toMatch(/^[^\\/:*?"<>|#^[\]]+\.md$/);
    expect(files[0].path).toBe('Afghanistan & Central Asia — notebook.md');
    expect(safeFileName('Putin: the situation / risks?')).toBe('Putin the situation risks');
  });

  it('opens each source with YAML front matter: title, publisher, date, tags, original file', () => {
    const fm = frontMatter(fileOf(s0.meta.title).content);
    expect(fm).toContain(`title: ${JSON.stringify(s0.meta.title)}`);
    expect(fm).toContain('publisher: "RT"');
    expect(fm).toContain('date: 2021-10-15');
    expect(fm).toContain('original_file: "000_fef7c3c830cc015c.txt"');
    expect(fm).toMatch(/tags:\n(  - ".*"\n)*  - "Actors\/Vladimir-Putin"/);
    expect(fm).toContain('  - "Places/Central-Asia-CIS"');
  });

  it('writes the source notebook, then each highlight in reading order as a quote with its block id, #tags and note', () => {
    const content = fileOf(s0.meta.title).content;
    const notebook = content.indexOf('Main statement by Putin on the CIS.');
    const highlights = content.indexOf('## Highlights');
    expect(notebook).toBeGreaterThan(0);
    expect(notebook).toBeLessThan(highlights);
    const anchored = [...s0.highlights].filter((h) => !h.orphan).sort((a, b) => a.start - b.start || b.end - a.end);
    const positions = anchored.map((h) => content.indexOf(`\n^${blockId(h.id)}\n`));
    expect(positions.every((p) => p > highlights)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The quote right above its block id (a blank line between, as Obsidian wants for quotes).
    const putin = anchored.find((h) => h.quote.exact === 'Vladimir Putin')!;
    expect(content).toContain(`> Vladimir Putin\n\n^${putin.id}\n\n#Actors/Vladimir-Putin #Actors`);
    const noted = anchored.find((h) => h.quote.exact === 'anti-drug sectors')!;
    expect(content).toContain(`^${noted.id}\n\n#Drugs\n\nDrugs and terrorism are framed together.\n\nSecond paragraph with 🙂 emoji.`);
    // The orphan comes last, in its own section.
    expect(content.indexOf('## Highlights no longer found in the text')).toBeGreaterThan(Math.max(...positions));
  });

  it('links citations to block ids, within the file and across files', () => {
    const cited = s0.highlights.find((h) => h.quote.exact.startsWith('terrorist groups, including'))!;
    const other = fileOf(s4.meta.title).content;
    const target = `${encodeURIComponent(safeFileName(s0.meta.title) + '.md')}#^${cited.id}`;
    expect(other).toContain(`](${target})`);
    const combined = exportMarkdown(snapshot, testFormatter, { layout: 'combined' });
    expect(combined).toHaveLength(1);
    expect(combined[0].content).toContain(`](#^${cited.id})`);
    expect(combined[0].content).toContain(`\n^${cited.id}\n`);
  });

  it('makes the project notebook a file that links to every source', () => {
    const project = files[0].content;
    expect(frontMatter(project)).toContain(`title: ${JSON.stringify(snapshot.title)}`);
    for (const s of snapshot.sources) expect(project).toContain(`- [[${safeFileName(s.meta.title)}]]`);
    expect(project).toContain('Project notebook: Russia frames Afghanistan as a security risk.');
  });

  it('writes nested tags as #parent/child and escapes text that Markdown would read as syntax', () => {
    expect(obsidianTag(['Places', 'Afghanistan', 'Northern Afghanistan'])).toBe('Places/Afghanistan/Northern-Afghanistan');
    expect(obsidianTag(['Terrorism & "extremism"'])).toBe('Terrorism-extremism');
    expect(obsidianTag(['2021'])).toBe('_2021');
    expect(escapeMarkdown('#MeToo and *stars* [link](x) ^block')).toBe('\\#MeToo and \\*stars\\* \\[link\\](x) \\^block');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    const emoji = files.find((f) => f.path.startsWith('Border crossing diary'))!.content;
    expect(emoji).toContain('> the border 🇦🇫→🇹🇯 at dawn\n\n^');
    expect(emoji).toContain('> "We have nowhere else to go," said one 👩‍👧');
  });
});

describe('Markdown export: a note keeps its heading levels under the heading it is placed below', () => {
  const formatter: NoteFormatter = { toMarkdown: (d, link) => noteToMarkdown(d, { citationLink: link }), toPlainText: noteToPlainText, toHtml: noteToHtml };
  const withHeadings = fixtureSnapshot();
  withHeadings.projectNote = doc(h(1, t('Findings')), p(t('Text.')), h(2, t('Drugs')), p(t('More.'))) as NoteDoc;
  withHeadings.sources[0].note = doc(h(1, t('Reading')), p(t('First.')), h(3, t('Detail'))) as NoteDoc;
  const headings = (content: string) => content.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => /^#+/.exec(l)![0].length);

  it('moves a note heading one level below its parent, per source file, in the project file and combined', () => {
    for (const layout of ['per-source', 'combined'] as const) {
      for (const file of exportMarkdown(withHeadings, formatter, { layout })) {
        const levels = headings(file.content);
        expect(levels.filter((l) => l === 1), file.path).toHaveLength(1);
        expect(levels[0]).toBe(1);
      }
    }
    const project = exportMarkdown(withHeadings, formatter)[0].content;
    expect(project).toContain('## Notebook\n\n### Findings\n\nText.\n\n#### Drugs');
    const combined = exportMarkdown(withHeadings, formatter, { layout: 'combined' })[0].content;
    expect(combined).toContain('## Project notebook\n\n### Findings');
    expect(combined).toContain('### Notebook\n\n#### Reading\n\nFirst.\n\n###### Detail');
  });

  it('leaves fenced code alone and stops at six levels', () => {
    expect(nestHeadings('# A\n```\n# not a heading\n```\n###### F', 2)).toBe('### A\n```\n# not a heading\n```\n###### F');
    expect(nestHeadings('#hashtag and \\# text', 2)).toBe('#hashtag and \\# text');
  });
});
