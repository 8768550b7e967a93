/**
 * Settings' Backup section, as a tab at `?open=settings` shows it: waits until its heading has the
 * focus, then returns where it is against the scrolling main area (the section was once 880 px down,
 * out of view).
 */
import type { Firefox } from './support.ts';

export interface BackupPlace { top: number; bottom: number; mainTop: number; mainBottom: number }

export const backupHeadingFocused = (ff: Firefox, timeoutMs = 10_000): Promise<BackupPlace> =>
  ff.waitIn(() => {
    const h = document.querySelector('#backup-title');
    const main = document.querySelector('main');
    if (!h || !main || document.activeElement !== h) return null;
    const r = h.getBoundingClientRect();
    const m = main.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, mainTop: m.top, mainBottom: m.bottom };
  }, [], timeoutMs);

export const inView = (p: BackupPlace): boolean => p.top >= p.mainTop && p.bottom <= p.mainBottom;
