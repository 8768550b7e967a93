/**
 * The Firefox manifest as vite.config.ts states it names the background that is built: the classic
 * script background.js (classicBackground; src/platform/engine-loader.ts says why classic), not the
 * module source `src/background/index.ts` with `type: "module"` that the build then overwrote.
 */
import { describe, expect, it } from 'vitest';

const { chromeManifest, firefoxManifest } = await import('../../vite.config.ts');

describe('the Firefox manifest in vite.config.ts', () => {
  it('names the built classic event page, not the module source', () => {
    expect(firefoxManifest().background).toEqual({ scripts: ['background.js'] });
    expect(JSON.stringify(firefoxManifest())).not.toContain('src/background/index.ts');
  });

  it('leaves the rest of the manifest as Chrome has it', () => {
    const { key: _key, background: _bg, permissions, minimum_chrome_version: _min, ...chrome } = chromeManifest();
    const { background: _fbg, permissions: ffPermissions, browser_specific_settings: _bss, ...firefox } = firefoxManifest();
    expect(firefox).toEqual(chrome);
    expect(ffPermissions).toEqual([...permissions, 'dns']);
  });
});
