/**
 * One manifest, two packages: `vite build` → dist/chrome, `vite build --mode firefox` → dist/firefox.
 *
 * manifest.json's `key` pins the Chromium extension id to pakfgahhhefpnaajfclapgchhifablpl
 * (so the OAuth redirect URI is https://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org/);
 * `node scripts/gen-key.mjs` recomputes it from the key. Firefox gets no `key`: it uses the gecko id.
 */
import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

export const GECKO_ID = 'lanyard@lanyard.example';
/** Content scripts built as single self-contained files: no loader, nothing web-accessible. */
const STANDALONE_CONTENT_SCRIPTS = manifest.content_scripts.flatMap((c) => c.js);

type Manifest = typeof manifest & { version: string };

export function chromeManifest(): Manifest {
  return { ...manifest, version: pkg.version };
}

export function firefoxManifest() {
  const { key: _key, background, ...rest } = chromeManifest();
  return {
    ...rest,
    // Firefox runs MV3 backgrounds as event pages: `scripts`, not `service_worker`.
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const target = browser === 'firefox' ? firefoxManifest() : chromeManifest();
  return {
    plugins: [
      preact(),
      crx({
        manifest: target as unknown as ManifestV3Export,
        browser,
        contentScripts: { standaloneFiles: STANDALONE_CONTENT_SCRIPTS },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // Extension pages load from disk: no need for legacy targets or a modulepreload polyfill.
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
      modulePreload: { polyfill: false },
    },
    // Vite's dev server is not used for the extension (crx HMR needs a loaded dev build); keep it local.
    server: { host: '127.0.0.1', strictPort: true },
  };
});
