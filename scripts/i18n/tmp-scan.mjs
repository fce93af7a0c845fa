import ts from 'typescript';
import fs from 'node:fs';
import { execSync } from 'node:child_process';
const files = execSync("find renderer -name '*.tsx'").toString().trim().split('\n');
const ATTRS = new Set(['aria-label','title','placeholder','label','alt','aria-description','aria-roledescription','aria-valuetext','heading','description','message','emptyText']);
let n = 0, mixed = 0, attrs = 0, tmpl = 0, exprStr = 0;
for (const f of files) {
  const src = fs.readFileSync(f, 'utf8');
  const sf = ts.createSourceFile(f, src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const visit = (node) => {
    if (ts.isJsxText(node) && /[A-Za-z]{2,}/.test(node.text)) { n++; const p = node.parent; if (p.children && p.children.some(c => ts.isJsxExpression(c))) mixed++; }
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText();
      if (ATTRS.has(name)) {
        if (ts.isStringLiteral(node.initializer) && /[A-Za-z]{2,}/.test(node.initializer.text)) attrs++;
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression && /[A-Za-z]{2,}/.test(node.initializer.expression.getText()) && (ts.isTemplateExpression(node.initializer.expression) || ts.isConditionalExpression(node.initializer.expression))) tmpl++;
      }
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isStringLiteral(node.expression)||ts.isNoSubstitutionTemplateLiteral(node.expression)||ts.isTemplateExpression(node.expression)||ts.isConditionalExpression(node.expression)) && /['`"][A-Z][a-z]/.test(node.expression.getText())) exprStr++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
console.log({ n, mixed, attrs, tmpl, exprStr });
