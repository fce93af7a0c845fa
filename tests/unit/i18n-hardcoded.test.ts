/**
 * No user-visible English left in the renderer's JSX: text between tags, the attributes people read (aria-label,
 * title, placeholder, alt, label) and string literals shown inside {…} must come from the message catalog (msg()).
 * A small allowlist keeps what is the same in every language (units, file formats, key names).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', 'renderer');
const READ_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext']);
/** The same in every language. */
const ALLOWED = [/^(px|ch|%|CSV|PNG|SVG|PDF|HTML|JSON|URL|AND|OR|NOT|Esc|Enter|Tab|Shift|Alt|Ctrl|Del|F\d+|Research Notebook)$/, /^[A-Z](\+[A-Z0-9])?$/, /^(CmdOrCtrl|Alt|Shift)\+/, /^https?:\/\//, /^\{?\w+\}?(px|ch|%)$/];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

const words = (text: string): boolean => /[A-Za-z]{2,}/.test(text) && !ALLOWED.some((re) => re.test(text.trim()));

/** Where English is written straight into the JSX of one file: "file:line: text". */
export function hardCodedEnglish(path: string, source: string): string[] {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node, text: string) => found.push(`${path.slice(ROOT.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  /** A literal shown as it is: the expression itself, or a branch of ?: or ||/?? inside it. */
  const shownLiterals = (e: ts.Expression | undefined, report: (n: ts.Node, text: string) => void) => {
    if (!e) return;
    if (ts.isParenthesizedExpression(e)) return shownLiterals(e.expression, report);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return words(e.text) && report(e, e.text);
    if (ts.isTemplateExpression(e)) {
      const text = e.head.text + e.templateSpans.map((s) => ' ' + s.literal.text).join('');
      return words(text) && report(e, e.getText());
    }
    if (ts.isConditionalExpression(e)) {
      shownLiterals(e.whenTrue, report);
      shownLiterals(e.whenFalse, report);
    }
    if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(e.operatorToken.kind)) {
      shownLiterals(e.right, report);
      if (e.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) shownLiterals(e.left, report);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && words(node.text)) at(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer && READ_ATTRS.has(node.name.getText())) {
      if (ts.isStringLiteral(node.initializer)) {
        if (words(node.initializer.text)) at(node, `${node.name.getText()}="${node.initializer.text}"`);
      } else if (ts.isJsxExpression(node.initializer)) shownLiterals(node.initializer.expression, at);
    }
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) shownLiterals(node.expression, at);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the renderer has no hard-coded English', () => {
  it('finds English written into JSX (the scan itself works)', () => {
    const probe = `const A = () => <div title="Close the pane" aria-label={open ? 'Open' : 'Closed'}>Hello there {n} {'Nothing here'} <b>{msg('x.y')}</b> 12px</div>;`;
    expect(hardCodedEnglish(join(ROOT, 'probe.tsx'), probe).map((f) => f.replace(/^probe\.tsx:\d+: /, ''))).toEqual([
      'title="Close the pane"',
      'Open',
      'Closed',
      'Hello there',
      'Nothing here',
    ]);
  });

  it('every user-visible string of renderer/**/*.tsx goes through the message catalog', () => {
    const found = tsxFiles(ROOT).flatMap((path) => hardCodedEnglish(path, readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
