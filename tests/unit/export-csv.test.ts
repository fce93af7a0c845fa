import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../core/export/common';
import { CSV_HEADER, csvCell, exportCsv } from '../../core/export/csv';
import { fixtureSnapshot, testFormatter } from './export-fixture';

/** An RFC 4180 reader, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error('the last record is not terminated by CRLF');
  return rows;
}

const snapshot = fixtureSnapshot();
const csv = exportCsv(snapshot, testFormatter);

describe('CSV of coded segments', () => {
  it('starts with a UTF-8 byte order mark and the header, and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe('Source,Date,Tag,Tag kind,Quote,Note,Start,End,Page,Publisher,Authors,URL,Language,Highlight ID,Source ID');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has one row per highlight and tag, an untagged highlight once, nested tags as paths', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const body = rows.slice(1);
    const expected = snapshot.sources.flatMap((s) => s.highlights).reduce((n, h) => n + Math.max(1, h.tagIds.length), 0);
    expect(body).toHaveLength(expected);
    expect(body.every((r) => r.length === CSV_HEADER.length)).toBe(true);
    // Every row names its highlight and source by id (the last two columns), so it can be joined back to the notebook.
    const byId = new Map(snapshot.sources.flatMap((s) => s.highlights.map((h) => [h.id, s.meta.id] as const)));
    for (const r of body) expect(byId.get(r[r.length - 2])).toBe(r[r.length - 1]);
    expect(new Set(body.map((r) => r[r.length - 2])).size).toBe(byId.size);
    const north = body.find((r) => r[2] === 'Places/Afghanistan/Northern Afghanistan');
    expect(north?.slice(0, 5)).toEqual([
      'Putin warns of buildup of extremist and terrorist groups in northern Afghanistan',
      '2021-10-15',
      'Places/Afghanistan/Northern Afghanistan',
      'place',
      'northern Afghanistan',
    ]);
    const untagged = body.filter((r) => r[4] === 'Islamic State (IS) alone has about 2,000 members');
    expect(untagged).toHaveLength(1);
    expect(untagged[0][2]).toBe('');
  });

  it('quotes commas, quotes and line breaks, and neutralises cells a spreadsheet would run as formulas', () => {
    const rows = parseCsv(csv.slice(1)).slice(1);
    const formula = rows.find((r) => r[5].includes('HYPERLINK'));
    expect(formula?.[5]).toBe(`'=HYPERLINK("http://evil.example") quoted, for the CSV test.`);
    const quoted = rows.find((r) => r[4].startsWith('"We have nowhere'));
    expect(quoted?.[4]).toBe('"We have nowhere else to go," said one 👩‍👧');
    const twoParagraphs = rows.find((r) => r[4] === 'anti-drug sectors');
    expect(twoParagraphs?.[5]).toBe('Drugs and terrorism are framed together.\n\nSecond paragraph with 🙂 emoji.');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+44 20')).toBe("'+44 20");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe(`"'\t'=cmd"`);
    // Excel with ';' as list separator splits at ';' (and some locales at tab or '|'): every part is neutralised and
    // the field quoted, so it stays one cell whatever the locale.
    expect(csvCell(`x;+cmd|' /C calc'!A0`)).toBe(`"x;'+cmd|' /C calc'!A0"`);
    expect(csvCell('a; =1+1')).toBe(`"a; '=1+1"`);
    expect(csvCell('a,@SUM(A1)')).toBe(`"a,'@SUM(A1)"`);
    expect(csvCell('one\n-2')).toBe(`"one\n'-2"`);
    expect(csvCell('semi;colon')).toBe('"semi;colon"');
    expect(csvCell('tab\there')).toBe('"tab\there"');
    expect(csvCell('x|y')).toBe('x|y');
    expect(csvCell('a-b=c')).toBe('a-b=c');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(42)).toBe('42');
  });

  it('gives start and end in code points, and leaves them empty for an orphan', () => {
    const rows = parseCsv(csv.slice(1)).slice(1);
    const emoji = snapshot.sources.find((s) => s.meta.id === 'emoji-src')!;
    const h = emoji.highlights[0];
    const row = rows.find((r) => r[4] === h.quote.exact)!;
    const index = new CodePointIndex(emoji.text);
    expect([row[6], row[7]]).toEqual([String(index.toCodePoint(h.start)), String(index.toCodePoint(h.end))]);
    expect([...emoji.text].slice(Number(row[6]), Number(row[7])).join('')).toBe(h.quote.exact);
    const orphan = rows.find((r) => r[4] === 'a passage that was later deleted from the article')!;
    expect([orphan[6], orphan[7]]).toEqual(['', '']);
  });
});
