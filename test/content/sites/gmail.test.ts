// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buttonSlot, composeRoot } from '../../../src/content/sites/compose.ts';
import { gmail, isGmail } from '../../../src/content/sites/gmail.ts';
import { all } from '../../../src/content/sites/selectors.ts';
import { fixture, loadPage, realPage, REAL_GMAIL } from '../support/pages.ts';

describe('Gmail URL predicate', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/1/#inbox?compose=new', true],
    ['https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1', true],
    ['https://mail.google.com/mail/?ui=2&view=btop', true],
    ['https://mail.google.com/mail', true],
    ['https://mail.google.com/chat/u/0/', false],
    ['https://mail.google.com/', false],
    ['http://mail.google.com/mail/u/0/', false],
    ['https://gmail.com/mail/u/0/', false],
    ['https://mail.google.com.evil.example/mail/u/0/', false],
    ['https://evil.example/mail.google.com/mail/', false],
    ['https://calendar.google.com/calendar/u/0/r', false],
  ])('%s → %s', (url, want) => expect(isGmail(new URL(url))).toBe(want));
});

describe('Gmail selectors', () => {
  it('find the body, the window and the send bar in the real 2020 compose dialog (not the hidden textarea)', () => {
    loadPage(realPage(REAL_GMAIL));
    const bodies = all(document, gmail.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.tagName).toBe('DIV');
    expect(bodies[0]?.getAttribute('g_editable')).toBe('true');
    const root = composeRoot(gmail, bodies[0]!);
    expect(root?.classList.contains('M9')).toBe(true);
    const slot = buttonSlot(gmail, root!);
    expect(slot && 'row' in slot && slot.row.className).toBe('btC');
  });

  it('find two composes and an inline reply, each with its own window and send bar', () => {
    loadPage(fixture('gmail-two-composes-and-reply.html'));
    const bodies = all(document, gmail.body);
    expect(bodies.map((b) => b.id)).toEqual([':r1', ':c1', ':c2']);
    const roots = bodies.map((b) => composeRoot(gmail, b));
    expect(roots.map((r) => r?.id)).toEqual(['reply', 'compose-1', 'compose-2']);
    const rows = roots.map((r) => buttonSlot(gmail, r!));
    expect(new Set(rows.map((s) => s && 'row' in s && s.row)).size).toBe(3);
  });

  it('fall back to French labels, the nearest ancestor with a send button, and a place after the send group', () => {
    loadPage(fixture('gmail-popout-fr.html'));
    const bodies = all(document, gmail.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.tagName).toBe('DIV');
    const root = composeRoot(gmail, bodies[0]!);
    expect(root?.getAttribute('role')).toBe('dialog');
    const slot = buttonSlot(gmail, root!);
    expect(slot && 'after' in slot && slot.after.className).toBe('z1');
  });

  // Gmail's signature editor (Settings) is the compose editor, g_editable and all, outside any compose window. Walking up
  // from it met the docked compose's send button, and that compose became its window. Before: the compose's window.
  it('give the settings’ signature editor no window, not the docked compose’s beside it', () => {
    loadPage(fixture('gmail-settings-signature-with-compose.html'));
    const bodies = all(document, gmail.body);
    expect(bodies.map((b) => b.id)).toEqual([':um', ':c1']);
    expect(composeRoot(gmail, bodies[0]!)).toBeNull();
    expect(composeRoot(gmail, bodies[1]!)?.id).toBe('compose-1');
  });

  it('find nothing on Outlook’s page', () => {
    loadPage(fixture('outlook-compose.html'));
    expect(all(document, gmail.body)).toEqual([]);
  });
});
