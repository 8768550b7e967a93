/** The picker sites (src/background/content-access.ts) are exactly the hosts the manifest's content scripts run on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentMaySend, PICKER_HOSTS } from '../../src/background/content-access.ts';

describe('picker sites', () => {
  it('match the manifest’s content_scripts', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { content_scripts: { matches: string[] }[] };
    const hosts = manifest.content_scripts.flatMap((c) => c.matches).map((m) => new URL(m.replace('/*', '/')).hostname);
    expect([...PICKER_HOSTS].sort()).toEqual([...new Set(hosts)].sort());
  });

  it('have host access (to load the picker on demand: scripting.executeScript), and no other host does', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { content_scripts: { matches: string[] }[]; host_permissions?: string[] };
    // Each site once, in order (the document_start script for the picker's keys runs on all of them: keys-first.ts).
    expect(manifest.host_permissions).toEqual([...new Set(manifest.content_scripts.flatMap((c) => c.matches))]);
    expect(manifest.host_permissions?.map((m) => new URL(m.replace('/*', '/')).hostname).sort()).toEqual([...PICKER_HOSTS].sort());
  });

  it('gate picker/* only', () => {
    const elsewhere = { id: 'x', url: 'https://blog.example/', tab: { id: 1 } };
    expect(contentMaySend('picker/card', elsewhere)).toBe(false);
    expect(contentMaySend('picker/linkedin-url', elsewhere)).toBe(false);
    expect(contentMaySend('hover/verify', elsewhere)).toBe(true);
    expect(contentMaySend('ping', elsewhere)).toBe(true);
    expect(contentMaySend('picker/card', { ...elsewhere, url: 'https://mail.google.com/mail/u/0/' })).toBe(true);
    // A frame inside a picker site is not the picker site (issue 12 point 9).
    expect(contentMaySend('picker/list', { ...elsewhere, url: 'https://mail.google.com/mail/u/0/', frameId: 4 })).toBe(false);
  });
});
