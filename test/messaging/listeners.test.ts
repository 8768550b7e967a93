/**
 * Who can talk to Lanyard at all. Only the background listens to runtime messages (one listener,
 * src/background/index.ts through src/platform/runtime.ts), and nothing listens to ports, to other
 * extensions (onMessageExternal / onConnectExternal) or to a page's postMessage: a content script's
 * runtime.sendMessage reaches every extension page's onMessage listeners, so a listener in the
 * popup would take messages from content scripts. The manifest lets no web page message the
 * extension (no externally_connectable) nor load its pages (no web_accessible_resources).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.tsx?$/.test(n) ? [join(dir, n)] : []));
const using = (pattern: RegExp) => files(ROOT).filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length + 1)).sort();

describe('message listeners', () => {
  it('only the runtime wrapper adds a runtime.onMessage listener, and only the background uses it', () => {
    expect(using(/onMessage\s*\.\s*addListener/)).toEqual(['platform/runtime.ts']);
    expect(using(/\bruntime\.onMessage\(/)).toEqual(['background/index.ts']);
  });

  it('nothing listens to ports, other extensions or window messages', () => {
    expect(using(/\bonConnect(External)?\s*\.\s*addListener|onMessageExternal|onUserScriptMessage/)).toEqual([]);
    expect(using(/addEventListener\(\s*['"]message['"]|\bonmessage\s*=|BroadcastChannel|MessageChannel/)).toEqual([]);
  });

  it('the manifest opens no door to web pages or other extensions’ pages', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('sandbox');
  });
});
