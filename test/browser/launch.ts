/**
 * Launches Debian's Chromium with the built extension (dist/chrome) in a fresh profile, finds its
 * service worker, and checks that the extension id is the one manifest.json's `key` pins.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = resolve(import.meta.dirname, '../../dist/chrome');

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://<id>/ */
  origin: string;
  manifest: { version: string; key: string; action: { default_popup: string } } & Record<string, unknown>;
  /** The browser's profile directory (removed by close). */
  profile: string;
  close(): Promise<void>;
}

/** Chromium's id for a `key`: SHA-256 of the SPKI DER, first 32 hex digits mapped 0-f → a-p. */
export function extensionIdFromKey(keyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export interface LaunchOptions {
  /** The unpacked extension to load (default dist/chrome). */
  dist?: string;
  /** The browser's UI language (the extension's messages follow it), e.g. "fr". */
  lang?: string;
}

export async function launchExtension({ dist = DIST, lang }: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is not built: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Launched['manifest'];
  const profile = mkdtempSync(join(tmpdir(), 'lanyard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    // Chromium on Linux takes its UI language from LANGUAGE; --lang sets it where that is honoured.
    ...(lang ? { env: { ...process.env, LANGUAGE: lang } } : {}),
    args: [
      '--headless=new',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const expected = extensionIdFromKey(manifest.key);
    if (extensionId !== expected) throw new Error(`extension id ${extensionId}, but the manifest key gives ${expected}`);
    return { context, worker, extensionId, origin: `chrome-extension://${extensionId}/`, manifest, profile, close };
  } catch (e) {
    await close();
    throw e;
  }
}
