/**
 * Each manifest names the oldest browser the built code targets (vite.config.ts MIN_CHROME,
 * MIN_FIREFOX): Chrome's `minimum_chrome_version` (an older Chrome would install code built for 120,
 * and before ~119 kept a request's Authorization header across a cross-origin redirect); Firefox's
 * `strict_min_version`, and no Chrome-only key in Firefox's manifest.
 */
import { describe, expect, it } from 'vitest';

const { chromeManifest, firefoxManifest, MIN_CHROME, MIN_FIREFOX } = await import('../../vite.config.ts');

describe('the manifests name the browsers the build targets', () => {
  it('Chrome: minimum_chrome_version is the build target (120)', () => {
    expect(MIN_CHROME).toBe('120');
    expect(chromeManifest().minimum_chrome_version).toBe(MIN_CHROME);
  });

  it('Firefox: strict_min_version, and no minimum_chrome_version', () => {
    const ff = firefoxManifest();
    expect(ff.browser_specific_settings.gecko.strict_min_version).toBe(MIN_FIREFOX);
    expect('minimum_chrome_version' in ff).toBe(false);
  });
});
