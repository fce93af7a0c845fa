/**
 * Statements in every export (issue 17), kept apart from the format modules so they stay as they are:
 *  - CSV: a second file, statements.csv, one row per statement (speaker, date said, occasion, mode, grades, group);
 *  - W3C: each statement's annotation gains a `describing` TextualBody (the statement in words) and an `identifying`
 *    SpecificResource body whose source is the speaker's tag (docs/statements-export.md has the mapping);
 *  - REFI-QDA: the snapshot handed to the QDPX writer codes each statement with its speaker's code and carries date,
 *    occasion, mode and grades in the selection's memo (its note);
 *  - Markdown: a Statements.md file, and the HTML report a "Statements" section, grouped by speaker and claim.
 * Pure.
 */
import type { Highlight, NotebookSnapshot, NoteDoc, Tag } from '../model';
import { formatDateSaid } from '../statements/dates';
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, gradeLabel } from '../statements/grading';
import { StatementIndex } from '../statements/index-rows';
import { MODE_LABEL, type StatementRow } from '../statements/model';
import type { StatementsList } from '../statements/api';
import { escapeHtml, stableGuid } from './common';
import { CSV_BOM, csvRow } from './csv';
import { escapeMarkdown, type MarkdownFile } from './markdown';
import type { W3CAnnotationCollection } from './w3c';

/** The statements of a snapshot with their groups (computed afresh: an export is a pure function of its snapshot). */
export function snapshotStatements(snapshot: NotebookSnapshot): StatementsList {
  const tagsById = new Map(snapshot.tags.map((t) => [t.id, t]));
  return new StatementIndex().update(
    snapshot.sources.map((s) => ({ meta: s.meta, highlights: s.highlights })),
    tagsById,
  );
}

export const STATEMENTS_CSV_HEADER = [
  'Speaker', 'Speaker kind', 'Date said', 'Occasion', 'Mode', 'Statement', 'Outlet', 'Source', 'Source date',
  'Reliability', 'Credibility', 'Grade', 'Group', 'Outlets in group', 'Highlight ID', 'Source ID',
] as const;

/** statements.csv: one row per statement; the same quoting and formula neutralising as the segments CSV. */
export function exportStatementsCsv(snapshot: NotebookSnapshot): string | null {
  const list = snapshotStatements(snapshot);
  if (list.rows.length === 0) return null;
  const kinds = new Map(snapshot.tags.map((t) => [t.id, t.kind]));
  const outlets = new Map(list.groups.map((g) => [g.label, g.outlets]));
  const lines = [csvRow(STATEMENTS_CSV_HEADER)];
  for (const r of list.rows) {
    const s = r.statement;
    lines.push(
      csvRow([
        r.speakerName,
        s.speakerTagId ? (kinds.get(s.speakerTagId) ?? '') : '',
        s.dateSaid,
        s.occasion,
        MODE_LABEL[s.mode],
        r.quote,
        r.outlet,
        r.sourceTitle,
        r.sourceDate,
        r.reliability ?? '',
        r.credibility ?? '',
        gradeLabel(r.reliability, r.credibility),
        r.groupLabel,
        r.groupLabel ? (outlets.get(r.groupLabel) ?? '') : '',
        r.highlightId,
        r.sourceId,
      ]),
    );
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** The statement in words, as the W3C `describing` body and the REFI-QDA memo give it. */
export function describeStatement(r: StatementRow): string {
  const s = r.statement;
  const parts = [
    s.mode === 'outlet-claim' ? `Claim of ${r.outlet || 'the outlet'}` : `Statement by ${r.speakerName || 'an unknown speaker'}`,
    s.dateSaid ? `said ${s.dateSaid}` : '',
    s.occasion ? `at ${s.occasion}` : '',
    MODE_LABEL[s.mode].toLowerCase(),
    r.outlet ? `reported by ${r.outlet}` : '',
    r.reliability ? `source reliability ${r.reliability} (${RELIABILITY_MEANING[r.reliability]})` : 'source reliability not graded',
    r.credibility ? `credibility ${r.credibility} (${CREDIBILITY_MEANING[r.credibility]})` : 'credibility not graded',
    r.groupLabel ? `group ${r.groupLabel}` : '',
  ];
  return `${parts.filter(Boolean).join('; ')}.`;
}

/** The IRI of a speaker's tag in W3C exports (the same GUID the REFI-QDA export gives the tag's code). */
export function speakerIri(tagId: string): string {
  return `urn:uuid:${stableGuid('tag', tagId)}`;
}

export interface W3CStatementBodies {
  describing: { type: 'TextualBody'; purpose: 'describing'; value: string; format: 'text/plain' };
  identifying: { type: 'SpecificResource'; purpose: 'identifying'; source: string };
}

/**
 * The collection with each statement's annotation carrying its two statement bodies (added after the bodies it has;
 * the annotation's one motivation stays what it was). Graded highlights that are no statements get the describing
 * body with their grades only.
 */
export function addStatementBodies(collection: W3CAnnotationCollection, snapshot: NotebookSnapshot, annotationIri: (highlightId: string) => string): W3CAnnotationCollection {
  const list = snapshotStatements(snapshot);
  const byIri = new Map(list.rows.map((r) => [annotationIri(r.highlightId), r]));
  const graded = new Map<string, { h: Highlight; reliability?: string }>();
  for (const s of snapshot.sources) for (const h of s.highlights) if (h.credibility && !h.statement) graded.set(annotationIri(h.id), { h, reliability: s.meta.reliability });
  const items = collection.first.items.map((a) => {
    const r = byIri.get(a.id);
    const g = graded.get(a.id);
    if (!r && !g) return a;
    const body = [...((a.body as unknown[]) ?? [])];
    if (r) {
      body.push({ type: 'TextualBody', purpose: 'describing', value: describeStatement(r), format: 'text/plain' });
      if (r.statement.speakerTagId) body.push({ type: 'SpecificResource', purpose: 'identifying', source: speakerIri(r.statement.speakerTagId) });
    } else if (g) {
      body.push({ type: 'TextualBody', purpose: 'describing', value: `Credibility ${g.h.credibility} (${CREDIBILITY_MEANING[g.h.credibility!]}); grade ${gradeLabel(g.reliability as never, g.h.credibility)}.`, format: 'text/plain' });
    }
    return { ...a, body } as typeof a;
  });
  return { ...collection, first: { ...collection.first, items } };
}

/**
 * The snapshot as the REFI-QDA writer should see it: a statement's highlight is coded with its speaker's code, and its
 * memo (the selection's note) starts with the statement's speaker, date said, occasion, mode, grades and group.
 */
export function withStatementCodesAndMemos(snapshot: NotebookSnapshot): NotebookSnapshot {
  const list = snapshotStatements(snapshot);
  if (list.rows.length === 0 && !snapshot.sources.some((s) => s.meta.reliability || s.highlights.some((h) => h.credibility))) return snapshot;
  const rows = new Map(list.rows.map((r) => [r.highlightId, r]));
  return {
    ...snapshot,
    sources: snapshot.sources.map((source) => ({
      ...source,
      highlights: source.highlights.map((h) => {
        const r = rows.get(h.id);
        if (!r && !h.credibility) return h;
        const memo = r ? describeStatement(r) : `Credibility ${h.credibility} (${CREDIBILITY_MEANING[h.credibility!]}); grade ${gradeLabel(source.meta.reliability, h.credibility)}.`;
        const tagIds = r?.statement.speakerTagId && !h.tagIds.includes(r.statement.speakerTagId) ? [...h.tagIds, r.statement.speakerTagId] : h.tagIds;
        return { ...h, tagIds, note: prependParagraph(h.note, memo) };
      }),
    })),
  };
}

function prependParagraph(note: NoteDoc | null, text: string): NoteDoc {
  const para = { type: 'paragraph', content: [{ type: 'text', text }] };
  const rest = note?.content ?? [];
  const empty = rest.length === 0 || (rest.length === 1 && !(rest[0] as { content?: unknown[] }).content?.length);
  return { ...(note ?? {}), type: 'doc', content: empty ? [para] : [para, ...rest] };
}

/** Rows grouped by speaker, then by claim (a group, or the statement alone), in date order. */
function bySpeakerAndClaim(list: StatementsList): Array<{ speaker: string; claims: StatementRow[][] }> {
  const speakers = new Map<string, Map<string, StatementRow[]>>();
  for (const r of list.rows) {
    const speaker = r.speakerName || `${r.outlet} (own claim)`;
    const claims = speakers.get(speaker) ?? new Map<string, StatementRow[]>();
    speakers.set(speaker, claims);
    const key = r.groupLabel || `${r.sourceId}/${r.highlightId}`;
    claims.set(key, [...(claims.get(key) ?? []), r]);
  }
  return [...speakers.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([speaker, claims]) => ({ speaker, claims: [...claims.values()] }));
}

const gradeSuffix = (r: StatementRow) => {
  const g = gradeLabel(r.reliability, r.credibility);
  return g ? ` [${g}]` : '';
};

/** Statements.md: every statement grouped by speaker and claim, with who reported it when. */
export function statementsMarkdown(snapshot: NotebookSnapshot): MarkdownFile | null {
  const list = snapshotStatements(snapshot);
  if (list.rows.length === 0) return null;
  const out = ['---', 'title: "Statements"', `exported: ${snapshot.exportedAt}`, '---', '', '# Statements', ''];
  for (const { speaker, claims } of bySpeakerAndClaim(list)) {
    out.push(`## ${escapeMarkdown(speaker)}`, '');
    for (const claim of claims) {
      const first = claim[0];
      const head = first.groupLabel ? `${first.groupLabel}: reported by ${claim.length} (${new Set(claim.map((c) => c.outlet)).size} outlets)` : 'Reported once';
      out.push(`### ${escapeMarkdown(head)}`, '');
      for (const r of claim) {
        out.push(`> ${escapeMarkdown(r.quote).replace(/\n+/g, ' ')}`, '');
        const said = r.statement.dateSaid ? formatDateSaid(r.statement.dateSaid) : 'date unknown';
        out.push(`— ${escapeMarkdown(`${r.speakerName || r.outlet}, ${said}${r.statement.occasion ? `, ${r.statement.occasion}` : ''}, ${r.outlet}${gradeSuffix(r)} (${MODE_LABEL[r.statement.mode].toLowerCase()}; ${r.sourceTitle})`)}`, '');
      }
    }
  }
  return { path: 'Statements.md', content: out.join('\n') };
}

/** The HTML report's "Statements" section (inserted before the sources). */
export function statementsHtmlSection(snapshot: NotebookSnapshot, tags: readonly Tag[] = snapshot.tags): string {
  void tags;
  const list = snapshotStatements(snapshot);
  if (list.rows.length === 0) return '';
  const out = ['<section class="statements">', '<h2>Statements</h2>'];
  for (const { speaker, claims } of bySpeakerAndClaim(list)) {
    out.push(`<h3>${escapeHtml(speaker)}</h3>`);
    for (const claim of claims) {
      const first = claim[0];
      if (first.groupLabel) out.push(`<p class="muted">${escapeHtml(first.groupLabel)}: ${claim.length} reports, ${new Set(claim.map((c) => c.outlet)).size} outlets</p>`);
      out.push('<ul class="statement-claim">');
      for (const r of claim) {
        const said = r.statement.dateSaid ? formatDateSaid(r.statement.dateSaid) : 'date unknown';
        out.push(
          `<li><blockquote>${escapeHtml(r.quote)}</blockquote><p class="muted">${escapeHtml(`${r.speakerName || r.outlet}, ${said}${r.statement.occasion ? `, ${r.statement.occasion}` : ''}, ${r.outlet}${gradeSuffix(r)} · ${MODE_LABEL[r.statement.mode]} · ${r.sourceTitle}`)}</p></li>`,
        );
      }
      out.push('</ul>');
    }
  }
  out.push('</section>');
  return out.join('\n');
}

/** The report with its statements section before the first source (or at the end of the body). */
export function withStatementsSection(html: string, snapshot: NotebookSnapshot): string {
  const section = statementsHtmlSection(snapshot);
  if (!section) return html;
  const at = html.indexOf('<article class="source">');
  if (at >= 0) return html.slice(0, at) + section + '\n' + html.slice(at);
  const end = html.lastIndexOf('</body>');
  return end >= 0 ? html.slice(0, end) + section + '\n' + html.slice(end) : html + section;
}
