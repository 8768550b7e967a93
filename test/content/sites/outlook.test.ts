// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buttonSlot, composeRoot } from '../../../src/content/sites/compose.ts';
import { isOutlook, outlook, OUTLOOK_HOSTS } from '../../../src/content/sites/outlook.ts';
import { all } from '../../../src/content/sites/selectors.ts';
import { fixture, loadPage, realPage, REAL_GMAIL } from '../support/pages.ts';

describe('Outlook URL predicate', () => {
  it.each([
    ['https://outlook.live.com/mail/0/', true],
    ['https://outlook.live.com/mail/0/inbox/id/AQMk', true],
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.office.com/mail/deeplink/compose?to=a@example.org', true],
    ['https://outlook.office365.com/mail/inbox', true],
    ['https://outlook.cloud.microsoft/mail/', true],
    ['https://outlook.office.com/owa/?path=/mail/action/compose', true],
    ['https://outlook.office.com/calendar/view/month', false],
    ['https://outlook.live.com/owa-not/', false],
    ['https://outlook.com/mail/', false],
    ['https://www.microsoft.com/en-us/microsoft-365/outlook', false],
    ['https://login.live.com/login.srf', false],
    ['http://outlook.office.com/mail/', false],
    ['https://outlook.office.com.evil.example/mail/', false],
    ['https://evil.example/outlook.office.com/mail/', false],
    ['https://mail.google.com/mail/u/0/', false],
  ])('%s → %s', (url, want) => expect(isOutlook(new URL(url))).toBe(want));
});

describe('Outlook selectors', () => {
  it('find an inline reply and a pop-out compose, each with its send button', () => {
    loadPage(fixture('outlook-compose.html'));
    const bodies = all(document, outlook.body);
    expect(bodies.map((b) => b.parentElement?.id)).toEqual(['editorParent_1', 'editorParent_2']);
    const roots = bodies.map((b) => composeRoot(outlook, b));
    expect(roots[0]?.id).toBe('reply');
    expect(roots[1]?.getAttribute('role')).toBe('dialog');
    for (const root of roots) {
      const slot = buttonSlot(outlook, root!);
      expect(slot && 'after' in slot && slot.after.className).toBe('ms-Button-splitContainer');
    }
  });

  it('fall back to the Spanish labels and walk up to the "Enviar" button', () => {
    loadPage(fixture('outlook-compose-es.html'));
    const bodies = all(document, outlook.body);
    expect(bodies).toHaveLength(1);
    const root = composeRoot(outlook, bodies[0]!);
    expect(root?.className).toBe('a2');
    const slot = buttonSlot(outlook, root!);
    // Send and Discard alone in a row: the button goes after the row.
    expect(slot && 'after' in slot && slot.after.className).toBe('a3');
  });

  it('find nothing in Gmail’s markup', () => {
    loadPage(realPage(REAL_GMAIL));
    expect(all(document, outlook.body)).toEqual([]);
  });
});

describe('Outlook hosts and the manifest', () => {
  // Each host the feature claims must be one the content script runs on and may load the picker in (host access):
  // a host claimed but not in the manifest gets no button; one in the manifest but not claimed widens access for nothing.
  it('are the manifest’s Outlook content-script hosts and host permissions, no more, no less', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[] }[];
      host_permissions: string[];
    };
    // As a set: two manifest entries run on the Outlook hosts (mail.ts, and keys-first.ts at document_start).
    const outlookHosts = (patterns: string[]) => [...new Set(patterns.map((m) => new URL(m.replace('/*', '/')).hostname).filter((h) => h.startsWith('outlook.')))].sort();
    expect(outlookHosts(manifest.content_scripts.flatMap((c) => c.matches))).toEqual([...OUTLOOK_HOSTS].sort());
    expect(outlookHosts(manifest.host_permissions)).toEqual([...OUTLOOK_HOSTS].sort());
    for (const host of OUTLOOK_HOSTS) expect(isOutlook(new URL(`https://${host}/mail/`))).toBe(true);
  });
});
