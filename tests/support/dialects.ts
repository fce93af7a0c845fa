/**
 * Files in other tools' dialects, built by the tests themselves (issue 16): an NVivo project with UTF-16 positions
 * over emoji-laden comments, a MAXQDA project with document sets, colours, variables and cases, ATLAS.ti and
 * Taguette codebooks (QDC), Hypothesis API JSON and Recogito W3C. Each builder also returns what it encoded, so a
 * test can check that what came in is what the notebook holds and what goes back out.
 */
import { zipSync } from 'fflate';

const enc = new TextEncoder();
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A deterministic GUID from a label (lowercase, 8-4-4-4-12). */
export function guid(label: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

export interface BuiltSelection {
  guid: string;
  source: string;
  passage: string;
  codes: string[];
  start: number;
  end: number;
  codingGuids: string[];
  /** False for a selection built not to fit (it must come in as an orphan). */
  fits: boolean;
}

export interface BuiltProject {
  bytes: Uint8Array;
  name: string;
  sources: Array<{ guid: string; name: string; text: string }>;
  codes: Array<{ guid: string; name: string; color: string; parent: string | null; description: string; isCodable: boolean }>;
  selections: BuiltSelection[];
  users: Array<{ guid: string; name: string }>;
}

const EMOJI = ['😀', '👍', '🇦🇫', '🙂', '🔥', '👩‍👧', '🚚', '💊'];
const PHRASES = ['border crossing', 'aid convoy', 'refugee camp', 'drug trade', 'security forces', 'humanitarian corridor'];

/** Comments full of emoji: each comment puts emoji right before the phrase that gets coded. */
function comments(count: number, seed: number): { text: string; phrases: Array<{ utf16: number; phrase: string }> } {
  let text = '';
  const phrases: Array<{ utf16: number; phrase: string }> = [];
  for (let i = 0; i < count; i++) {
    const e1 = EMOJI[(i + seed) % EMOJI.length];
    const e2 = EMOJI[(i * 3 + seed) % EMOJI.length];
    const phrase = PHRASES[(i + seed) % PHRASES.length];
    text += `Comment ${i + 1} ${e1}${e2} said the `;
    phrases.push({ utf16: text.length, phrase });
    text += `${phrase} was ${e1} busy today.\n`;
  }
  return { text, phrases };
}

const cpLength = (s: string): number => [...s].length;

interface ProjectOptions {
  origin: string;
  name: string;
  unit: 'utf-16' | 'code-points';
  colours: string[];
  sets?: boolean;
  variables?: boolean;
  /** A selection whose passage is not where its position says (stored quote differs): must be an orphan. */
  misfit?: boolean;
}

function buildProject(o: ProjectOptions): BuiltProject {
  const users = [
    { guid: guid(`${o.origin}:user:1`), name: 'Ana Analyst' },
    { guid: guid(`${o.origin}:user:2`), name: 'Bo Coder' },
  ];
  const codes = [
    { guid: guid(`${o.origin}:code:places`), name: 'Places', color: o.colours[0], parent: null, description: 'Where things happen.', isCodable: false },
    { guid: guid(`${o.origin}:code:border`), name: 'Border', color: o.colours[1], parent: guid(`${o.origin}:code:places`), description: 'Crossings and checkpoints.', isCodable: true },
    { guid: guid(`${o.origin}:code:aid`), name: 'Aid', color: o.colours[2], parent: null, description: '', isCodable: true },
    { guid: guid(`${o.origin}:code:drugs`), name: 'Drugs', color: o.colours[3], parent: null, description: 'Trade and trafficking.', isCodable: true },
  ];
  const sources = [0, 1].map((k) => ({ guid: guid(`${o.origin}:source:${k}`), name: `${o.name} comments ${k + 1}`, ...comments(k === 0 ? 24 : 12, k) }));
  const selections: BuiltSelection[] = [];
  for (const s of sources) {
    s.phrases.forEach((p, i) => {
      const startU16 = p.utf16;
      const endU16 = p.utf16 + p.phrase.length;
      const start = o.unit === 'utf-16' ? startU16 : cpLength(s.text.slice(0, startU16));
      const end = o.unit === 'utf-16' ? endU16 : cpLength(s.text.slice(0, endU16));
      const code = p.phrase.includes('border') ? codes[1] : p.phrase.includes('drug') ? codes[3] : codes[2];
      const codeList = i % 5 === 0 ? [code.guid, codes[3].guid].filter((g, j, a) => a.indexOf(g) === j) : [code.guid];
      selections.push({
        guid: guid(`${o.origin}:${s.guid}:sel:${i}`),
        source: s.guid,
        passage: p.phrase,
        codes: codeList,
        start,
        end,
        codingGuids: codeList.map((c) => guid(`${o.origin}:${s.guid}:sel:${i}:coding:${c}`)),
        fits: true,
      });
    });
  }
  if (o.misfit) {
    // Its stored name is a passage of the text, but not the one at its position.
    const s = sources[0];
    selections.push({ guid: guid(`${o.origin}:misfit`), source: s.guid, passage: 'humanitarian corridor', codes: [codes[2].guid], start: 0, end: 7, codingGuids: [guid(`${o.origin}:misfit:coding`)], fits: false });
  }
  const codeXml = (parent: string | null, indent: string): string =>
    codes
      .filter((c) => c.parent === parent)
      .map((c) => {
        const inner = `${c.description ? `${indent}  <Description>${esc(c.description)}</Description>\n` : ''}${codeXml(c.guid, `${indent}  `)}`;
        const attrs = `guid="${c.guid}" name="${esc(c.name)}" isCodable="${c.isCodable}" color="${c.color}"`;
        return inner ? `${indent}<Code ${attrs}>\n${inner}${indent}</Code>\n` : `${indent}<Code ${attrs}/>\n`;
      })
      .join('');
  const variables = o.variables
    ? [
        { guid: guid(`${o.origin}:var:region`), name: 'Region', type: 'Text' },
        { guid: guid(`${o.origin}:var:age`), name: 'Age', type: 'Integer' },
        { guid: guid(`${o.origin}:var:verified`), name: 'Verified', type: 'Boolean' },
      ]
    : [];
  const value = (v: { guid: string; type: string }, x: string): string =>
    `<VariableValue><VariableRef targetGUID="${v.guid}"/><${v.type === 'Text' ? 'TextValue' : v.type === 'Integer' ? 'IntegerValue' : 'BooleanValue'}>${esc(x)}</${v.type === 'Text' ? 'TextValue' : v.type === 'Integer' ? 'IntegerValue' : 'BooleanValue'}></VariableValue>`;
  let xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="${esc(o.name)}" origin="${esc(o.origin)}" creatingUserGUID="${users[0].guid}" creationDateTime="2024-03-01T09:00:00Z">\n`;
  xml += `  <Users>\n${users.map((u) => `    <User guid="${u.guid}" name="${esc(u.name)}"/>\n`).join('')}  </Users>\n`;
  xml += `  <CodeBook>\n    <Codes>\n${codeXml(null, '      ')}    </Codes>\n  </CodeBook>\n`;
  if (variables.length) {
    xml += `  <Variables>\n${variables.map((v) => `    <Variable guid="${v.guid}" name="${v.name}" typeOfVariable="${v.type}"/>\n`).join('')}  </Variables>\n`;
    xml += `  <Cases>\n    <Case guid="${guid(`${o.origin}:case:1`)}" name="Respondent A"><Description>First respondent</Description>${value(variables[1], '42')}${value(variables[0], 'North')}<SourceRef targetGUID="${sources[0].guid}"/></Case>\n  </Cases>\n`;
  }
  xml += '  <Sources>\n';
  for (const [k, s] of sources.entries()) {
    xml += `    <TextSource guid="${s.guid}" name="${esc(s.name)}" plainTextPath="internal://${s.guid}.txt" creatingUser="${users[k % 2].guid}" creationDateTime="2024-03-0${k + 2}T10:00:00Z">\n`;
    for (const sel of selections.filter((x) => x.source === s.guid)) {
      xml += `      <PlainTextSelection guid="${sel.guid}" name="${esc(sel.passage)}" startPosition="${sel.start}" endPosition="${sel.end}" creatingUser="${users[1].guid}" creationDateTime="2024-03-05T12:00:00Z">\n`;
      sel.codes.forEach((c, j) => {
        xml += `        <Coding guid="${sel.codingGuids[j]}" creatingUser="${users[1].guid}"><CodeRef targetGUID="${c}"/></Coding>\n`;
      });
      xml += '      </PlainTextSelection>\n';
    }
    if (variables.length) xml += `      ${value(variables[0], k === 0 ? 'North' : 'South')}\n      ${value(variables[2], k === 0 ? 'true' : 'false')}\n`;
    xml += '    </TextSource>\n';
  }
  xml += '  </Sources>\n';
  if (o.sets) {
    xml += `  <Sets>\n    <Set guid="${guid(`${o.origin}:set:first`)}" name="First wave"><Description>Collected in March</Description><MemberSource targetGUID="${sources[0].guid}"/></Set>\n`;
    xml += `    <Set guid="${guid(`${o.origin}:set:all`)}" name="All comments"><MemberSource targetGUID="${sources[0].guid}"/><MemberSource targetGUID="${sources[1].guid}"/></Set>\n  </Sets>\n`;
  }
  xml += '</Project>\n';
  const files: Record<string, Uint8Array> = { 'project.qde': enc.encode(xml) };
  for (const s of sources) files[`sources/${s.guid}.txt`] = enc.encode(s.text);
  return { bytes: zipSync(files), name: o.name, sources: sources.map(({ guid: g, name, text }) => ({ guid: g, name, text })), codes, selections, users };
}

/** NVivo: positions in UTF-16 code units, comments full of emoji, one selection that does not fit. */
export const nvivoProject = (): BuiltProject =>
  buildProject({ origin: 'NVivo 14.23.0', name: 'NVivo border comments', unit: 'utf-16', colours: ['#1F77B4', '#FF7F0E', '#2CA02C', '#D62728'], misfit: true });

/** MAXQDA: code points, colours, document sets, variables and a case. */
export const maxqdaProject = (): BuiltProject =>
  buildProject({ origin: 'MAXQDA 2022 (Release 22.7.0)', name: 'MAXQDA field notes', unit: 'code-points', colours: ['#FF0000', '#00A000', '#0000FF', '#FFC000'], sets: true, variables: true });

export interface BuiltCodebook {
  bytes: Uint8Array;
  codes: Array<{ guid: string; name: string; color: string; parent: string | null; description: string }>;
  /** Code groups (REFI-QDA Sets of codes), members by code GUID. */
  groups: Array<{ guid: string; name: string; description: string; members: string[] }>;
}

function buildQdc(origin: string, codes: BuiltCodebook['codes'], groups: BuiltCodebook['groups'] = []): BuiltCodebook {
  const codeXml = (parent: string | null, indent: string): string =>
    codes
      .filter((c) => c.parent === parent)
      .map((c) => {
        const inner = `${c.description ? `${indent}  <Description>${esc(c.description)}</Description>\n` : ''}${codeXml(c.guid, `${indent}  `)}`;
        const attrs = `guid="${c.guid}" name="${esc(c.name)}" isCodable="true"${c.color ? ` color="${c.color}"` : ''}`;
        return inner ? `${indent}<Code ${attrs}>\n${inner}${indent}</Code>\n` : `${indent}<Code ${attrs}/>\n`;
      })
      .join('');
  const sets = groups.length
    ? `  <Sets>\n${groups
        .map(
          (g) =>
            `    <Set guid="${g.guid}" name="${esc(g.name)}">\n${g.description ? `      <Description>${esc(g.description)}</Description>\n` : ''}${g.members
              .map((m) => `      <MemberCode guid="${m}"/>\n`)
              .join('')}    </Set>\n`,
        )
        .join('')}  </Sets>\n`
    : '';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${esc(origin)}">\n  <Codes>\n${codeXml(null, '    ')}  </Codes>\n${sets}</CodeBook>\n`;
  return { bytes: enc.encode(xml), codes, groups };
}

/** ATLAS.ti: a nested codebook with colours and comments; "Places" and "Kabul" meet the default codebook's. */
export function atlasCodebook(rename = false): BuiltCodebook {
  const g = (n: string): string => guid(`atlas:${n}`);
  return buildQdc('ATLAS.ti 23.2.1', [
    { guid: g('emotions'), name: rename ? 'Feelings' : 'Emotions', color: '#8E44AD', parent: null, description: 'Emotional tone of a passage.' },
    { guid: g('fear'), name: 'Fear', color: '#C0392B', parent: g('emotions'), description: '' },
    { guid: g('hope'), name: 'Hope', color: '#27AE60', parent: g('emotions'), description: 'Expressions of hope.' },
    { guid: g('places'), name: 'Places', color: '#123456', parent: null, description: '' },
    { guid: g('checkpoint'), name: 'Checkpoint', color: '#AAAAAA', parent: g('places'), description: '' },
  ], [
    // ATLAS.ti code groups: members from different branches of the tree.
    { guid: g('group:affect'), name: 'Affect', description: 'Codes about how people feel.', members: [g('fear'), g('hope')] },
    { guid: g('group:field'), name: 'Field observations', description: '', members: [g('checkpoint'), g('fear')] },
  ]);
}

/** Taguette: a flat codebook, one tag description each, no colours for some. */
export function taguetteCodebook(): BuiltCodebook {
  const g = (n: string): string => guid(`taguette:${n}`);
  return buildQdc('Taguette 1.4.1', [
    { guid: g('interesting'), name: 'interesting', color: '', parent: null, description: 'Further review required' },
    { guid: g('people'), name: 'people', color: '#FFD700', parent: null, description: 'Mentions of people' },
    { guid: g('policy'), name: 'policy', color: '', parent: null, description: '' },
  ]);
}

/** A web page as a news site serves it, with its canonical address. */
export function webPage(url: string, title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><link rel="canonical" href="${esc(url)}"></head><body><article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`;
}

export interface HypothesisRow {
  id: string;
  uri: string;
  exact: string;
  tags: string[];
  text: string;
}

/** Hypothesis's API JSON (`/api/search`): rows with target[].selector (Range, Position, Quote), tags and text. */
export function hypothesisJson(rows: HypothesisRow[], reply = true): string {
  const out = rows.map((r, i) => ({
    id: r.id,
    created: `2024-04-0${(i % 9) + 1}T08:00:00.000000+00:00`,
    updated: `2024-04-0${(i % 9) + 1}T09:00:00.000000+00:00`,
    user: 'acct:ana@hypothes.is',
    uri: r.uri,
    text: r.text,
    tags: r.tags,
    group: '__world__',
    permissions: { read: ['group:__world__'] },
    target: [
      {
        source: r.uri,
        selector: [
          { type: 'RangeSelector', endOffset: 12, startOffset: 0, endContainer: '/main[1]/p[2]', startContainer: '/main[1]/p[2]' },
          { end: 9999, type: 'TextPositionSelector', start: 9000 },
          { type: 'TextQuoteSelector', exact: r.exact, prefix: '', suffix: '' },
        ],
      },
    ],
    document: { title: ['A page'] },
    links: { html: `https://hypothes.is/a/${r.id}`, incontext: `https://hyp.is/${r.id}/x` },
  }));
  if (reply && rows.length) {
    out.push({ ...out[0], id: 'reply1', text: 'I agree', tags: [], references: [rows[0].id], target: [{ source: rows[0].uri }] } as never);
  }
  return JSON.stringify({ total: out.length, rows: out }, null, 2);
}

/** Recogito's W3C export: quotes and positions nested in a RangeSelector or refinedBy, tags as tagging bodies. */
export function recogitoW3C(source: string, items: Array<{ exact: string; start: number; end: number; tag: string; comment: string; nest: 'range' | 'refined' | 'flat' }>): string {
  return JSON.stringify(
    items.map((it, i) => {
      const quote = { type: 'TextQuoteSelector', exact: it.exact };
      const pos = { type: 'TextPositionSelector', start: it.start, end: it.end };
      const selector =
        it.nest === 'range'
          ? { type: 'RangeSelector', startSelector: { type: 'TextPositionSelector', start: it.start, end: it.start }, endSelector: { type: 'TextPositionSelector', start: it.end, end: it.end }, refinedBy: quote }
          : it.nest === 'refined'
            ? { type: 'CssSelector', value: 'article > p:nth-child(2)', refinedBy: [quote] }
            : [quote, pos];
      return {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `#recogito-${i + 1}`,
        type: 'Annotation',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: it.tag },
          { type: 'TextualBody', purpose: 'commenting', value: it.comment },
        ],
        target: { source, selector },
      };
    }),
    null,
    2,
  );
}
