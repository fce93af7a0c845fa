/** How the Agreement view writes its figures (pure, so the e2e test writes the core's figures the same way to compare). */
export function formatPercent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
}

export function formatCoefficient(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3).replace(/^-0\.000$/, '0.000') : '—';
}
