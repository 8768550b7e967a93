/** Bidi overrides and other controls cannot reorder or hide what the user reads (issue 12 point 12). */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml, badgeShareText } from '../../../src/core/share/card.ts';
import { displayText, hasHiddenControls, MAX_DISPLAY_CHARS } from '../../../src/core/share/display.ts';

describe('displayText', () => {
  it('shows a right-to-left override instead of obeying it: "\\u202Eelif.exe" does not read "exe.file"', () => {
    const shown = displayText('\u202Eelif.exe');
    expect(shown).toBe('⟨RLO⟩elif.exe');
    expect(hasHiddenControls(shown)).toBe(false);
  });

  it('makes every bidi control, C0/C1 control and separator visible, and keeps emoji sequences, combining marks, tabs and newlines', () => {
    expect(displayText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl')).toBe('a⟨LRE⟩b⟨RLE⟩c⟨PDF⟩d⟨LRO⟩e⟨LRI⟩f⟨RLI⟩g⟨FSI⟩h⟨PDI⟩i⟨LRM⟩j⟨RLM⟩k⟨ALM⟩l');
    expect(displayText('bell\u0007 nul\u0000 sep\u2028 bom\uFEFF')).toBe('bell⟨U+0007⟩ nul⟨U+0000⟩ sep⟨U+2028⟩ bom⟨U+FEFF⟩');
    const family = '👩‍👩‍👧‍👦 Zalgo: Z̸̡̛͓a̶͎l̷g̵o e\u0301';
    expect(displayText(family)).toBe(family);
    expect(displayText('a\tb\nc')).toBe('a\tb\nc');
  });

  it('cuts a 1 MB string, never inside a surrogate pair', () => {
    expect(displayText('x'.repeat(1_000_000))).toHaveLength(MAX_DISPLAY_CHARS + 1);
    const cut = displayText('a' + '😀'.repeat(10), 4);
    expect(cut).toBe('a😀…');
    expect(displayText(undefined)).toBe('');
  });

  it('the share card and sentence show the markers and isolate each field', () => {
    const html = badgeCardHtml({ name: '\u202Eelif.exe', issuerName: 'Evil \u202Eorp', publicUrl: 'https://a.example/b' });
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('⟨RLO⟩elif.exe');
    expect(html).toMatch(/dir="auto"[^>]*unicode-bidi:isolate[^>]*>⟨RLO⟩elif\.exe/);
    expect(badgeShareText({ name: '\u202Eelif.exe' })).toContain('⟨RLO⟩elif.exe');
  });
});

describe('LinkedIn gets the visible markers too', () => {
  it('add-to-profile: a name with an override arrives as ⟨RLO⟩elif.exe, cut to 300 characters', async () => {
    const { linkedInAddToProfileUrl } = await import('../../../src/core/share/linkedin.ts');
    const p = new URL(linkedInAddToProfileUrl({ name: '\u202Eelif.exe', organizationName: 'Org\u202E', certUrl: 'javascript:alert(1)' })).searchParams;
    expect(p.get('name')).toBe('⟨RLO⟩elif.exe');
    expect(p.get('organizationName')).toBe('Org⟨RLO⟩');
    expect(p.get('certUrl')).toBeNull();
    expect(new URL(linkedInAddToProfileUrl({ name: 'x'.repeat(1_000_000) })).searchParams.get('name')).toHaveLength(301);
  });
});
