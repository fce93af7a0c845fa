import { JsGit } from './js-git';
import { SystemGit } from './system-git';
import type { GitDriver } from './git';

let chosen: Promise<GitDriver> | null = null;

/**
 * The system git when one is installed, else the built-in one (isomorphic-git). RESEARCH_NOTEBOOK_GIT=js forces the
 * built-in one (tests of the fallback); RESEARCH_NOTEBOOK_GIT=/path/to/git names the binary.
 */
export function pickGit(env: NodeJS.ProcessEnv = process.env): Promise<GitDriver> {
  const wanted = env.RESEARCH_NOTEBOOK_GIT;
  if (wanted === 'js') return Promise.resolve(new JsGit());
  if (wanted) return Promise.resolve(new SystemGit(wanted));
  chosen ??= SystemGit.available().then((ok) => (ok ? new SystemGit() : new JsGit()));
  return chosen;
}
