import { counted, currentLocale, msg } from '../i18n';
/**
 * The analysis charts, drawn as SVG with d3's scales and line generator: offline, exportable as they are (SVG, or PNG
 * through a canvas), with concrete colours from the chart theme. Every mark has a text equivalent (labels, titles,
 * the table view), so colour is never the only signal.
 */
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { ChartTheme } from './chart-theme';
import { nextCell } from '../../core/analysis/grid-nav';


const monthNames = new Map<string, string[]>();
/** The short month names of the interface language ("Aug", «авг.»). */
function months(): string[] {
  const locale = currentLocale();
  let names = monthNames.get(locale);
  if (!names) {
    const f = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2021, i, 15))));
    monthNames.set(locale, names);
  }
  return names;
}

/** "2021-08" -> "Aug 21". */
function monthLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${months()[Number(m) - 1] ?? m} ${y.slice(2)}`;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "in 4 sources". */
  detail?: string;
  color?: string;
}

/** Horizontal bars, longest first as given. */
export function BarChart({ bars, theme, svgRef, label, width: W }: { bars: Bar[]; theme: ChartTheme; svgRef: RefObject<SVGSVGElement | null>; label: string; width: number }) {
  const row = 24;
  const top = 10;
  const left = Math.min(200, Math.max(90, 14 + 6.6 * Math.max(...bars.map((b) => Math.min(28, b.label.length)))));
  const right = bars.some((b) => b.detail) ? 130 : 50;
  const height = top + bars.length * row + 28;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear().domain([0, max]).nice().range([left, W - right]);
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([top, top + bars.length * row])
    .padding(0.22);
  const ticks = x.ticks(5);
  return (
    <svg ref={svgRef} className="chart-svg" width={W} height={height} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label} fontFamily={theme.font} fontSize={12}>
      <title>{label}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - 22} stroke={theme.grid} strokeWidth={1} />
          <text x={x(t)} y={height - 8} textAnchor="middle" fill={theme.muted}>
            {t.toLocaleString(currentLocale())}
          </text>
        </g>
      ))}
      {bars.map((b, i) => (
        <g key={`${b.label}-${i}`}>
          <title>{`${b.label}: ${b.value}${b.detail ? `, ${b.detail}` : ''}`}</title>
          <text x={left - 8} y={y(i)! + y.bandwidth() / 2} dy="0.35em" textAnchor="end" fill={theme.fg}>
            {truncate(b.label, 28)}
          </text>
          {/* The tag's own colour, the same in light and dark; an outline keeps pale colours visible on any page. */}
          <rect x={left} y={y(i)} width={Math.max(1, x(b.value) - left)} height={y.bandwidth()} rx={3} fill={b.color ?? theme.accent} stroke={theme.fg} strokeOpacity={0.45} strokeWidth={1} />
          <text x={x(b.value) + 6} y={y(i)! + y.bandwidth() / 2} dy="0.35em" fill={theme.fg}>
            {b.value.toLocaleString(currentLocale())}
            {b.detail && <tspan fill={theme.muted}>{`  ${b.detail}`}</tspan>}
          </text>
        </g>
      ))}
    </svg>
  );
}

export interface MatrixCell {
  /** Shown in the cell. */
  count: number;
  /** 0..1: how strongly the cell is coloured. */
  strength: number;
  title: string;
}

/** A matrix of tags: rows × columns, a cell's shade its strength, its number its count; cells can be clicked. */
export function Matrix({
  rows,
  columns,
  cell,
  selected,
  onPick,
  theme,
  svgRef,
  label,
  width: W,
}: {
  rows: Array<{ id: string; label: string }>;
  columns: Array<{ id: string; label: string }>;
  cell(rowId: string, columnId: string): MatrixCell | null;
  selected?: { row: string; column: string } | null;
  onPick?(rowId: string, columnId: string): void;
  theme: ChartTheme;
  svgRef: RefObject<SVGSVGElement | null>;
  label: string;
  width: number;
}) {
  const [roving, setRoving] = useState<{ row: string; column: string } | null>(null);
  const longest = (xs: Array<{ label: string }>, max: number) => Math.min(max, Math.max(4, ...xs.map((x) => x.label.length)));
  const left = 16 + 6.2 * longest(rows, 22);
  // Column labels are turned 50°: their height is what they need above the grid.
  const top = 18 + 6.2 * longest(columns, 18) * 0.77;
  const size = Math.max(24, Math.min(44, Math.floor((W - left - 40) / Math.max(1, columns.length))));
  const width = left + columns.length * size + 60;
  const legendY = top + rows.length * size + 14;
  const height = legendY + 26;
  // One Tab stop for the whole grid (a roving tabindex): arrows move between the cells that have passages.
  const clickables: Array<[number, number]> = [];
  if (onPick)
    rows.forEach((r, i) =>
      columns.forEach((c, j) => {
        const v = r.id === c.id ? null : cell(r.id, c.id);
        if (v && v.count > 0) clickables.push([i, j]);
      }),
    );
  const current = clickables.find(([i, j]) => rows[i].id === roving?.row && columns[j].id === roving?.column) ?? clickables[0];
  const move = (e: KeyboardEvent<SVGGElement>, i: number, j: number) => {
    const next = nextCell(clickables, i, j, e.key);
    if (!next) return;
    e.preventDefault();
    const target = { row: rows[next[0]].id, column: columns[next[1]].id };
    setRoving(target);
    svgRef.current?.querySelector<SVGGElement>(`[data-row="${CSS.escape(target.row)}"][data-column="${CSS.escape(target.column)}"]`)?.focus();
  };
  return (
    <svg ref={svgRef} className="chart-svg matrix" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label} fontFamily={theme.font} fontSize={11.5}>
      <title>{label}</title>
      {columns.map((c, j) => (
        <text key={c.id} transform={`translate(${left + j * size + size / 2 + 4}, ${top - 8}) rotate(-50)`} fill={theme.fg}>
          {truncate(c.label, 18)}
        </text>
      ))}
      {rows.map((r, i) => (
        <text key={r.id} x={left - 8} y={top + i * size + size / 2} dy="0.35em" textAnchor="end" fill={theme.fg}>
          {truncate(r.label, 22)}
        </text>
      ))}
      {rows.map((r, i) =>
        columns.map((c, j) => {
          const v = cell(r.id, c.id);
          const x = left + j * size;
          const y = top + i * size;
          if (r.id === c.id) return <rect key={`${r.id}-${c.id}`} x={x + 1} y={y + 1} width={size - 2} height={size - 2} fill={theme.grid} opacity={0.35} />;
          const isSelected = selected?.row === r.id && selected.column === c.id;
          const strength = v ? Math.max(0.08, Math.min(1, v.strength)) : 0;
          const clickable = Boolean(v && v.count > 0 && onPick);
          return (
            <g
              key={`${r.id}-${c.id}`}
              className={clickable ? 'matrix-cell clickable' : 'matrix-cell'}
              role={clickable ? 'button' : undefined}
              tabIndex={clickable ? (current && current[0] === i && current[1] === j ? 0 : -1) : undefined}
              aria-label={v ? v.title : msg('analysis.cellNone', { row: r.label, column: c.label })}
              data-row={r.id}
              data-column={c.id}
              onClick={clickable ? () => (setRoving({ row: r.id, column: c.id }), onPick!(r.id, c.id)) : undefined}
              onKeyDown={
                clickable
                  ? (e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onPick!(r.id, c.id);
                      } else move(e, i, j);
                    }
                  : undefined
              }
            >
              <title>{v ? v.title : msg('analysis.cellNone', { row: r.label, column: c.label })}</title>
              <rect x={x + 1} y={y + 1} width={size - 2} height={size - 2} rx={3} fill={v && v.count > 0 ? theme.accent : theme.background} fillOpacity={v && v.count > 0 ? strength : 1} stroke={isSelected ? theme.fg : theme.grid} strokeWidth={isSelected ? 2 : 1} />
              {v && v.count > 0 && (
                <text x={x + size / 2} y={y + size / 2} dy="0.35em" textAnchor="middle" fill={strength > 0.55 ? theme.background : theme.fg} fontWeight={600} pointerEvents="none">
                  {v.count}
                </text>
              )}
            </g>
          );
        }),
      )}
      {/* The shade's legend, in the chart (and in its PNG and SVG): lighter is fewer, darker is more. */}
      <g className="matrix-legend" transform={`translate(${left}, ${legendY})`} aria-hidden="true">
        <text x={0} y={9} dy="0.35em" fill={theme.fg}>
          
          {msg('analysis.fewer')}
        </text>
        {[0.12, 0.3, 0.5, 0.75, 1].map((o, k) => (
          <rect key={o} x={40 + k * 20} y={0} width={18} height={18} rx={3} fill={theme.accent} fillOpacity={o} stroke={theme.grid} />
        ))}
        <text x={40 + 5 * 20 + 6} y={9} dy="0.35em" fill={theme.fg}>
          
          {msg('analysis.more')}
        </text>
      </g>
    </svg>
  );
}

export interface Series {
  label: string;
  values: number[];
  /** The tag's colour (else one of the theme's series colours). */
  color?: string;
}

/** Lines over months, with the number of sources per month as bars underneath. */
export function TimelineChart({ periods, series, sources, theme, svgRef, label, width: W }: { periods: string[]; series: Series[]; sources: number[]; theme: ChartTheme; svgRef: RefObject<SVGSVGElement | null>; label: string; width: number }) {
  const left = 48;
  const right = 160;
  const top = 16;
  const plot = 230;
  const barsTop = top + plot + 40;
  const barsHeight = 60;
  const height = barsTop + barsHeight + 36;
  const x = scalePoint<string>().domain(periods).range([left + 10, W - right - 10]);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear().domain([0, max]).nice().range([top + plot, top]);
  const yb = scaleLinear().domain([0, Math.max(1, ...sources)]).range([0, barsHeight]);
  const path = line<number>()
    .x((_, i) => x(periods[i])!)
    .y((v) => y(v));
  // Month labels ("Aug 21") need about 48 px each: show every n-th so they never overlap.
  const every = Math.max(1, Math.ceil((periods.length * 48) / Math.max(1, W - left - right)));
  const barWidth = Math.max(3, Math.min(18, (W - left - right) / Math.max(1, periods.length) - 4));
  // Line-end labels, nudged apart so they do not overlap.
  const ends = series.map((s, k) => ({ k, y: y(s.values[s.values.length - 1] ?? 0) })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) if (ends[i].y - ends[i - 1].y < 14) ends[i].y = ends[i - 1].y + 14;
  const endY = new Map(ends.map((e) => [e.k, e.y]));
  return (
    <svg ref={svgRef} className="chart-svg" width={W} height={height} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label} fontFamily={theme.font} fontSize={12}>
      <title>{label}</title>
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} stroke={theme.grid} />
          <text x={left - 8} y={y(t)} dy="0.35em" textAnchor="end" fill={theme.muted}>
            {t}
          </text>
        </g>
      ))}
      <text x={left} y={top - 4} fill={theme.muted} fontSize={11}>
        
        {msg('analysis.highlightsPerMonth')}
      </text>
      {series.map((s, k) => {
        const color = s.color ?? theme.series[k % theme.series.length];
        const dash = k >= 4 ? '5 3' : undefined;
        return (
          <g key={s.label}>
            <title>{`${s.label}: ${counted('highlight', s.values.reduce((a, b) => a + b, 0))}`}</title>
            {/* A dark edge under the tag's colour: pale tag colours stay visible on a light page. */}
            <path d={path(s.values) ?? ''} fill="none" stroke={theme.fg} strokeOpacity={0.45} strokeWidth={4.2} strokeDasharray={dash} />
            <path d={path(s.values) ?? ''} fill="none" stroke={color} strokeWidth={2.4} strokeDasharray={dash} data-series-color={color} />
            {s.values.map((v, i) => (
              <circle key={i} cx={x(periods[i])} cy={y(v)} r={periods.length > 30 ? 2.2 : 3.5} fill={color} stroke={theme.fg} strokeOpacity={0.6} strokeWidth={1}>
                <title>{`${s.label}, ${periods[i]}: ${v}`}</title>
              </circle>
            ))}
            <rect x={W - right + 6} y={(endY.get(k) ?? 0) - 5} width={10} height={10} rx={2} fill={color} stroke={theme.fg} strokeOpacity={0.6} />
            <text x={W - right + 20} y={endY.get(k)} dy="0.35em" fill={theme.fg} fontWeight={600}>
              {truncate(s.label, 19)}
            </text>
          </g>
        );
      })}
      <text x={left} y={barsTop - 8} fill={theme.muted} fontSize={11}>
        
        {msg('analysis.sourcesPublishedPerMonth')}
      </text>
      {sources.map((n, i) => (
        <rect key={periods[i]} x={x(periods[i])! - barWidth / 2} y={barsTop + barsHeight - yb(n)} width={barWidth} height={yb(n)} rx={2} fill={theme.muted} opacity={0.55}>
          <title>{msg('analysis.source3', { value: periods[i], n })}</title>
        </rect>
      ))}
      <line x1={left} x2={W - right} y1={barsTop + barsHeight} y2={barsTop + barsHeight} stroke={theme.grid} />
      {periods.map((p, i) =>
        i % every === 0 ? (
          <text key={p} x={x(p)} y={barsTop + barsHeight + 16} textAnchor="middle" fill={theme.muted}>
            {monthLabel(p)}
          </text>
        ) : null,
      )}
    </svg>
  );
}
