/** Who codes which sources with which codes, blind or not (issue 19): the coordinator's part of the Agreement view. */
import { useState } from 'react';
import type { CodingState } from '../../core/agreement/api';
import type { SourceSummary, Tag } from '../../core/model';
import { call } from '../api';
import { formatDate } from '../format';
import { msg } from '../i18n';

interface Props {
  coding: CodingState;
  sources: readonly SourceSummary[];
  tags: readonly Tag[];
  onChange(state: CodingState): void;
  report(err: unknown): void;
}

export function AssignmentsPanel({ coding, sources, tags, onChange, report }: Props) {
  const [coder, setCoder] = useState('');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { setup } = coding;
  const title = new Map(sources.map((s) => [s.id, s.title]));
  const name = new Map(tags.map((t) => [t.id, t.name]));
  const save = (blind: boolean, assignments: Array<{ coder: string; sourceIds: string[]; tagIds: string[] }>) =>
    call('setCoding', { blind, assignments }).then(
      (s) => {
        setError(null);
        onChange(s);
        return true;
      },
      (err: Error) => {
        setError(err.message);
        report(err);
        return false;
      },
    );
  const current = setup.assignments.map((a) => ({ coder: a.coder, sourceIds: a.sourceIds, tagIds: a.tagIds }));
  const list = (ids: readonly string[], names: Map<string, string>, what: 'sources' | 'codes') => {
    const shown = ids.slice(0, 3).map((id) => names.get(id) ?? id);
    return ids.length === 0 ? (what === 'sources' ? msg('agreement.noSources') : msg('agreement.noCodes')) : ids.length > 3 ? msg('agreement.andMore', { shown: shown.join(', '), n: ids.length - 3 }) : shown.join(', ');
  };
  return (
    <section className="chart-frame assignments" aria-labelledby="assign-title">
      <div className="chart-head">
        <div className="chart-titles">
          <h2 id="assign-title">{msg('agreement.codersAndAssignments')}</h2>
          <p className="chart-desc">{msg('agreement.assignDesc')}</p>
        </div>
        <label className="check blind-toggle">
          <input type="checkbox" checked={setup.blind} onChange={(e) => void save(e.target.checked, current)} />
          {msg('agreement.blindCoding')}
        </label>
      </div>
      {setup.assignments.length > 0 && (
        <div className="table-scroll">
        <table className="agreement-table assignments-table">
          <thead>
            <tr>
              <th scope="col">{msg('agreement.coder')}</th>
              <th scope="col">{msg('app.sources')}</th>
              <th scope="col">{msg('agreement.codes')}</th>
              <th scope="col">{msg('agreement.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{msg('agreement.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {setup.assignments.map((a, i) => (
              <tr key={`${a.coder}-${i}`}>
                <th scope="row">{a.coder}</th>
                <td title={a.sourceIds.map((id) => title.get(id) ?? id).join('\n')}>{list(a.sourceIds, title, 'sources')}</td>
                <td title={a.tagIds.map((id) => name.get(id) ?? id).join('\n')}>{list(a.tagIds, name, 'codes')}</td>
                <td>{a.submittedAt ? <span className="submitted-badge">{msg('agreement.submittedOn', { date: formatDate(a.submittedAt.slice(0, 10)) })}</span> : <span className="muted">{msg('agreement.coding')}</span>}</td>
                <td>
                  <button type="button" className="link-button" aria-label={msg('agreement.removeAssignment', { coder: a.coder })} onClick={() => void save(setup.blind, current.filter((_, j) => j !== i))}>
                    {msg('agreement.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <form
        className="assign-form"
        onSubmit={(e) => {
          e.preventDefault();
          const who = coder.trim();
          if (!who) return setError(msg('agreement.writeCoderName'));
          if (sourceIds.length === 0) return setError(msg('agreement.chooseSource'));
          void save(setup.blind, [...current, { coder: who, sourceIds, tagIds }]).then((ok) => {
            if (!ok) return;
            setCoder('');
            setSourceIds([]);
          });
        }}
      >
        <label className="field">
          {msg('agreement.coder')}
          <input value={coder} onChange={(e) => setCoder(e.target.value)} list="assign-coders" maxLength={80} placeholder={msg('agreement.namePlaceholder')} />
          <datalist id="assign-coders">
            {coding.coders.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label className="field">
          {msg('app.sources')}
          <select multiple value={sourceIds} onChange={(e) => setSourceIds([...e.target.selectedOptions].map((o) => o.value))} size={4}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {msg('agreement.codes')}
          <select multiple value={tagIds} onChange={(e) => setTagIds([...e.target.selectedOptions].map((o) => o.value))} size={4}>
            {tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary-button">
          {msg('agreement.assign')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
