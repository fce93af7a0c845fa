import type { Highlight, NotebookSnapshot, NoteDoc, SourceMeta } from '../model';
import { snapToCodePoint } from '../text';
import { pageLabel } from '../documents/pdf-text';
import { inReadingOrder, isIsoDate, tagNamePaths, type Citation, type NoteFormatter } from './common';

/**
 * Markdown for Obsidian and similar tools. Per source: YAML front matter (title, publisher, date, tags, original
 * file), the source's notebook, then each highlight in reading order as a blockquote followed by its block id
 * (`^h-...`, on its own line as Obsidian wants for quotes), its tags as `#tags` (nested as `#parent/child`) and its
 * note. Citations in notes link to block ids: `#^h-...` within a file, `Other%20file.md#^h-...` across files.
 * The project notebook is its own file that links to every source file; or everything goes in one combined file.
 */

export interface MarkdownFile {
  /** File name (no folders), `.md`. */
  path: string;
  content: string;
}

export interface MarkdownExportOptions {
  /** 'per-source' (default): one file per source plus the project file. 'combined': one file. */
  layout?: 'per-source' | 'combined';
}

/** A file name safe on Windows, macOS and Linux and in Obsidian links (no # ^ [ ] | either). */
export function safeFileName(title: string, fallback = 'Untitled'): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|#^[\]\u0000-\u001F\u007F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const cut = cleaned.length > 100 ? cleaned.slice(0, snapToCodePoint(cleaned, 100, 'back')).trim() : cleaned;
  return cut || fallback;
}

/** An Obsidian block id: letters, digits and dashes. Our highlight ids (`h-…`) are used as they are. */
export function blockId(highlightId: string): string {
  const clean = highlightId.replace(/[^A-Za-z0-9-]/g, '-');
  return clean.startsWith('h-') ? clean : `h-${clean}`;
}

/** One tag name as an Obsidian tag segment: runs of spaces and characters tags cannot hold become one dash. */
function tagSegment(name: string): string {
  return name
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, ' ')
    .trim()
    .replace(/\s+/g, '-');
}

/** The tag as Obsidian writes it, without '#': `parent/child`. A purely numeric tag gets a leading underscore. */
export function obsidianTag(path: readonly string[]): string {
  const tag = path.map(tagSegment).filter(Boolean).join('/') || 'tag';
  return /^[\d/]+$/.test(tag) ? `_${tag}` : tag;
}

/**
 * A YAML scalar: JSON strings are valid YAML double-quoted scalars. `<` and `>` go as \u escapes (the same text to a
 * YAML reader) so that a viewer rendering the front matter as Markdown with HTML on still sees no tag.
 */
const yaml = (s: string): string => JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

/** Escapes text so Markdown (and Obsidian) show it as it is: no emphasis, links, tags, block ids or lists. */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~$&]/g, '\\$&')
    // Every '#': a heading at the start of a line ("# x"), a #tag anywhere.
    .replace(/#/g, '\\#')
    .replace(/\^/g, '\\^')
    .replace(/==/g, '=\\=')
    .replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3')
    // A line of dashes (a rule, or a setext heading's underline: the line above would become a heading, `---` lost).
    .replace(/^(\s*)([-=])(?=[-=\s]*$)/, '$1\\$2');
}

function blockquote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => (l.trim() ? `> ${escapeMarkdown(l)}` : '>'))
    .join('\n');
}

/** The href of a markdown link to a file (spaces and parentheses encoded, as Obsidian and CommonMark need). */
function fileHref(fileName: string): string {
  return encodeURIComponent(fileName).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

interface Context {
  formatter: NoteFormatter;
  paths: Map<string, string[]>;
  /** Highlight id -> the file it lives in. */
  fileOfHighlight: Map<string, string>;
}

/**
 * A note's own headings moved under the heading it is placed below (`parentLevel`): its `#` becomes
 * `parentLevel + 1`, and so on, at most `######`. Lines in fenced code blocks are left alone.
 */
export function nestHeadings(markdown: string, parentLevel: number): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f) {
        if (!fence) fence = f[1];
        else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
        return line;
      }
      if (fence) return line;
      const m = /^ {0,3}(#{1,6})(?=\s|$)(.*)$/.exec(line);
      return m ? `${'#'.repeat(Math.min(6, m[1].length + parentLevel))}${m[2]}` : line;
    })
    .join('\n');
}

function noteMarkdown(ctx: Context, note: NoteDoc | null, currentFile: string, parentLevel: number): string {
  if (!note) return '';
  const link = (c: Citation): string => {
    const file = ctx.fileOfHighlight.get(c.highlightId);
    const anchor = `#^${blockId(c.highlightId)}`;
    return !file || file === currentFile ? anchor : `${fileHref(file)}${anchor}`;
  };
  return nestHeadings(ctx.formatter.toMarkdown(note, link).trim(), parentLevel);
}

function highlightBlock(ctx: Context, h: Highlight, file: string, level: number, pageStarts?: readonly number[]): string {
  // A PDF source's passage says which page it is on, inside the quote so the block id still follows the quote.
  const page = h.orphan ? '' : pageLabel(pageStarts, h.start, h.end);
  const parts = [page ? `${blockquote(h.quote.exact)}\n>\n> (${page})` : blockquote(h.quote.exact), `^${blockId(h.id)}`];
  const tags = h.tagIds.filter((id) => ctx.paths.has(id)).map((id) => `#${obsidianTag(ctx.paths.get(id) ?? [])}`);
  if (tags.length > 0) parts.push(tags.join(' '));
  const note = noteMarkdown(ctx, h.note, file, level);
  if (note) parts.push(note);
  return parts.join('\n\n');
}

function sourceTags(ctx: Context, highlights: readonly Highlight[]): string[] {
  const seen = new Set<string>();
  for (const h of highlights) for (const id of h.tagIds) if (ctx.paths.has(id)) seen.add(obsidianTag(ctx.paths.get(id) ?? []));
  return [...seen].sort((a, b) => a.localeCompare(b));
}

function frontMatter(fields: Array<[string, string | string[] | null]>): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${key}: []`);
      else lines.push(`${key}:`, ...value.map((v) => `  - ${yaml(v)}`));
    } else lines.push(`${key}: ${value}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** The body of one source: its notebook, then its highlights; headings start at `level`. */
function sourceBody(ctx: Context, source: NotebookSnapshot['sources'][number], file: string, level: number): string {
  const h = '#'.repeat(level);
  const parts: string[] = [];
  const note = noteMarkdown(ctx, source.note, file, level);
  if (note) parts.push(`${h} Notebook`, note);
  const ordered = inReadingOrder(source.highlights);
  const anchored = ordered.filter((x) => !x.orphan);
  const orphans = ordered.filter((x) => x.orphan);
  if (anchored.length > 0) parts.push(`${h} Highlights`, ...anchored.map((x) => highlightBlock(ctx, x, file, level, source.meta.pageStarts)));
  if (orphans.length > 0) {
    parts.push(`${h} Highlights no longer found in the text`, ...orphans.map((x) => highlightBlock(ctx, x, file, level)));
  }
  return parts.join('\n\n');
}

function sourceFrontMatter(ctx: Context, meta: SourceMeta, highlights: readonly Highlight[]): string {
  return frontMatter([
    ['title', yaml(meta.title)],
    ['authors', meta.authors?.length ? meta.authors : null],
    ['publisher', meta.publisher ? yaml(meta.publisher) : null],
    ['date', isIsoDate(meta.date) ? meta.date : null],
    ['url', meta.url ? yaml(meta.url) : null],
    ['language', meta.language ? yaml(meta.language) : null],
    ['tags', sourceTags(ctx, highlights)],
    ['original_file', meta.originalFile ? yaml(meta.originalFile) : null],
  ]);
}

/** Unique file names for the sources and the project file, in the snapshot's order. */
function fileNames(snapshot: NotebookSnapshot): { project: string; sources: string[] } {
  const used = new Set<string>();
  const claim = (base: string): string => {
    let name = `${base}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n}).md`;
    used.add(name.toLowerCase());
    return name;
  };
  const project = claim(safeFileName(snapshot.title, 'Project notebook'));
  const sources = snapshot.sources.map((s) => claim(safeFileName(s.meta.title)));
  return { project, sources };
}

export function exportMarkdown(
  snapshot: NotebookSnapshot,
  formatter: NoteFormatter,
  options: MarkdownExportOptions = {},
): MarkdownFile[] {
  const names = fileNames(snapshot);
  const combined = options.layout === 'combined';
  const fileOfHighlight = new Map<string, string>();
  snapshot.sources.forEach((s, i) => {
    for (const h of s.highlights) fileOfHighlight.set(h.id, combined ? names.project : names.sources[i]);
  });
  const ctx: Context = {
    formatter,
    paths: tagNamePaths(snapshot.tags),
    fileOfHighlight,
  };

  if (combined) {
    const all = snapshot.sources.flatMap((s) => s.highlights);
    const parts = [
      frontMatter([
        ['title', yaml(snapshot.title)],
        ['exported', yaml(snapshot.exportedAt)],
        ['tags', sourceTags(ctx, all)],
      ]),
      `# ${escapeMarkdown(snapshot.title)}`,
    ];
    const project = noteMarkdown(ctx, snapshot.projectNote, names.project, 2);
    if (project) parts.push('## Project notebook', project);
    for (const source of snapshot.sources) {
      const m = source.meta;
      const facts = [
        m.authors?.length && `Authors: ${escapeMarkdown(m.authors.join(', '))}`,
        m.publisher && `Publisher: ${escapeMarkdown(m.publisher)}`,
        m.date && `Date: ${escapeMarkdown(m.date)}`,
        m.url && `URL: ${escapeMarkdown(m.url)}`,
        m.language && `Language: ${escapeMarkdown(m.language)}`,
        m.originalFile && `Original file: ${escapeMarkdown(m.originalFile)}`,
      ].filter(Boolean);
      parts.push(`## ${escapeMarkdown(m.title)}`);
      if (facts.length > 0) parts.push(facts.join('  \n'));
      const body = sourceBody(ctx, source, names.project, 3);
      if (body) parts.push(body);
    }
    return [{ path: names.project, content: parts.join('\n\n') + '\n' }];
  }

  const files: MarkdownFile[] = snapshot.sources.map((source, i) => {
    const file = names.sources[i];
    const parts = [sourceFrontMatter(ctx, source.meta, source.highlights), `# ${escapeMarkdown(source.meta.title)}`];
    const body = sourceBody(ctx, source, file, 2);
    if (body) parts.push(body);
    return { path: file, content: parts.join('\n\n') + '\n' };
  });
  const projectParts = [
    frontMatter([
      ['title', yaml(snapshot.title)],
      ['exported', yaml(snapshot.exportedAt)],
    ]),
    `# ${escapeMarkdown(snapshot.title)}`,
  ];
  if (snapshot.sources.length > 0) {
    projectParts.push('## Sources', names.sources.map((f) => `- [[${f.replace(/\.md$/, '')}]]`).join('\n'));
  }
  const project = noteMarkdown(ctx, snapshot.projectNote, names.project, 2);
  if (project) projectParts.push('## Notebook', project);
  files.unshift({ path: names.project, content: projectParts.join('\n\n') + '\n' });
  return files;
}
