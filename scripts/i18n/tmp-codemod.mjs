// One-off extraction of renderer strings into core/i18n/en.json (removed after use).
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
const files = execSync("find renderer -name '*.tsx' -o -name '*.ts' | grep -v vite-env | grep -v '/i18n'").toString().trim().split('\n');
const ATTRS = new Set(['aria-label','title','placeholder','label','alt','aria-description','aria-roledescription','aria-valuetext','heading','description','message','emptyText','confirmLabel','hint']);
const SKIP_ATTRS = new Set(['className','key','id','role','type','name','htmlFor','data-testid','href','src','lang','dir','autoComplete','inputMode','pattern','accept','value','defaultValue','form','method','rel','target','step','kind','variant','tone','icon','size','aria-keyshortcuts','aria-controls','aria-describedby','aria-labelledby','aria-live','aria-current','aria-haspopup','aria-sort','aria-orientation','aria-autocomplete','aria-activedescendant','style','mode','direction','shortcut','command']);
const catalog = {};
const byText = new Map();
const SKIP = /^\(prefers|^Inter, |^<\?xml|^noopener|^pdf-mark|^textLayer|^translateY|^\{\w+\}(px|ch|%)$|^(CmdOrCtrl|Alt|Shift|Esc|Enter|Del)\b|^(CSV|PNG|SVG)$/;
const isEnglish0 = (s) => /[A-Za-z]{2,}/.test(s) && (/^[A-Z“"(…]/.test(s.trim()) || /[a-z]+ [a-z]+/.test(s)) && !/^[a-z-]+(\.[a-z-]+)+$/.test(s) && !/^[\w-]+$/.test(s.trim()) || /^[A-Z][a-z]+[.…:!?]?$/.test(s.trim());
const isEnglish = (s) => !SKIP.test(s.trim()) && isEnglish0(s);
function slug(text) {
  const words = text.replace(/\{[^}]*\}/g, ' ').replace(/[^A-Za-z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (!words.length) return 'text';
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
}
function keyFor(area, text) {
  const known = byText.get(area + '\0' + text);
  if (known) return known;
  let base = `${area}.${slug(text)}`, k = base, i = 2;
  while (catalog[k] !== undefined) k = `${base}${i++}`;
  catalog[k] = text; byText.set(area + '\0' + text, k);
  return k;
}
const varName = (e, used) => {
  let n = 'value';
  if (ts.isIdentifier(e)) n = e.text;
  else if (ts.isPropertyAccessExpression(e)) n = e.name.text;
  else if (ts.isCallExpression(e)) { const c = e.expression; n = ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? (ts.isIdentifier(c.expression) ? c.expression.text : c.name.text) : 'value'; if (/^(formatNumber|String|Number)$/.test(n) && e.arguments[0]) return varName(e.arguments[0], used); }
  else if (ts.isPropertyAccessExpression(e)) n = e.name.text;
  n = n.replace(/^(format|get)([A-Z])/, (_, __, c) => c.toLowerCase());
  if (n === 'length' && ts.isPropertyAccessExpression(e)) { const o = e.expression; n = (ts.isIdentifier(o) ? o.text : ts.isPropertyAccessExpression(o) ? o.name.text : 'count'); n = n.replace(/s$/, '') + 'Count'; }
  let k = n, i = 2; while (used.has(k)) k = n + i++; used.add(k); return k;
};
const inFunction = (node) => { for (let p = node.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return true; return false; };
const report = { moduleLevel: [], mixedSkipped: 0 };
for (const f of files) {
  const src = fs.readFileSync(f, 'utf8');
  const kind = f.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(f, src, ts.ScriptTarget.Latest, true, kind);
  const area = path.dirname(f).split('/').slice(1).join('.') || 'app';
  const edits = [];
  const done = new Set();
  const literalEdit = (node, text) => { if (!inFunction(node)) { report.moduleLevel.push(`${f}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text}`); return; } edits.push([node.getStart(), node.getEnd(), `msg('${keyFor(area, text)}')`]); done.add(node); };
  const templateEdit = (node) => {
    { let t0 = node.head.text; for (const sp of node.templateSpans) t0 += '{x}' + sp.literal.text; if (SKIP.test(t0.trim()) || /^\{x\}(px|ch|%)$/.test(t0)) return; }
    if (!inFunction(node)) { report.moduleLevel.push(`${f}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`); return; }
    const used = new Set(); let text = node.head.text; const vars = [];
    for (const span of node.templateSpans) { const v = varName(span.expression, used); vars.push(`${v}: ${span.expression.getText()}`); text += `{${v}}` + span.literal.text; }
    const vs = vars.map((v) => { const [a, b] = v.split(/: (.*)/s); return a === b ? a : v; });
    edits.push([node.getStart(), node.getEnd(), `msg('${keyFor(area, text)}', { ${vs.join(', ')} })`]); done.add(node);
  };
  const jsxContext = (node) => { // inside a JSX expression (content or attribute we translate) or a call argument
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isJsxAttribute(p)) return !SKIP_ATTRS.has(p.name.getText());
      if (ts.isBinaryExpression(p) && /===|!==|==|!=/.test(p.operatorToken.getText())) return false;
      if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return false;
      if (ts.isCallExpression(p)) { const c = p.expression.getText(); if (/^(console\.|localStorage|sessionStorage|document\.|querySelector|performance\.|matchMedia|addEventListener|removeEventListener|call$|on$|emit|classList|setAttribute|getAttribute|closest|startsWith|endsWith|includes|split|replace|join|test|new RegExp)/.test(c) || /\.(querySelector|querySelectorAll|closest|startsWith|endsWith|includes|split|replace|join|getElementById|setAttribute|getAttribute|mark|measure|addEventListener|removeEventListener|localeCompare)$/.test(c) || c === 'call' || /\.(log|warn|error|info|debug)$/.test(c)) return false; }
      if (ts.isPropertyAssignment(p) && /^(className|key|id|role|type|kind|mode|code|channel|format|extension|ext|mime|mimeType|accept|icon|command|scope|order|sort|view)$/.test(p.name.getText())) return false;
      if (ts.isCaseClause(p) || ts.isElementAccessExpression(p) || ts.isTypeNode(p)) return false;
      if (ts.isSourceFile(p)) return true;
    }
    return true;
  };
  const visit = (node) => {
    if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      const kids = node.children;
      const texts = kids.filter((c) => ts.isJsxText(c) && /[A-Za-z]{2,}/.test(c.text));
      const exprs = kids.filter((c) => ts.isJsxExpression(c));
      const others = kids.filter((c) => !ts.isJsxText(c) && !ts.isJsxExpression(c));
      const simple = (e) => e.expression && (ts.isIdentifier(e.expression) || ts.isPropertyAccessExpression(e.expression) || (ts.isCallExpression(e.expression) && /^(format|String|Number|withShortcut|shortcutOf)|\.(toLocaleString|toFixed|join)$|^formatAccelerator/.test(e.expression.expression.getText())) || ts.isNumericLiteral(e.expression));
      if (texts.length && exprs.length && !others.length && exprs.every(simple) && inFunction(node)) {
        const meaningful = kids.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
        const first = meaningful[0], last = meaningful[meaningful.length - 1];
        const used = new Set(); let text = ''; const vars = [];
        for (const c of meaningful) { if (ts.isJsxText(c)) text += c.text.replace(/\s+/g, ' '); else { const v = varName(c.expression, used); vars.push(c.expression.getText() === v ? v : `${v}: ${c.expression.getText()}`); text += `{${v}}`; } }
        const lead = text.match(/^\s*/)[0], trail = text.match(/\s*$/)[0];
        text = text.trim();
        edits.push([first.getStart(), last.getEnd(), `${lead ? "{' '}" : ''}{msg('${keyFor(area, text)}', { ${vars.join(', ')} })}${trail ? "{' '}" : ''}`]);
        for (const c of kids) done.add(c);
        kids.forEach((c) => c.forEachChild?.(() => {}));
        // do not descend into the combined children
        return;
      }
      if (texts.length && exprs.length) report.mixedSkipped++;
    }
    if (ts.isJsxText(node) && !done.has(node) && /[A-Za-z]{2,}/.test(node.text)) {
      const raw = node.text; const text = raw.replace(/\s+/g, ' ').trim();
      if (!inFunction(node)) report.moduleLevel.push(`${f}: ${text}`);
      else { const s = node.getStart() + raw.indexOf(raw.trim()[0]); const lead = raw.slice(0, raw.indexOf(raw.trim()[0])); const trail = raw.slice(raw.trimEnd().length);
        edits.push([node.getStart(), node.getEnd(), `${/ /.test(lead) && !/\n/.test(lead) ? "{' '}" : lead}{msg('${keyFor(area, text)}')}${/ /.test(trail) && !/\n/.test(trail) ? "{' '}" : trail}`]); void s; }
    }
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && ATTRS.has(node.name.getText()) && /[A-Za-z]{2,}/.test(node.initializer.text) && !SKIP.test(node.initializer.text)) {
      if (inFunction(node)) { edits.push([node.initializer.getStart(), node.initializer.getEnd(), `{msg('${keyFor(area, node.initializer.text)}')}`]); done.add(node.initializer); }
      else report.moduleLevel.push(`${f}: ${node.initializer.text}`);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !done.has(node) && isEnglish(node.text) && !ts.isJsxAttribute(node.parent) && !ts.isImportDeclaration(node.parent) && !ts.isLiteralTypeNode(node.parent) && jsxContext(node)) literalEdit(node, node.text);
    if (ts.isTemplateExpression(node) && !done.has(node) && isEnglish(node.head.text + node.templateSpans.map((s) => ' x ' + s.literal.text).join('')) && /[A-Za-z]{2,}/.test(node.head.text + node.templateSpans.map((s) => s.literal.text).join('')) && jsxContext(node)) { templateEdit(node); return; }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  edits.sort((a, b) => b[0] - a[0]);
  let out = src; let lastStart = Infinity;
  for (const [s, e, r] of edits) { if (e > lastStart) continue; out = out.slice(0, s) + r + out.slice(e); lastStart = s; }
  const rel = path.relative(path.dirname(f), 'renderer/i18n').replace(/^(?!\.)/, './');
  out = `import { msg } from '${rel}';\n` + out;
  fs.writeFileSync(f, out);
}
fs.mkdirSync('core/i18n', { recursive: true });
const sorted = Object.fromEntries(Object.entries(catalog).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync('core/i18n/en.json', JSON.stringify(sorted, null, 2) + '\n');
fs.writeFileSync('/tmp/i18n/report.txt', report.moduleLevel.join('\n') + `\nmixedSkipped ${report.mixedSkipped}\n`);
console.log(Object.keys(catalog).length, 'keys;', report.moduleLevel.length, 'module-level;', report.mixedSkipped, 'mixed skipped');
