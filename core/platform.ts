/**
 * Is this a Mac? The Electron preload reports Node's `process.platform` ("darwin"); a browser reports
 * `navigator.platform` ("MacIntel"). Both spellings count, so Cmd takes Ctrl's place on macOS wherever the renderer
 * runs.
 */
export function isMacPlatform(platform: string | undefined | null): boolean {
  const p = (platform ?? '').toLowerCase();
  return p === 'darwin' || p.startsWith('mac');
}
