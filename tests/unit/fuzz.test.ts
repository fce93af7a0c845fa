import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../core/contract';
import { createDispatcher, type Dispatch } from '../../electron/backend/dispatch';
import { NotebookService } from '../../electron/backend/service';

// Every channel gets 1,000 malformed payloads: wrong types, huge strings, deep nesting, prototype-pollution keys,
// unknown keys. The backend must answer each with a clear error, never crash, and change nothing on disk.
const PER_CHANNEL = 1000;

let dir: string;
let dispatch: Dispatch;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-fuzz-'));
  dispatch = createDispatcher(await NotebookService.open({ dataDir: dir, seedsDir: resolve('seeds'), version: 'fuzz' }), () => {});
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const HUGE = 'x'.repeat(6 * 1024 * 1024);
const KEYS = ['__proto__', 'constructor', 'prototype', 'id', 'sourceId', 'start', 'end', 'doc', 'text', 'query', 'name', 'tagId', 'highlight', 'reader', 'k'];

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { nested: v };
  return v;
}

/** A random value that no channel accepts: every object carries at least one key no schema knows. */
function malformed(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 12);
  switch (pick) {
    case 0: return Math.floor(r() * 2 ** 40) * (r() < 0.5 ? -1 : 1);
    case 1: return r() < 0.5 ? NaN : Infinity;
    case 2: return r() < 0.02 ? HUGE : 'é'.repeat(Math.floor(r() * 200));
    case 3: return r() < 0.5;
    case 4: return null;
    case 5: return depth > 3 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => malformed(r, depth + 1));
    case 6: return deep(200 + Math.floor(r() * 5000));
    case 7: return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    default: {
      // An object with plausible keys, wrong values, and one unknown key.
      const o: Record<string, unknown> = { [`unknown_${Math.floor(r() * 1e6)}`]: true };
      for (let i = 0; i < 1 + r() * 4; i++) {
        const key = KEYS[Math.floor(r() * KEYS.length)];
        o[key] = depth > 3 ? 1 : malformed(r, depth + 1);
      }
      return o;
    }
  }
}

async function snapshot(): Promise<string> {
  const parts = [await readFile(join(dir, 'catalog.json'), 'utf8')];
  for (const f of (await readdir(join(dir, 'sources'))).sort()) parts.push(await readFile(join(dir, 'sources', f), 'utf8'));
  return parts.join('\n');
}

describe('hostile input on every channel', () => {
  it(`rejects ${PER_CHANNEL} malformed payloads per channel with a clear error and changes nothing`, async () => {
    const before = await snapshot();
    const r = rng(2026);
    for (const channel of channels) {
      for (let i = 0; i < PER_CHANNEL; i++) {
        const payload = malformed(r);
        const result = await dispatch(channel, payload);
        if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)}`);
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message.length).toBeLessThan(600);
        expect(result.error.message).toMatch(/^Invalid input for \w+: .+\.$/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await snapshot()).toBe(before);
    // And the backend still works.
    expect(await dispatch('listSources', undefined)).toMatchObject({ ok: true, value: expect.any(Array) });
  }, 600_000);
});
