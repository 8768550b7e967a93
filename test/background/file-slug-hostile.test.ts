/**
 * Hostile badges, round 4 (outputs): the download's file name is made from the badge's name, which
 * the issuer writes (src/background/services/file-slug.ts, used by library-download.ts).
 */
import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../src/background/services/file-slug.ts';

describe('fileSlug: a file name from a hostile badge name', () => {
  it('keeps no path separator, dot, drive or traversal: only lower-case letters, digits and dashes', () => {
    for (const name of ['../../etc/passwd', '..\\..\\Windows\\System32\\x', 'C:\\evil', '/abs/path', '.bashrc', 'a\u0000b', 'x\u202Egnp.exe', '%2e%2e%2f', '~/.ssh/id', 'name.\u2024\u2024/']) {
      const slug = fileSlug(name);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('never gives a name Windows reserves for a device, whatever the extension after it (CON.png opens the console)', () => {
    // Microsoft, "Naming Files, Paths, and Namespaces": CON, PRN, AUX, NUL, COM0–9, LPT0–9 (and their
    // superscript digits), also followed by an extension.
    for (const name of ['CON', 'con', 'Prn', 'AUX', 'nul', 'NUL ', 'COM1', 'com9', 'LPT1', 'lpt0', 'COM\u00B9', 'LPT\u00B3', ' aux. ']) {
      const slug = fileSlug(name);
      expect(slug, name).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(fileSlug('Console basics')).toBe('console-basics');
    expect(fileSlug('COM10')).toBe('com10');
  });

  it('is short however long the name, and does not end with a dash where it was cut', () => {
    const slug = fileSlug(`${'a'.repeat(59)} ${'b'.repeat(2_000_000)}`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('falls back to "badge" for a name with nothing to keep', () => {
    expect(fileSlug('\u202E\u2066')).toBe('badge');
    expect(fileSlug('徽章')).toBe('badge');
    expect(fileSlug('Notes on the Engine')).toBe('notes-on-the-engine');
  });
});
