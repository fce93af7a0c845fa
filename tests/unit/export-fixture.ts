import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeRange } from '../../core/anchoring/describe';
import type { NoteFormatter } from '../../core/export/common';
import { contentHash, type NoteParser } from '../../core/import/model';
import type { Highlight, NotebookSnapshot, NoteDoc, Tag } from '../../core/model';

/**
 * The notebook the export and import tests share: the five seed articles (byte for byte) plus a short text full of
 * emoji, a tag tree three levels deep with every kind, and highlights that overlap, carry several tags, notes with
 * citations, and one orphan.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The published schemas the exports are checked against, copied into the repository (see tests/conformance/README.md). */
const CONFORMANCE = `${root}tests/conformance/`;
export const WEB_ANNOTATION_DIR = `${CONFORMANCE}web-annotation/`;
export const REFI_QDA_DIR = `${CONFORMANCE}refi-qda/`;

// ---------------------------------------------------------------------------------------------------------------
// A tiny note formatter over ProseMirror JSON: paragraphs, text, hard breaks and block citations.

interface Node {
  type: string;
  text?: string;
  content?: Node[];
  attrs?: Record<string, unknown>;
}

const inline = (n: Node): string =>
  n.type === 'text' ? (n.text ?? '') : n.type === 'hard_break' ? '\n' : (n.content ?? []).map(inline).join('');

function blocks(doc: NoteDoc, render: (n: Node) => string): string {
  return ((doc.content ?? []) as Node[])
    .map(render)
    .filter((b) => b !== '')
    .join('\n\n');
}

const citationPlain = (a: Record<string, unknown>): string => `“${String(a.quote)}” — ${String(a.sourceTitle)}`;
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const testFormatter: NoteFormatter = {
  toPlainText: (doc) => blocks(doc, (n) => (n.type === 'citation' ? citationPlain(n.attrs ?? {}) : inline(n))),
  toMarkdown: (doc, link) =>
    blocks(doc, (n) => {
      if (n.type !== 'citation') return inline(n);
      const a = n.attrs ?? {};
      const target = { highlightId: String(a.highlightId), sourceId: String(a.sourceId), sourceTitle: String(a.sourceTitle) };
      return `“${String(a.quote)}” — [${String(a.sourceTitle)}](${link ? link(target) : '#'})`;
    }),
  toHtml: (doc) =>
    blocks(doc, (n) =>
      n.type === 'citation'
        ? `<blockquote>${escapeHtml(citationPlain(n.attrs ?? {}))}</blockquote>`
        : `<p>${escapeHtml(inline(n))}</p>`,
    ),
};

/** Markdown back to a note: links become their text (what a real Markdown parser shows), paragraphs as paragraphs. */
export const testParser: NoteParser = {
  fromPlainText: (text) => paragraphs(text),
  fromMarkdown: (md) => paragraphs(md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')),
};

function paragraphs(text: string): NoteDoc {
  return {
    type: 'doc',
    content: text
      .split(/\n{2,}/)
      .filter((p) => p.trim())
      .map((p) => ({
        type: 'paragraph',
        content: p.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hard_break' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
      })),
  };
}

export function note(...parts: Array<string | { cite: Highlight; title: string }>): NoteDoc {
  return {
    type: 'doc',
    content: parts.map((p) =>
      typeof p === 'string'
        ? { type: 'paragraph', content: [{ type: 'text', text: p }] }
        : {
            type: 'citation',
            attrs: { highlightId: p.cite.id, sourceId: p.cite.sourceId, quote: p.cite.quote.exact, sourceTitle: p.title, tags: [], deleted: false },
          },
    ),
  };
}

export const plain = (doc: NoteDoc | null | undefined): string => (doc ? testFormatter.toPlainText(doc) : '');

// ---------------------------------------------------------------------------------------------------------------
// The snapshot

interface ManifestSource {
  file: string;
  title: string;
  publisher: string;
  date: string;
  originalFile: string;
}

const T0 = '2024-03-01T09:00:00.000Z';

function tag(id: string, name: string, kind: Tag['kind'], color: string, parentId: string | null, extra: Partial<Tag> = {}): Tag {
  return { id, name, kind, color, parentId, description: '', aliases: [], createdAt: T0, ...extra };
}

export const TAGS: Tag[] = [
  tag('t-actors', 'Actors', 'other', '#9aa5b1', null, { description: 'Who says and does what.' }),
  tag('t-putin', 'Vladimir Putin', 'person', '#e76f51', 't-actors', { aliases: ['Putin', 'the Russian leader'] }),
  tag('t-csto', 'CSTO', 'organisation', '#2a9d8f', 't-actors', {
    description: 'Collective Security Treaty Organization',
    aliases: ['Collective Security Treaty Organization'],
  }),
  tag('t-taliban', 'Taliban', 'group', '#6d597a', 't-actors'),
  tag('t-places', 'Places', 'place', '#577590', null),
  tag('t-afghanistan', 'Afghanistan', 'place', '#43aa8b', 't-places'),
  tag('t-asia', 'Central Asia / CIS', 'place', '#90be6d', 't-places'),
  tag('t-north', 'Northern Afghanistan', 'place', '#f9c74f', 't-afghanistan'),
  tag('t-terror', 'Terrorism & "extremism"', 'theme', '#f94144', null, { description: 'Line one.\nLine two <with> markup & more.' }),
  tag('t-refugees', 'Refugees', 'theme', '#f8961e', null),
  tag('t-drugs', 'Drugs', 'theme', '#8d99ae', null),
  tag('t-border', 'Border security', 'theme', '#277da1', null),
];

/** A short article full of astral characters, so UTF-16 and code point offsets differ all the way through. */
export const EMOJI_TEXT =
  'Refugees 🚶‍♀️🚶 crossed the border 🇦🇫→🇹🇯 at dawn.\n\n' +
  'Officials 👮🏽 said 2,000 people 😟 waited near Termez 📍 for days.\n\n' +
  '"We have nowhere else to go," said one 👩‍👧, holding a bag of bread 🍞.';

function at(text: string, phrase: string, occurrence = 0): number {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) {
    i = text.indexOf(phrase, i + 1);
    if (i < 0) throw new Error(`fixture: "${phrase}" not found`);
  }
  return i;
}

let counter = 0;
function hl(sourceId: string, text: string, phrase: string, tagIds: string[], extra: Partial<Highlight> = {}, occurrence = 0): Highlight {
  const start = at(text, phrase, occurrence);
  const d = describeRange(text, start, start + phrase.length);
  counter++;
  const stamp = `2024-03-${String(2 + (counter % 20)).padStart(2, '0')}T10:${String(counter % 60).padStart(2, '0')}:00.000Z`;
  return {
    id: `h-${sourceId.slice(0, 3)}${String(counter).padStart(4, '0')}`,
    sourceId,
    start: d.start,
    end: d.end,
    quote: d.quote,
    tagIds,
    note: null,
    orphan: false,
    createdAt: stamp,
    modifiedAt: stamp.replace('T10', 'T11'),
    ...extra,
  };
}

export function seedSources(): ManifestSource[] {
  const manifest = JSON.parse(readFileSync(`${root}seeds/manifest.json`, 'utf8')) as { sources: ManifestSource[] };
  return manifest.sources;
}

export function seedTextOf(file: string): string {
  return readFileSync(`${root}seeds/${file}`, 'utf8');
}

/** The fixture notebook (a fresh copy each call). */
export function fixtureSnapshot(): NotebookSnapshot {
  counter = 0;
  const sources: NotebookSnapshot['sources'] = [];
  const manifest = seedSources();
  const byPrefix = (p: string): ManifestSource => manifest.find((s) => s.file.startsWith(p)) as ManifestSource;
  const meta = (m: ManifestSource, id: string, text: string) => ({
    id,
    title: m.title,
    publisher: m.publisher,
    date: m.date,
    originalFile: m.originalFile,
    contentHash: contentHash(text),
    addedAt: T0,
    furniture: [] as Array<[number, number]>,
  });

  // 000: overlapping and nested highlights, several tags, notes.
  const m0 = byPrefix('000');
  const t0 = seedTextOf(m0.file);
  const s0 = 'seed-000';
  const h0a = hl(s0, t0, 'the concentration of extremist and terrorist groups', ['t-terror']);
  const h0b = hl(s0, t0, 'terrorist groups, including ISIS *, the Islamic Movement of Uzbekistan', ['t-terror', 't-asia']);
  const h0c = hl(s0, t0, 'Russian President Vladimir Putin', ['t-putin'], { note: note('Putin speaks at the CIS summit.') });
  const h0d = hl(s0, t0, 'Vladimir Putin', ['t-putin', 't-actors']);
  const h0e = hl(s0, t0, 'anti-drug sectors', ['t-drugs'], {
    note: note('Drugs and terrorism are framed together.', 'Second paragraph with 🙂 emoji.'),
  });
  const orphan = hl(s0, t0, 'Al-Qaeda', ['t-terror'], {
    orphan: true,
    quote: { exact: 'a passage that was later deleted from the article', prefix: 'before ', suffix: ' after' },
    note: note('This passage is gone from the text.'),
  });
  sources.push({ meta: meta(m0, s0, t0), text: t0, highlights: [h0a, h0b, h0c, h0d, h0e, orphan], note: note('Main statement by Putin on the CIS.') });

  // 004: the CSTO session, a highlight with a hostile-looking quote for CSV and Markdown.
  const m4 = byPrefix('004');
  const t4 = seedTextOf(m4.file);
  const s4 = 'seed-004';
  const h4a = hl(s4, t4, 'Collective Security Treaty Organization (CSTO)', ['t-csto']);
  const h4b = hl(s4, t4, 'Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan', ['t-csto', 't-asia'], {
    note: note('Members listed; compare with', { cite: h0b, title: m0.title }),
  });
  sources.push({ meta: meta(m4, s4, t4), text: t4, highlights: [h4a, h4b], note: { type: 'doc', content: [{ type: 'paragraph' }] } });

  // 002 and 003: a highlight each, one untagged.
  const m2 = byPrefix('002');
  const t2 = seedTextOf(m2.file);
  const h2a = hl('seed-002', t2, 'northern Afghanistan', ['t-north', 't-afghanistan']);
  const h2b = hl('seed-002', t2, 'Islamic State (IS) alone has about 2,000 members', []);
  sources.push({ meta: meta(m2, 'seed-002', t2), text: t2, highlights: [h2a, h2b], note: note('EFE report.') });
  const m3 = byPrefix('003');
  const t3 = seedTextOf(m3.file);
  const h3a = hl('seed-003', t3, 'evacuation of refugees from Kabul', ['t-refugees', 't-afghanistan'], {
    note: note('Refugees — see also', { cite: h4a, title: m4.title }),
  });
  sources.push({ meta: meta(m3, 'seed-003', t3), text: t3, highlights: [h3a], note: { type: 'doc', content: [] } });

  // 001: no highlights at all (a source still exports and comes back).
  const m1 = byPrefix('001');
  const t1 = seedTextOf(m1.file);
  sources.push({ meta: meta(m1, 'seed-001', t1), text: t1, highlights: [], note: { type: 'doc', content: [] } });

  // The emoji text: highlights after and across astral characters; one starts with '=' for CSV.
  const se = 'emoji-src';
  const he1 = hl(se, EMOJI_TEXT, 'the border 🇦🇫→🇹🇯 at dawn', ['t-border', 't-refugees'], { note: note('Flags 🇦🇫 and 🇹🇯 in the quote.') });
  const he2 = hl(se, EMOJI_TEXT, 'people 😟 waited near Termez', ['t-refugees']);
  const he3 = hl(se, EMOJI_TEXT, '"We have nowhere else to go," said one 👩‍👧', ['t-refugees'], {
    note: note('=HYPERLINK("http://evil.example") quoted, for the CSV test.'),
  });
  sources.push({
    meta: {
      id: se,
      title: 'Border crossing diary 🚶',
      publisher: 'Field notes',
      date: '2022-01-05',
      originalFile: 'diary.md',
      contentHash: contentHash(EMOJI_TEXT),
      addedAt: T0,
      furniture: [],
    },
    text: EMOJI_TEXT,
    highlights: [he1, he2, he3],
    note: note('Written by hand at the crossing.'),
  });

  return {
    title: 'Afghanistan & Central Asia — notebook',
    exportedAt: '2024-04-01T12:00:00.000Z',
    tags: TAGS.map((t) => ({ ...t, aliases: [...t.aliases] })),
    sources,
    projectNote: note('Project notebook: Russia frames Afghanistan as a security risk.', { cite: h0c, title: m0.title }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// xmllint: CI installs libxml2-utils; a missing xmllint fails the tests (it never skips them).

export function xmllint(xmlFile: string, xsdFile: string): { ok: boolean; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdFile, xmlFile], { encoding: 'utf8' });
  if (r.error) {
    throw new Error(
      `xmllint could not be run (${r.error.message}). The REFI-QDA schema tests need it: apt-get install -y libxml2-utils`,
    );
  }
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
