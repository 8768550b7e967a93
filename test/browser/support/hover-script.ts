/**
 * The verify-on-hover feature (src/content/features/hover-verify.ts) bundled as one page script, with
 * a stand-in `chrome`: the English messages, and a background that answers every `hover/verify` with
 * `verdict` — for the browser tests that drive the card on pages of their own without the extension.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../../..');

export async function bundleHoverVerify(verdict: Record<string, unknown>): Promise<string> {
  const messages = readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8');
  const entry = `
    import { initHoverVerify } from './src/content/features/hover-verify.ts';
    const m = ${messages};
    globalThis.chrome = {
      i18n: { getMessage(key, subs = []) {
        const e = m[key];
        if (!e) return '';
        return e.message.replace(/\\$([A-Za-z_]+)\\$/g, (_, p) => { const c = e.placeholders?.[p.toLowerCase()]?.content ?? ''; return c.replace(/\\$(\\d)/g, (_, n) => subs[n - 1] ?? ''); });
      } },
      runtime: { async sendMessage() { return { ok: true, value: ${JSON.stringify(verdict)} }; } },
    };
    initHoverVerify(new AbortController().signal);`;
  const out = await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'iife', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}
