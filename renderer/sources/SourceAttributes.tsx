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
      if (r.value.trim()) return { variables, error: 'Attributes: a value needs a name.' };
      continue;
    }
    if (name in variables) return { variables, error: `Attributes: “${name}” is there twice.` };
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
      <legend>Attributes</legend>
      <p className="field-hint" id={`${id}-hint`}>
        Variables such as region or respondent age: exported to QDA software, usable as filters.
      </p>
      {rows.length === 0 && <p className="field-hint">No attributes.</p>}
      {rows.map((r, i) => (
        <div className="attribute-row" key={r.key}>
          <input aria-label={`Attribute ${i + 1} name`} placeholder="Name" value={r.name} maxLength={200} onChange={(e) => set(r.key, { name: e.target.value })} />
          <input aria-label={`Attribute ${i + 1} value`} placeholder="Value" value={r.value} maxLength={10_000} onChange={(e) => set(r.key, { value: e.target.value })} />
          <button type="button" className="icon-button" aria-label={`Remove attribute ${r.name || i + 1}`} title="Remove this attribute" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...rows, { key: nextKey++, name: '', value: '' }])}>
        Add attribute
      </button>
    </fieldset>
  );
}
