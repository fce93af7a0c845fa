import { msg } from '../i18n';
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { BarChart3, Download, Table2 } from 'lucide-react';
import type { DataTable } from '../../core/analysis/csv';
import { downloadCsv, downloadPng, downloadSvg } from './export';

interface Props {
  title: string;
  description?: ReactNode;
  /** Controls shown beside the title (selects, toggles). */
  controls?: ReactNode;
  table: DataTable;
  background: string;
  /** The chart, drawn `width` px wide (text at its real size); it puts its <svg> in the ref given. */
  chart(svgRef: RefObject<SVGSVGElement | null>, width: number): ReactNode;
  /** Cells of the table view may be made clickable (e.g. co-occurrence counts). */
  /** `rowIndex` is the row's place in `table.rows`: find what a row stands for by it, never by its label. */
  renderCell?(row: DataTable['rows'][number], column: number, rowIndex: number): ReactNode;
  report(err: unknown): void;
  empty?: string;
}

/** A chart with a switch to its table, and exports: PNG and SVG of the chart, CSV of the table. */
export function ChartFrame({ title, description, controls, table, background, chart, renderCell, report, empty }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const svg = useRef<SVGSVGElement | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const width = useWidth(body, view);
  const hasData = table.rows.length > 0;
  const needChart = (run: (el: SVGSVGElement) => unknown) => () => {
    if (!svg.current) {
      report(new Error(msg('analysis.showTheChartFirstIt')));
      return;
    }
    Promise.resolve(run(svg.current)).catch(report);
  };
  return (
    <section className="chart-frame" aria-label={title}>
      <header className="chart-head">
        <div className="chart-titles">
          <h2>{title}</h2>
          {description && <p className="chart-desc">{description}</p>}
        </div>
        <div className="chart-tools">
          {controls}
          <div className="segmented" role="radiogroup" aria-label={msg('analysis.showAs')}>
            <button type="button" role="radio" aria-checked={view === 'chart'} onClick={() => setView('chart')} title={msg('analysis.showAsAChart')}>
              <BarChart3 size={14} aria-hidden="true" />{' '}{msg('analysis.chart')}
            </button>
            <button type="button" role="radio" aria-checked={view === 'table'} onClick={() => setView('table')} title={msg('analysis.showAsATable')}>
              <Table2 size={14} aria-hidden="true" />{' '}{msg('analysis.table')}
            </button>
          </div>
          <div className="export-buttons" role="group" aria-label={msg('analysis.export', { title })}>
            <Download size={14} aria-hidden="true" className="export-icon" />
            <button type="button" disabled={!hasData || view !== 'chart'} onClick={needChart((el) => downloadPng(el, title, background))} title={msg('analysis.saveTheChartAsA')}>
              
              {msg('analysis.png')}
            </button>
            <button type="button" disabled={!hasData || view !== 'chart'} onClick={needChart((el) => downloadSvg(el, title, background))} title={msg('analysis.saveTheChartAsAn')}>
              
              {msg('analysis.svg')}
            </button>
            <button type="button" disabled={!hasData} onClick={() => downloadCsv(table, title)} title={msg('analysis.saveTheNumbersAsCsv')}>
              
              {msg('analysis.csv')}
            </button>
          </div>
        </div>
      </header>
      {!hasData ? (
        <p className="chart-empty">{empty ?? msg('analysis.nothingToShowYet')}</p>
      ) : view === 'chart' ? (
        <div className="chart-body" ref={body}>
          {width > 0 && chart(svg, Math.max(420, Math.min(1100, width)))}
        </div>
      ) : (
        <div className="chart-table-wrap">
          <table className="chart-table">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {renderCell ? renderCell(row, c, r) : cell}
                      </th>
                    ) : (
                      <td key={c} className={typeof cell === 'number' ? 'num' : undefined}>
                        {renderCell ? renderCell(row, c, r) : formatCell(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function formatCell(cell: string | number): string {
  return typeof cell === 'number' && !Number.isInteger(cell) ? cell.toFixed(3) : String(cell);
}

/** The element's width, followed as the pane is resized. */
function useWidth(ref: RefObject<HTMLElement | null>, key: unknown): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, key]);
  return width;
}
