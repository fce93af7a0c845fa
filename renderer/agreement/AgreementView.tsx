/**
 * The Agreement view (issue 19), in place of the reader like Analysis: who codes what (assignments, blind coding,
 * submitting), agreement between coders per code and overall, and the passages where they differ, settled one key at
 * a time into the merged reading.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ArrowLeft } from 'lucide-react';
import type { AdjudicationChoice, AgreementResult, CodingState, ListedDisagreement } from '../../core/agreement/api';
import { ADJUDICATED } from '../../core/agreement/blind';
import type { UnitKind } from '../../core/agreement/units';
import type { SourceSummary, Tag } from '../../core/model';
import { call } from '../api';
import { withShortcut } from '../shell/Toolbar';
import { formatCoefficient, formatPercent, UNIT_LABEL } from './format';
import { AssignmentsPanel } from './AssignmentsPanel';
import { DisagreementList } from './DisagreementList';
import { counted, msg, num } from '../i18n';

interface Props {
  tags: readonly Tag[];
  sources: readonly SourceSummary[];
  report(err: unknown): void;
  onClose(): void;
  onChangeName(): void;
  /** The coding setup or a submission changed what the reader may show: the open source is fetched again. */
  onCodingChanged(): void;
  onOpenPassage(sourceId: string, start: number, end: number): void;
  /** Bumps when the analyst's name changes. */
  nameVersion: number;
}

export function AgreementView({ tags, sources, report, onClose, onChangeName, onCodingChanged, onOpenPassage, nameVersion }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [coding, setCoding] = useState<CodingState | null>(null);
  const [coders, setCoders] = useState<string[]>([]);
  const [codes, setCodes] = useState<string[]>([]);
  const [unit, setUnit] = useState<UnitKind>('sentence');
  const [result, setResult] = useState<AgreementResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);

  const load = useCallback(() => {
    call('getCoding').then((state) => {
      setCoding(state);
      // First time: compare the assigned coders on the codes they were given.
      setCoders((c) => (c.length ? c : state.setup.assignments.map((a) => a.coder).filter((x, i, all) => all.indexOf(x) === i).slice(0, 2)));
      setCodes((c) => (c.length ? c : [...new Set(state.setup.assignments.flatMap((a) => a.tagIds))]));
    }, report);
  }, [report]);
  useEffect(load, [load, nameVersion]);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('.back-button')?.focus();
  }, []);

  const compare = () => {
    setBusy(true);
    setProblem(null);
    call('computeAgreement', { coders, tagIds: codes, unit }).then(
      (r) => {
        setResult(r);
        setBusy(false);
      },
      (err: Error) => {
        setResult(null);
        setProblem(err.message);
        setBusy(false);
      },
    );
  };

  const decide = async (d: ListedDisagreement, choice: AdjudicationChoice | null): Promise<void> => {
    if (!result) return;
    try {
      if (choice === null) await call('undoAdjudication', { key: d.key });
      else await call('adjudicate', { sourceId: d.sourceId, tagId: d.tagId, start: d.start, end: d.end, coders: [result.coders[0], result.coders[1]], choice });
      setResult((r) => r && { ...r, disagreements: r.disagreements.map((x) => (x.key === d.key ? withDecision(x, choice) : x)) });
      onCodingChanged();
    } catch (err) {
      report(err);
    }
  };

  const me = coding?.analyst ?? null;
  const mine = coding?.setup.assignments.filter((a) => a.coder === me) ?? [];
  const toSubmit = mine.filter((a) => !a.submittedAt);
  const decided = result?.disagreements.filter((d) => d.decision).length ?? 0;
  const codable = useMemo(() => tags.filter((t) => t.isCodable !== false), [tags]);
  const coderChoices = useMemo(() => (coding ? coding.coders.filter((c) => c !== ADJUDICATED) : []), [coding]);

  return (
    <div
      className="analysis agreement"
      role="main"
      aria-label={msg('agreement.agreement')}
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('select, textarea, dialog, input:not([type="checkbox"]):not([type="radio"])')) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="analysis-header">
        <button type="button" className="back-button" onClick={onClose} title={msg('analysis.backToTheReaderEsc')}>
          <ArrowLeft size={15} aria-hidden="true" /> {msg('analysis.reader')}
        </button>
        <h1>{msg('agreement.agreement')}</h1>
        <p className="analysis-summary" role="status" aria-live="polite">
          {me ? (
            <>
              {msg('agreement.youAre')} <strong>{me}</strong>
              {coding?.setup.blind ? msg('agreement.codingIsBlind') : ''}
            </>
          ) : (
            msg('agreement.setNameToCode')
          )}
        </p>
        <button type="button" className="link-button" onClick={onChangeName} title={withShortcut(msg('agreement.setOrSwitchName'), 'view.analystName')}>
          {me ? msg('agreement.switchName') : msg('agreement.setYourNameEllipsis')}
        </button>
        {toSubmit.length > 0 && (
          <button
            type="button"
            className="primary-button"
            onClick={() =>
              call('submitCoding').then((s) => {
                setCoding(s);
                onCodingChanged();
                // The button goes once the coding is submitted: the keyboard stays in the view (Escape still leaves).
                root.current?.querySelector<HTMLElement>('.back-button')?.focus();
              }, report)
            }
            title={msg('agreement.submitTitle')}
          >
            {msg('agreement.submitMyCoding')}
          </button>
        )}
        {mine.length > 0 && toSubmit.length === 0 && <span className="submitted-badge">{msg('agreement.submitted')}</span>}
      </div>
      <div className="analysis-body agreement-body">
        {coding && <AssignmentsPanel coding={coding} sources={sources} tags={codable} onChange={(s) => { setCoding(s); onCodingChanged(); }} report={report} />}
        <section className="agreement-compare chart-frame" aria-labelledby="compare-title">
          <div className="chart-head">
            <div className="chart-titles">
              <h2 id="compare-title">{msg('agreement.compareCoders')}</h2>
              <p className="chart-desc">{msg('agreement.compareDesc')}</p>
            </div>
          </div>
          <form
            className="compare-form"
            onSubmit={(e) => {
              e.preventDefault();
              compare();
            }}
          >
            <fieldset>
              <legend>{msg('agreement.coders')}</legend>
              {coderChoices.length === 0 && <p className="field-hint">{msg('agreement.noCoders')}</p>}
              {coderChoices.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" checked={coders.includes(c)} onChange={(e) => setCoders((list) => (e.target.checked ? [...list, c] : list.filter((x) => x !== c)))} />
                  {c}
                  {coders.indexOf(c) === 0 && <span className="coder-letter" aria-label={msg('agreement.coderA')}> A</span>}
                  {coders.indexOf(c) === 1 && <span className="coder-letter" aria-label={msg('agreement.coderB')}> B</span>}
                </label>
              ))}
            </fieldset>
            <fieldset className="codes-field">
              <legend>{msg('agreement.codesCount', { n: codes.length })}</legend>
              <div className="code-checks">
                {codable.map((t) => (
                  <label key={t.id} className="check">
                    <input type="checkbox" checked={codes.includes(t.id)} onChange={(e) => setCodes((list) => (e.target.checked ? [...list, t.id] : list.filter((x) => x !== t.id)))} />
                    <span className="code-swatch" style={{ background: t.color }} aria-hidden="true" />
                    {t.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>{msg('agreement.units')}</legend>
              {(Object.keys(UNIT_LABEL) as UnitKind[]).map((u) => (
                <label key={u} className="check">
                  <input type="radio" name="agreement-unit" value={u} checked={unit === u} onChange={() => setUnit(u)} />
                  {UNIT_LABEL[u]}
                </label>
              ))}
            </fieldset>
            <div className="compare-actions">
              <button type="submit" className="primary-button" disabled={busy || coders.length < 2 || codes.length === 0}>
                {busy ? msg('agreement.comparing') : msg('agreement.compare')}
              </button>
              {coders.length < 2 && <span className="field-hint">{msg('agreement.chooseTwo')}</span>}
            </div>
          </form>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
        </section>
        {result && (
          <>
            <section className="chart-frame" aria-labelledby="figures-title">
              <div className="chart-head">
                <div className="chart-titles">
                  <h2 id="figures-title">{msg('agreement.agreementOf', { coders: result.coders.join(msg('agreement.and')) })}</h2>
                  <p className="chart-desc">
                    {msg('agreement.figuresDesc', { unit: UNIT_LABEL[result.unit], sources: counted('source', result.sourceCount) })}
                  </p>
                </div>
              </div>
              <table className="agreement-table">
                <thead>
                  <tr>
                    <th scope="col">{msg('agreement.code')}</th>
                    <th scope="col" className="num">
                      {msg('agreement.units')}
                    </th>
                    <th scope="col" className="num">
                      {msg('agreement.percentCol')}
                    </th>
                    <th scope="col" className="num">
                      {msg('agreement.kappa')}
                    </th>
                    <th scope="col" className="num">
                      {msg('agreement.alpha')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.codes.map((c) => (
                    <tr key={c.tagId} data-tag-id={c.tagId}>
                      <th scope="row">
                        <span className="code-swatch" style={{ background: tagsById.get(c.tagId)?.color }} aria-hidden="true" />
                        {tagsById.get(c.tagId)?.name ?? c.tagId}
                      </th>
                      <td className="num">{num(c.units)}</td>
                      <td className="num" data-figure="percent">{formatPercent(c.percent)}</td>
                      <td className="num" data-figure="kappa">{formatCoefficient(c.kappa)}</td>
                      <td className="num" data-figure="alpha">{formatCoefficient(c.alpha)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-tag-id="overall">
                    <th scope="row">{msg('agreement.overall')}</th>
                    <td className="num">{num(result.overall.units)}</td>
                    <td className="num" data-figure="percent">{formatPercent(result.overall.percent)}</td>
                    <td className="num" data-figure="kappa">{formatCoefficient(result.overall.kappa)}</td>
                    <td className="num" data-figure="alpha">{formatCoefficient(result.overall.alpha)}</td>
                  </tr>
                </tfoot>
              </table>
            </section>
            <section className="chart-frame" aria-labelledby="differ-title">
              <div className="chart-head">
                <div className="chart-titles">
                  <h2 id="differ-title">{msg('agreement.whereDiffer', { n: num(result.disagreementCount) })}</h2>
                  <p className="chart-desc">
                    {result.coders.length === 2
                      ? msg('agreement.settleHelp', { a: result.coders[0], b: result.coders[1], by: ADJUDICATED })
                      : msg('agreement.chooseTwoToSettle')}{' '}
                    {msg('agreement.settledOf', { done: decided, total: result.disagreements.length })}
                  </p>
                </div>
              </div>
              <DisagreementList items={result.disagreements} coders={result.coders} tagsById={tagsById} canDecide={result.coders.length === 2} onDecide={decide} onOpen={onOpenPassage} />
            </section>
          </>
        )}
      </div>
    </div>
  );
}

function withDecision(d: ListedDisagreement, choice: AdjudicationChoice | null): ListedDisagreement {
  if (choice === null) {
    const { decision: _gone, ...rest } = d;
    return rest;
  }
  return { ...d, decision: choice };
}
