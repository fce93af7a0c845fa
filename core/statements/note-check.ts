/**
 * The note check (issue 17): sentences of a note whose only support is weak. A paragraph is supported by the citation
 * blocks that follow it (up to the next paragraph); its sentences are listed when every one of those citations is of
 * a source graded E or F, or of a passage with no grade at all. Pure; walks the note iteratively.
 */
import type { NoteDoc } from '../model';
import { isWeakSupport, gradeLabel, type Credibility, type Reliability } from './grading';

export interface CitedGrade {
  reliability?: Reliability | null;
  credibility?: Credibility | null;
}

export interface WeakSentence {
  sentence: string;
  /** The supporting citations' grades ("E3", "ungraded"). */
  support: string[];
}

interface PMNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
}

function textOf(node: PMNode): string {
  let out = '';
  const stack: PMNode[] = [node];
  while (stack.length) {
    const n = stack.pop() as PMNode;
    if (n.type === 'text') out += n.text ?? '';
    else if (n.type === 'hard_break') out += ' ';
    if (n.content) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i]);
  }
  return out;
}

/** Blocks in document order: paragraphs/headings as text, citations by highlight id (lists and quotes descended). */
function blocks(doc: NoteDoc): Array<{ kind: 'text'; text: string } | { kind: 'citation'; highlightId: string }> {
  const out: Array<{ kind: 'text'; text: string } | { kind: 'citation'; highlightId: string }> = [];
  const stack: PMNode[] = [...((doc.content as PMNode[] | undefined) ?? [])].reverse();
  let guard = 0;
  while (stack.length && guard++ < 1_000_000) {
    const n = stack.pop() as PMNode;
    if (n.type === 'citation') out.push({ kind: 'citation', highlightId: String(n.attrs?.highlightId ?? '') });
    else if (n.type === 'paragraph' || n.type === 'heading') out.push({ kind: 'text', text: textOf(n) });
    else if (n.content) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i]);
  }
  return out;
}

export function splitNoteSentences(text: string): string[] {
  return (text.match(/[^.!?]+(?:[.!?]+["”’)]*|$)/g) ?? []).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
}

export function weakSentences(doc: NoteDoc, gradeOf: (highlightId: string) => CitedGrade | null): WeakSentence[] {
  const list = blocks(doc);
  const out: WeakSentence[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (b.kind !== 'text' || !b.text.trim()) continue;
    const cited: string[] = [];
    for (let j = i + 1; j < list.length && list[j].kind === 'citation'; j++) cited.push((list[j] as { highlightId: string }).highlightId);
    if (cited.length === 0) continue;
    const grades = cited.map((id) => gradeOf(id) ?? {});
    if (!grades.every((g) => isWeakSupport(g.reliability, g.credibility))) continue;
    const support = grades.map((g) => gradeLabel(g.reliability, g.credibility) || 'ungraded');
    for (const sentence of splitNoteSentences(b.text)) out.push({ sentence, support });
  }
  return out;
}
