/** Statements and grades in every export (issue 17), the W3C and REFI-QDA ones checked against the official schemas. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { NotebookSnapshot, Tag } from '../../core/model';
import { annotationIri, exportW3C } from '../../core/export/w3c';
import { exportQdpx } from '../../core/export/refi-qda';
import { exportHtmlReport } from '../../core/export/html-report';
import {
  addStatementBodies,
  exportStatementsCsv,
  speakerIri,
  statementsMarkdown,
  withStatementCodesAndMemos,
  withStatementsSection,
} from '../../core/export/statements';
import { fixtureSnapshot, REFI_QDA_DIR, testFormatter, WEB_ANNOTATION_DIR, xmllint } from './export-fixture';

const PUTIN: Tag = { id: 'tag-putin', name: 'Vladimir Putin', kind: 'person', color: '#aa3333', parentId: null, description: '', aliases: [], createdAt: '2021-01-01T00:00:00.000Z' };

/** The fixture's notebook with its first three highlights made statements of Putin, two of them one claim. */
function statementSnapshot(): NotebookSnapshot {
  const base = fixtureSnapshot();
  const snapshot: NotebookSnapshot = { ...base, tags: [...base.tags, PUTIN], sources: base.sources.map((s) => ({ ...s, highlights: [...s.highlights] })) };
  const live = snapshot.sources.flatMap((s) => s.highlights.filter((h) => !h.orphan).map((h) => ({ s, h })));
  const [a, b, c] = live;
  a.s.meta = { ...a.s.meta, reliability: 'C' };
  const mark = (x: (typeof live)[number], text: string, extra: Partial<(typeof live)[number]['h']>) => {
    const i = x.s.highlights.indexOf(x.h);
    x.s.highlights[i] = { ...x.h, quote: { ...x.h.quote, exact: text }, ...extra };
  };
  mark(a, 'Terrorists are trying to penetrate the territory, including disguised as refugees', { credibility: 3, statement: { speakerTagId: PUTIN.id, dateSaid: '2021-10-15', occasion: 'CIS summit, online', mode: 'direct' } });
  mark(b, 'Terrorists are trying to penetrate the territory, including under the guise of refugees', { statement: { speakerTagId: PUTIN.id, dateSaid: '2021-10-15', occasion: '', mode: 'paraphrase' } });
  mark(c, '=HYPERLINK("x") <b>bold</b> *star*', { credibility: 5, statement: { speakerTagId: PUTIN.id, dateSaid: '2021-08', occasion: 'a, b; c', mode: 'direct' } });
  return snapshot;
}

describe('statements in exports', () => {
  const snapshot = statementSnapshot();

  it('CSV: one row per statement with speaker, date, occasion, mode, grades and group; cells quoted and neutralised', () => {
    const csv = exportStatementsCsv(snapshot)!;
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Speaker,Speaker kind,Date said,Occasion,Mode,Statement,Outlet,Source,Source date,Reliability,Credibility,Grade,Group,Outlets in group,Highlight ID,Source ID');
    expect(lines).toHaveLength(4);
    const disguised = lines.find((l) => l.includes('disguised'))!;
    expect(disguised).toMatch(/^Vladimir Putin,person,2021-10-15,"CIS summit, online",Direct quote,/);
    expect(disguised).toMatch(/,C,3,C3,G\d,/);
    expect(csv).toContain(`"'=HYPERLINK(""x"") <b>bold</b> *star*"`);
    expect(csv).toContain('"a, b; c"');
    expect(exportStatementsCsv(fixtureSnapshot())).toBeNull();
  });

  it('W3C: a describing TextualBody and the speaker as an identifying SpecificResource; every MUST assertion passes', () => {
    const collection = addStatementBodies(exportW3C(snapshot, testFormatter), snapshot, annotationIri);
    const statementAnnotations = collection.first.items.filter((a) => JSON.stringify(a.body ?? []).includes('describing'));
    expect(statementAnnotations.length).toBe(3);
    const body = statementAnnotations[0].body as unknown as Array<Record<string, string>>;
    expect(body.find((b) => b.purpose === 'identifying')).toEqual({ type: 'SpecificResource', purpose: 'identifying', source: speakerIri(PUTIN.id) });
    expect(body.find((b) => b.purpose === 'describing')?.value).toMatch(/^Statement by Vladimir Putin; said 2021-10-15; at CIS summit, online; direct quote;/);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const f of readdirSync(`${WEB_ANNOTATION_DIR}definitions`)) if (f.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(`${WEB_ANNOTATION_DIR}definitions/${f}`, 'utf8')));
    const test = JSON.parse(readFileSync(`${WEB_ANNOTATION_DIR}annotations/annotationMusts.test`, 'utf8')) as { assertions: string[] };
    const failures: string[] = [];
    for (const file of test.assertions) {
      const validate = ajv.compile(JSON.parse(readFileSync(`${WEB_ANNOTATION_DIR}${file}`, 'utf8')));
      for (const a of statementAnnotations) if (!validate(JSON.parse(JSON.stringify(a)))) failures.push(`${file}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('REFI-QDA: the speaker codes the statement, the memo carries date and grades, and project.qde validates against Project.xsd', () => {
    const coded = withStatementCodesAndMemos(snapshot);
    const { projectXml } = exportQdpx(coded, testFormatter);
    expect(projectXml).toContain(`name="Vladimir Putin"`);
    expect((projectXml.match(/Statement by Vladimir Putin; said 2021-10-15; at CIS summit, online/g) ?? []).length).toBe(1);
    expect(projectXml).toMatch(/credibility 3 \(Possibly true\)/);
    const dir = mkdtempSync(join(tmpdir(), 'statements-qdpx-'));
    const file = join(dir, 'project.qde');
    writeFileSync(file, projectXml);
    const { output } = xmllint(file, `${REFI_QDA_DIR}Project.xsd`);
    expect(output).toContain('validates');
  });

  it('Markdown and the HTML report: statements grouped by speaker and claim, escaped', () => {
    const md = statementsMarkdown(snapshot)!;
    expect(md.path).toBe('Statements.md');
    expect(md.content).toContain('## Vladimir Putin');
    expect(md.content).toMatch(/### G\d: reported by 2/);
    expect(md.content).toContain('15 Oct 2021, CIS summit, online');
    expect(md.content).toContain('\\<b\\>bold\\</b\\> \\*star\\*');
    const html = withStatementsSection(exportHtmlReport(snapshot, testFormatter), snapshot);
    expect(html).toContain('<section class="statements">');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html.indexOf('<section class="statements">')).toBeLessThan(html.indexOf('<article class="source">'));
  });
});
