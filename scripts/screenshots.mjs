#!/usr/bin/env node
/**
 * Copies the screenshots the browser tests took (test-results/) into docs/screenshots/, for the
 * README. Run after `npm run test:browser`; fails when one is missing, so the README never points
 * at a stale or absent picture without saying so.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const SHOTS = {
  'popup-real-list.png': 'popup-list.png',
  'popup-real-badge.png': 'badge-page.png',
  'popup-real-share.png': 'share.png',
  'popup-guide-en.png': 'guide.png',
  'gmail-insert.png': 'gmail-insert.png',
  'linkedin-picker.png': 'linkedin-add.png',
};

mkdirSync('docs/screenshots', { recursive: true });
const missing = Object.keys(SHOTS).filter((from) => !existsSync(`test-results/${from}`));
if (missing.length) {
  console.error(`screenshots: run the browser tests first; missing in test-results/: ${missing.join(', ')}`);
  process.exit(1);
}
for (const [from, to] of Object.entries(SHOTS)) copyFileSync(`test-results/${from}`, `docs/screenshots/${to}`);
console.log(`screenshots: ${Object.keys(SHOTS).length} copied into docs/screenshots/`);
