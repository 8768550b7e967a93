/**
 * One built extension with badges in it, for the content-script browser tests: Chromium with
 * dist/chrome, the test backpack, host access granted (the background fetches the badges it
 * verifies), and two badges imported: the backpack's "Analytical Engine Programmer" and a badge
 * whose name is hostile markup.
 */
import { startBackpack, type Backpack } from '../../backpack/server.ts';
import { launchExtension, type Launched } from '../../browser/launch.ts';
import { serveHostileBadge } from './badges.ts';
import { grantHosts, importBadge } from './browser.ts';

export interface WithBadges {
  ext: Launched;
  backpack: Backpack;
  /** Badge name → key, as imported. */
  badges: Record<string, string>;
  /** What failed while setting up (the background may not be ready): tests report it. */
  problems: string[];
  close(): Promise<void>;
}

export async function launchWithBadges(): Promise<WithBadges> {
  const ext = await launchExtension();
  const backpack = await startBackpack({ port: 0 });
  const problems: string[] = [];
  const badges: Record<string, string> = {};
  try {
    await grantHosts(ext, ['https://*/*', 'http://*/*']);
    const hostile = await serveHostileBadge(ext.context);
    for (const url of [`${backpack.baseUrl}/public/assertions/ada-programmer`, hostile]) {
      try {
        const b = await importBadge(ext, url);
        badges[b.name] = b.key;
      } catch (e) {
        problems.push(String(e instanceof Error ? e.message : e));
      }
    }
  } catch (e) {
    problems.push(String(e instanceof Error ? e.message : e));
  }
  return {
    ext,
    backpack,
    badges,
    problems,
    close: async () => {
      await ext.close();
      await backpack.close();
    },
  };
}
