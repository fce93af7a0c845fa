/**
 * Messages the backend composes reach the window as data (a catalog key and values, core/i18n/message-text.ts), so
 * the interface words them in its language. This scan of electron/** and core/** (TypeScript AST) fails on a
 * user-facing error or summary built from an English literal: the message argument of the notebook's error classes,
 * a `summary` written as a string, a channel error made with channelError() from a sentence the analyst reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const DIRS = ['electron', 'core'];
/** The user-facing error classes, and which argument is the message. */
const MESSAGE_ARG: Record<string, number> = {
  NotebookError: 0,
  UnopenableNotebookError: 0,
  WorkerStoppedError: 1,
  CodebookError: 1,
  QueryError: 1,
  ImportError: 2,
};
/** Channel errors that stay English: the program's own faults and malformed input from a caller, not the analyst. */
const ENGLISH_CODES = new Set(['internal', 'invalid-input', 'unknown-channel']);
/** The CLI speaks English (its usage text and reports are for scripts and terminals). */
const SKIP = [/^electron\/backend\/exchange\/cli(-\w+)?\.ts$/];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const words = (text: string): boolean => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text);

/** A string literal or template with words in it, or a ?: / || / ?? / + whose parts are. */
function englishLiteral(e: ts.Expression | undefined): ts.Node | null {
  if (!e) return null;
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return englishLiteral(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return words(e.text) ? e : null;
  if (ts.isTemplateExpression(e)) return words(e.head.text + e.templateSpans.map((s) => ' ' + s.literal.text).join('')) ? e : null;
  if (ts.isConditionalExpression(e)) return englishLiteral(e.whenTrue) ?? englishLiteral(e.whenFalse);
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(e.operatorToken.kind)) {
    return englishLiteral(e.left) ?? englishLiteral(e.right);
  }
  return null;
}

/** Where English is built into a user-facing message in one file: "file:line: what". */
export function englishMessages(path: string, source: string): string[] {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${relative(ROOT, path)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}: ${node.getText().slice(0, 80)}`);
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text in MESSAGE_ARG) {
      const hit = englishLiteral(node.arguments?.[MESSAGE_ARG[node.expression.text]]);
      if (hit) at(hit, node.expression.text);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'channelError') {
      const code = node.arguments[0];
      const hit = englishLiteral(node.arguments[1]);
      if (hit && !(code && ts.isStringLiteral(code) && ENGLISH_CODES.has(code.text))) at(hit, 'channelError');
    }
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'summary') {
      const hit = englishLiteral(node.initializer);
      if (hit) at(hit, 'summary');
    }
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'summary') {
      const hit = englishLiteral(node.initializer);
      if (hit) at(hit, 'summary');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('backend messages travel as catalog keys', () => {
  it('finds English built into errors and summaries (the scan itself works)', () => {
    const probe = [
      'function probe() {',
      `throw new NotebookError('A tag of that name exists.');`,
      `throw new NotebookError(\`No source with id "\${id}".\`, 'not-found');`,
      `throw new CodebookError('cycle', ok ? sentence('x.y') : 'Cannot move it there.');`,
      `throw new QueryError('syntax', 'Empty parentheses', 0, 2);`,
      `throw new ImportError(fileName, 'empty', 'the file is empty.');`,
      `const summary = \`Tagged \${n} passages.\`;`,
      `return { changed, summary: 'Nothing was changed.' };`,
      `return channelError('unopened', 'The notebook could not be opened.');`,
      // Not flagged: keys, values, codes, and the English the program keeps for itself.
      `throw new NotebookError(sentence('backend.tag.gone', { id }), 'not-found');`,
      `throw new QueryError('syntax', sentence('backend.query.emptyParentheses'), 0, 2);`,
      `return channelError('internal', \`The backup could not be restored: \${err}\`);`,
      `return { ...summarised(sentence('backend.tags.tagged', { count })) };`,
      '}',
    ].join('\n');
    expect(englishMessages(join(ROOT, 'electron/backend/probe.ts'), probe).map((f) => f.replace(/^electron\/backend\/probe\.ts:\d+: /, '').replace(/: .*$/, ''))).toEqual([
      'NotebookError',
      'NotebookError',
      'CodebookError',
      'QueryError',
      'ImportError',
      'summary',
      'summary',
      'channelError',
    ]);
  });

  it('no error or summary of electron/** or core/** is written in English', () => {
    const files = DIRS.flatMap((d) => tsFiles(join(ROOT, d))).filter((p) => !SKIP.some((re) => re.test(relative(ROOT, p))));
    const found = files.flatMap((path) => englishMessages(path, readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
