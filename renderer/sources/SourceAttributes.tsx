import { msg } from '../i18n';
import { useId } from 'react';

export interface AttributeRow {
  key: number;
  name: string;
  value: string;
}

let nextKey = 1;
export const attributeRows = (vars: Record<string, string> | undefined): AttributeRow[] =>
  Object.entries(vars ?? {}).map(([name, value]) => ({ key: nextKey++, name, value }));

/** The rows as the record the backend keeps (names trimmed, empty names left out); an error for a repeated name. */
export function attributesOf(rows: readonly AttributeRow[]): { variables: Record<string, string>; error: string | null } {
  const variables: Record<string, string> = {};
  for (const r of rows) {
    const name = r.name.trim();
    if (!name) {
      if (r.value.trim()) return { variables, error: msg('sources.attributesAValueNeedsA') };
      continue;
    }
    if (name in variables) return { variables, error: msg('sources.attributesIsThereTwice', { name }) };
    variables[name] = r.value.trim();
  }
  return { variables, error: null };
}

/**
 * A source's attributes (issue 16: REFI-QDA variables, MAXQDA document variables, NVivo attributes), edited as
 * name/value rows; they travel in QDPX exports and filter search, retrieval and analysis.
 */
export function SourceAttributes({ rows, onChange }: { rows: AttributeRow[]; onChange(rows: AttributeRow[]): void }) {
  const id = useId();
  const set = (key: number, patch: Partial<AttributeRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="source-attributes" aria-describedby={`${id}-hint`}>
      <legend>{msg('sources.attributes')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        
        {msg('sources.variablesSuchAsRegionOr')}
      </p>
      {rows.length === 0 && <p className="field-hint">{msg('sources.noAttributes')}</p>}
      {rows.map((r, i) => (
        <div className="attribute-row" key={r.key}>
          <input aria-label={msg('sources.attributeName', { value: i + 1 })} placeholder={msg('sources.name')} value={r.name} maxLength={200} onChange={(e) => set(r.key, { name: e.target.value })} />
          <input aria-label={msg('sources.attributeValue', { value: i + 1 })} placeholder={msg('sources.value')} value={r.value} maxLength={10_000} onChange={(e) => set(r.key, { value: e.target.value })} />
          <button type="button" className="icon-button" aria-label={msg('sources.removeAttribute', { value: r.name || i + 1 })} title={msg('sources.removeThisAttribute')} onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...rows, { key: nextKey++, name: '', value: '' }])}>
        
        {msg('sources.addAttribute')}
      </button>
    </fieldset>
  );
}
