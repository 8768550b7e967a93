/**
 * Firefox (Debian's firefox-esr) with the built add-on (dist/firefox), driven through Marionette.
 *
 * Each launch: a fresh profile in a temp dir whose user.js sets `marionette.port` to 0 (Firefox
 * then picks a free port and writes it to `<profile>/MarionetteActivePort`) and pins the add-on's
 * internal UUID (`extensions.webextensions.uuids`), so its pages are at a known
 * `moz-extension://<uuid>/`. Firefox runs headless in its own process group; `quit()` asks it to
 * quit, waits, then kills the group and removes the profile, and a failed launch does the same.
 * See firefox/support.ts for what the Firefox tests cover and what they do not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Marionette } from './marionette.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist/firefox');
export const SHOTS = resolve(import.meta.dirname, '../../../test-results/firefox');
/** A fixed UUID for the add-on's origin (any UUID works; pinned through the profile). */
export const ADDON_UUID = '6c2f3b5e-1a7d-4c2e-9f10-1a2b3c4d5e6f';

export interface Manifest {
  version: string;
  action: { default_popup: string };
  browser_specific_settings: { gecko: { id: string } };
  permissions: string[];
  [k: string]: unknown;
}

export interface LaunchOptions {
  /** Extra user.js preferences (for example the proxy's). */
  prefs?: Record<string, string | number | boolean>;
}

/** Preferences for a quiet, offline test profile (no first-run pages, updates or telemetry). */
const BASE_PREFS: Record<string, string | number | boolean> = {
  'marionette.port': 0,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.tabs.warnOnClose': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'dom.disable_open_during_load': false,
  // The error collector's process script is a data: URL (support.ts, WATCH_ERRORS).
  'security.allow_parent_unrestricted_js_loads': true,
};

function userJs(prefs: Record<string, string | number | boolean>): string {
  return Object.entries(prefs)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

export interface Launched {
  m: Marionette;
  manifest: Manifest;
  geckoId: string;
  /** moz-extension://<uuid>/ */
  origin: string;
  profile: string;
  child: ChildProcess;
  quit(): Promise<void>;
}

/** Process groups of the Firefoxes this process started and has not quit yet. */
const running = new Set<number>();
// A launch cut short (a hook timed out before quit() could be called): no Firefox outlives the test process.
process.once('exit', () => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

export async function launchFirefox(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error(`${DIST_FIREFOX} is not built: run npm run build first`);
  if (!existsSync(FIREFOX)) throw new Error(`no Firefox at ${FIREFOX}: apt-get install -y firefox-esr`);
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as Manifest;
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const profile = mkdtempSync(join(tmpdir(), 'lanyard-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    userJs({ ...BASE_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }), ...options.prefs }),
  );
  mkdirSync(SHOTS, { recursive: true });
  const child = spawn(FIREFOX, ['-headless', '-marionette', '-remote-allow-system-access', '-no-remote', '-profile', profile], {
    detached: true, // its own process group: quit() can end Firefox and every content process it started
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS_WIDTH: '1000', MOZ_HEADLESS_HEIGHT: '800' },
  });
  if (child.pid) running.add(child.pid);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let m: Marionette | undefined;

  const kill = () => {
    try {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  const quit = async () => {
    if (m) {
      await Promise.race([m.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
      m.close();
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    kill(); // content processes too, if any outlived the parent
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (child.pid) running.delete(child.pid);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const portFile = join(profile, 'MarionetteActivePort');
    const until = Date.now() + 60_000;
    while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').trim()) {
      if (child.exitCode !== null) throw new Error(`Firefox exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > until) throw new Error(`Firefox did not start Marionette in 60 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    m = await Marionette.connect(Number(readFileSync(portFile, 'utf8').trim()));
    // acceptInsecureCerts: the intercepting proxy's self-signed certificate (proxy.ts).
    // Marionette takes the capabilities as the parameters, already merged (what geckodriver sends).
    const session = await m.send<{ capabilities: { acceptInsecureCerts?: boolean } }>('WebDriver:NewSession', { acceptInsecureCerts: true });
    if (session.capabilities.acceptInsecureCerts !== true) throw new Error('Marionette did not accept acceptInsecureCerts');
    await m.send('Addon:Install', { path: DIST_FIREFOX, temporary: true });
    return { m, manifest, geckoId, origin: `moz-extension://${ADDON_UUID}/`, profile, child, quit };
  } catch (e) {
    await quit();
    throw e;
  }
}
