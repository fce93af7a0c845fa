import { CodePointIndex } from '../export/common';

/**
 * Which unit a REFI-QDA project's text positions count (issue 16). The standard says Unicode code points; NVivo
 * writes UTF-16 code units. Both readings agree on texts without astral characters (emoji and the like), so only
 * selections in texts that have some are evidence. Each reading is scored over the project's selections: a position
 * that splits a surrogate pair or falls outside the text rules a reading out for that selection; a stored quote (the
 * selection's name or description, when it holds the passage) that matches counts most; otherwise starting and
 * ending on word boundaries counts. The exporting software breaks a tie (NVivo: UTF-16; everything else: code points).
 */

export type OffsetUnit = 'code-points' | 'utf-16';

export interface SelectionEvidence {
  start: number;
  end: number;
  /** Text the file stores for the selection that may be its passage (name, description), or ''. */
  storedQuote: string;
}

export interface SourceEvidence {
  text: string;
  selections: SelectionEvidence[];
}

export interface UnitDecision {
  unit: OffsetUnit;
  /** Selections in texts with astral characters, where the two readings differ. */
  compared: number;
  /** Of those, how many fit (boundaries or stored quote) read as code points, and read as UTF-16 units. */
  fitCodePoints: number;
  fitUtf16: number;
  /** Why: 'evidence' (the readings were compared), 'origin' (a tie, the exporting software decided), 'no-difference'. */
  basis: 'evidence' | 'origin' | 'no-difference';
}

const WORD = /[\p{L}\p{N}\p{M}_'’]/u;

/** The character (code point) before or at a UTF-16 offset. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}
function charAt(text: string, at: number): string {
  return at >= text.length ? '' : String.fromCodePoint(text.codePointAt(at) as number);
}

const splitsPair = (text: string, at: number): boolean => {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const here = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && here >= 0xdc00 && here <= 0xdfff;
};

/** A position between a word character and a non-word one (or at either end of the text). */
export function onWordBoundary(text: string, at: number): boolean {
  const b = charBefore(text, at);
  const a = charAt(text, at);
  return !b || !a || !WORD.test(b) || !WORD.test(a);
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The passage a selection covers in one reading, as UTF-16 offsets, or null when that reading cannot be right. */
export function readSelection(text: string, index: CodePointIndex, sel: Pick<SelectionEvidence, 'start' | 'end'>, unit: OffsetUnit): { start: number; end: number } | null {
  const { start, end } = sel;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) return null;
  if (unit === 'code-points') {
    if (end > index.codePointLength) return null;
    return { start: index.toUtf16(start), end: index.toUtf16(end) };
  }
  if (end > text.length || splitsPair(text, start) || splitsPair(text, end)) return null;
  return { start, end };
}

/** How well a reading fits: 2 the stored quote matches, 1 both ends on word boundaries, 0 neither, -1 impossible. */
export function fitScore(text: string, range: { start: number; end: number } | null, storedQuote: string): number {
  if (!range) return -1;
  const passage = text.slice(range.start, range.end);
  const quote = squash(storedQuote);
  if (quote && quote.length >= 3) {
    const got = squash(passage);
    if (got === quote || (quote.endsWith('…') && got.startsWith(quote.slice(0, -1).trim())) || (quote.length >= 20 && got.startsWith(quote))) return 2;
  }
  return onWordBoundary(text, range.start) && onWordBoundary(text, range.end) ? 1 : 0;
}

/** Does a reading of a selection fit its text well enough to be shown anchored? */
export function selectionFits(text: string, range: { start: number; end: number } | null, storedQuote: string): boolean {
  if (!range) return false;
  const quote = squash(storedQuote);
  // A stored quote that is clearly the passage (or its start) must match; anything else (a code name, a label) is no evidence.
  if (quote && looksLikeQuote(text, quote)) return fitScore(text, range, storedQuote) === 2;
  return true;
}

/** A stored name is taken for the passage when it occurs in the text at all (a label like "Selection 4" does not). */
function looksLikeQuote(text: string, quote: string): boolean {
  const probe = quote.endsWith('…') ? quote.slice(0, -1).trim() : quote;
  return probe.length >= 3 && squash(text).includes(probe);
}

export function decideOffsetUnit(sources: readonly SourceEvidence[], origin: string): UnitDecision {
  const originUnit: OffsetUnit = /nvivo/i.test(origin) ? 'utf-16' : 'code-points';
  let compared = 0;
  let fitCodePoints = 0;
  let fitUtf16 = 0;
  let scoreCp = 0;
  let scoreU16 = 0;
  for (const s of sources) {
    const index = new CodePointIndex(s.text);
    if (index.codePointLength === index.utf16Length) continue;
    for (const sel of s.selections) {
      const cp = readSelection(s.text, index, sel, 'code-points');
      const u16 = readSelection(s.text, index, sel, 'utf-16');
      if (cp && u16 && cp.start === u16.start && cp.end === u16.end) continue;
      compared++;
      const a = fitScore(s.text, cp, sel.storedQuote);
      const b = fitScore(s.text, u16, sel.storedQuote);
      if (a > 0) fitCodePoints++;
      if (b > 0) fitUtf16++;
      scoreCp += a;
      scoreU16 += b;
    }
  }
  if (compared === 0) return { unit: originUnit, compared, fitCodePoints, fitUtf16, basis: 'no-difference' };
  if (scoreCp === scoreU16) return { unit: originUnit, compared, fitCodePoints, fitUtf16, basis: 'origin' };
  return { unit: scoreU16 > scoreCp ? 'utf-16' : 'code-points', compared, fitCodePoints, fitUtf16, basis: 'evidence' };
}

/** One sentence for the import summary. */
export function describeUnit(d: UnitDecision, origin: string): string {
  const unit = d.unit === 'utf-16' ? 'UTF-16 code units (as NVivo writes them)' : 'Unicode code points (as REFI-QDA specifies)';
  const by = origin ? ` Written by ${origin}.` : '';
  if (d.basis === 'no-difference') return `Text positions read as ${unit}; no text has characters where the two readings differ.${by}`;
  if (d.basis === 'origin') return `Text positions read as ${unit}: both readings fit ${d.fitUtf16.toLocaleString('en-US')} of ${d.compared.toLocaleString('en-US')} selections equally, so the exporting software decided.${by}`;
  const fit = d.unit === 'utf-16' ? d.fitUtf16 : d.fitCodePoints;
  const other = d.unit === 'utf-16' ? d.fitCodePoints : d.fitUtf16;
  return `Text positions read as ${unit}: ${fit.toLocaleString('en-US')} of ${d.compared.toLocaleString('en-US')} selections in texts with emoji or other astral characters fit that way (word boundaries or stored quote), ${other.toLocaleString('en-US')} the other way.${by}`;
}
