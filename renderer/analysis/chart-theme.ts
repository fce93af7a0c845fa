import { useEffect, useState } from 'react';

/**
 * Concrete colours for the charts, read from the app's CSS variables: SVG attributes get real values (not var()), so
 * an exported SVG or PNG looks like the screen without the app's stylesheet. Follows the OS light/dark switch.
 */
export interface ChartTheme {
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  background: string;
  font: string;
  /** Line and category colours, strong enough on either background. */
  series: string[];
}

const LIGHT_SERIES = ['#2f5fb3', '#d1495b', '#2e8b57', '#e07b00', '#7b4fb3', '#0f8b8d', '#8c564b', '#c2418a'];
const DARK_SERIES = ['#8fb3f0', '#ff8a95', '#7fd3a0', '#ffb25c', '#c3a2f0', '#5fd0d2', '#d9a38f', '#f08ccb'];

function read(): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return {
    fg: v('--fg', '#1f1d1a'),
    muted: v('--fg-muted', '#6b665d'),
    grid: v('--border', '#dcd7cd'),
    accent: v('--accent', '#2f5fb3'),
    background: v('--bg-raised', '#ffffff'),
    font: v('--ui-font', 'Inter, system-ui, sans-serif'),
    series: dark ? DARK_SERIES : LIGHT_SERIES,
  };
}

export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(read);
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => setTheme(read());
    media?.addEventListener('change', onChange);
    return () => media?.removeEventListener('change', onChange);
  }, []);
  return theme;
}
