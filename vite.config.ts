/**
 * One manifest, two packages: `vite build` → dist/chrome, `vite build --mode firefox` → dist/firefox.
 *
 * manifest.json's `key` pins the Chromium extension id to pakfgahhhefpnaajfclapgchhifablpl
 * (so the OAuth redirect URI is https://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org/);
 * `node scripts/gen-key.mjs` recomputes it from the key. Firefox gets no `key`: it uses the gecko id.
 */
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { preactWithoutInnerHtml } from './scripts/preact-no-inner-html.ts';
import { asciiOutput, asciiSource } from './scripts/ascii-output.ts';
import { polyfillEsm } from './scripts/polyfill-esm.ts';
import { firstScriptChunk } from './scripts/popup-chunks.ts';
import { SHARED_GLOBAL, SHARED_WITH_BACKPACK } from './src/background/backpack-shared.ts';

export const GECKO_ID = 'lanyard@lanyard.example';
/** Content scripts built as single self-contained files: no loader, nothing web-accessible. */
const STANDALONE_CONTENT_SCRIPTS = manifest.content_scripts.flatMap((c) => c.js);
/**
 * Content scripts the background registers at run time (scripting.registerContentScripts), built
 * the same way. Not through crx's `?script` import: that would expose them as web-accessible
 * resources on every host. The output path is what src/platform/hover-script.ts registers.
 */
const REGISTERED_CONTENT_SCRIPTS = ['src/content/hover.ts'];
/**
 * The content scripts' on-demand halves (the picker, form and compose filling), injected by the
 * background with scripting.executeScript at a button's first press (src/background/services/
 * content-ui.ts names the output paths). Built the same way: packaged, never web-accessible.
 */
export const ON_DEMAND_CONTENT_SCRIPTS = ['src/content/ui-linkedin.ts', 'src/content/ui-mail.ts'];

function registeredContentScripts(target: string): Plugin {
  return {
    name: 'lanyard:registered-content-scripts',
    apply: 'build',
    async generateBundle() {
      for (const entry of [...REGISTERED_CONTENT_SCRIPTS, ...ON_DEMAND_CONTENT_SCRIPTS]) {
        const fileName = entry.replace(/\.ts$/, '.js');
        this.emitFile({ type: 'asset', fileName, source: await iife(entry, fileName, target) });
      }
    },
  };
}

/** rdf-canonize's setimmediate polyfill carries an eval path (new Function) that MV3 forbids. */
const ALIAS = { setimmediate: fileURLToPath(new URL('./src/shims/setimmediate.ts', import.meta.url)) };

/**
 * @digitalbazaar/credentials-context describes each context with a `url: new URL('../contexts/….jsonld',
 * import.meta.url)` that Lanyard never reads (it reads the `contexts` map): left as written, Vite
 * copies the files into the package, or inlines them as data: URLs in a classic script, where
 * `import.meta.url` has no value. The path stays, as a string.
 */
function unusedContextFileUrls(): Plugin {
  return {
    name: 'lanyard:unused-context-file-urls',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/@digitalbazaar/credentials-context/') || !code.includes('import.meta.url')) return null;
      return { code: code.replace(/new URL\((['"][^'"]+\.jsonld['"]),\s*import\.meta\.url\)/g, '$1'), map: null };
    },
  };
}

/**
 * One entry built as a classic script (an IIFE: no imports, no loader), self-contained but for the
 * modules in `shared` (absolute path → the global expression that holds them), taken as they are.
 */
export async function iife(entry: string, fileName: string, target: string, shared: Record<string, string> = {}): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [unusedContextFileUrls(), polyfillEsm()],
    resolve: { alias: ALIAS },
    build: {
      write: false,
      target,
      lib: { entry, formats: ['iife'], name: 'lanyard', fileName: () => fileName },
      rollupOptions: {
        external: (id) => id in shared,
        output: { entryFileNames: fileName, inlineDynamicImports: true, globals: (id) => shared[id] ?? id },
      },
    },
  });
  const chunk = (Array.isArray(out) ? out : [out]).flatMap((r) => ('output' in r ? r.output : [])).find((o) => o.type === 'chunk' && o.isEntry);
  if (!chunk || chunk.type !== 'chunk') throw new Error(`could not build ${entry}`);
  return asciiSource(chunk.code, fileName);
}

/**
 * The background: the worker (or Firefox's event page) is a classic script, background.js, and
 * the verification engine a second one, engine.js, that it imports on the first verification, and
 * the backpack clients a third, backpack.js, imported on the first sign-in, sync or token refresh
 * (src/platform/engine-loader.ts says why it is classic: a module worker cannot load code later).
 * Built here rather than by crx, whose worker loader is a module; the built manifest names it.
 */
const BACKGROUND = { entry: 'src/background/index.ts', fileName: 'background.js' };
const ENGINE = { entry: 'src/background/engine-entry.ts', fileName: 'engine.js' };
/**
 * The backpack clients (src/background/services/backpack-kit.ts), loaded on the first sign-in, sync
 * or token refresh. The error classes are the worker's own (src/background/backpack-shared.ts says why).
 */
export const BACKPACK = {
  entry: 'src/background/backpack-entry.ts',
  fileName: 'backpack.js',
  shared: Object.fromEntries(Object.entries(SHARED_WITH_BACKPACK).map(([name, path]) => [fileURLToPath(new URL(`./${path}`, import.meta.url)), `${SHARED_GLOBAL}.${name}`])),
};

function classicBackground(browser: 'chrome' | 'firefox', target: string): Plugin {
  return {
    name: 'lanyard:classic-background',
    apply: 'build',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        for (const { entry, fileName, shared } of [BACKGROUND, ENGINE, BACKPACK] as { entry: string; fileName: string; shared?: Record<string, string> }[]) {
          this.emitFile({ type: 'asset', fileName, source: await iife(entry, fileName, target, shared) });
        }
        const asset = bundle['manifest.json'];
        if (!asset || asset.type !== 'asset') throw new Error('crx wrote no manifest.json');
        const built = JSON.parse(String(asset.source)) as Record<string, unknown>;
        built.background = browser === 'firefox' ? firefoxManifest().background : { service_worker: BACKGROUND.fileName };
        asset.source = JSON.stringify(built, null, 2);
      },
    },
  };
}

/** The popup's page: its first script is one file (scripts/popup-chunks.ts says why). */
const POPUP_PAGE = fileURLToPath(new URL('./src/popup/index.html', import.meta.url));

type Manifest = typeof manifest & { version: string };

/**
 * The oldest browsers the built code is for (its syntax target below): the manifests say so, so that an
 * older browser never installs code it cannot run (and Chrome before ~119 also kept an Authorization
 * header across a cross-origin redirect, which the backpack clients rely on its dropping).
 */
export const MIN_CHROME = '120';
export const MIN_FIREFOX = '140.0';

export function chromeManifest(): Manifest & { minimum_chrome_version: string } {
  return { ...manifest, version: pkg.version, minimum_chrome_version: MIN_CHROME };
}

export function firefoxManifest() {
  const { key: _key, background: _background, permissions, minimum_chrome_version: _min, ...rest } = chromeManifest();
  return {
    ...rest,
    // dns.resolve: hover verification checks the addresses a name resolves to (Firefox only; SECURITY.md).
    permissions: [...permissions, 'dns'],
    // Firefox runs MV3 backgrounds as event pages: `scripts`, not `service_worker`. What is built:
    // the classic script classicBackground writes (not manifest.json's module source, src/background/index.ts).
    background: { scripts: [BACKGROUND.fileName] },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: MIN_FIREFOX, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const target = browser === 'firefox' ? firefoxManifest() : chromeManifest();
  const jsTarget = browser === 'firefox' ? `firefox${parseInt(MIN_FIREFOX, 10)}` : `chrome${MIN_CHROME}`;
  return {
    plugins: [
      unusedContextFileUrls(),
      preactWithoutInnerHtml(),
      preact(),
      crx({
        // Without its background: classicBackground builds it and names it in the built manifest.
        manifest: { ...target, background: undefined } as unknown as ManifestV3Export,
        browser,
        contentScripts: { standaloneFiles: STANDALONE_CONTENT_SCRIPTS },
      }),
      registeredContentScripts(jsTarget),
      classicBackground(browser, jsTarget),
      asciiOutput(),
    ],
    resolve: { alias: ALIAS },
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      // Extension pages load from disk: no need for legacy targets or a modulepreload polyfill.
      target: jsTarget,
      modulePreload: { polyfill: false },
      rollupOptions: { output: { manualChunks: firstScriptChunk(POPUP_PAGE, 'popup') } },
    },
    // Vite's dev server is not used for the extension (crx HMR needs a loaded dev build); keep it local.
    server: { host: '127.0.0.1', strictPort: true },
  };
});
