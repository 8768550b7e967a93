/**
 * The multilingual credential of test/fixtures: cert-verifier-js's Blockcerts v3 / VC 2.0 certificate
 * whose name and description are language value objects (VC DM 2.0 §11.1) in English, French and
 * Arabic, the Arabic right to left (test/fixtures/README.md). For the surfaces that show a badge's
 * words in the reader's language, the tests add what the fixture lacks: a German name, and an issuer
 * whose name is given in the same languages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Badge } from '../../src/core/model.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

export const MULTILINGUAL_FILE = path.resolve(import.meta.dirname, '../fixtures/real/blockcerts-cert-verifier-js/v3_mocknet-vc-v2-name-description-multilingual.json');

/** The fixture's names, as they are in it. */
export const NAMES = { en: 'Canadian Id Card', fr: "Carte d'Identité Canadienne", ar: 'بطاقة الهوية الكندية' } as const;
export const GERMAN_NAME = 'Kanadischer Personalausweis';
export const ISSUER_NAMES = { en: 'Blockcerts samples', de: 'Blockcerts-Beispiele', fr: 'Exemples Blockcerts', ar: 'أمثلة بلوكسيرتس' } as const;

/** The fixture, with a German name after its three and an issuer named in four languages. */
export function multilingualCredential(): Record<string, any> {
  const c = JSON.parse(readFileSync(MULTILINGUAL_FILE, 'utf8')) as Record<string, any>;
  c.name.push({ '@value': GERMAN_NAME, '@language': 'de' });
  c.issuer = {
    id: c.issuer,
    name: [
      { '@value': ISSUER_NAMES.en, '@language': 'en' },
      { '@value': ISSUER_NAMES.de, '@language': 'de' },
      { '@value': ISSUER_NAMES.fr, '@language': 'fr' },
      { '@value': ISSUER_NAMES.ar, '@language': 'ar', '@direction': 'rtl' },
    ],
  };
  return c;
}

/** What the engine makes of that credential (offline: nothing is fetched). */
export async function multilingualResult(): Promise<VerifyResult> {
  return verify(JSON.stringify(multilingualCredential()), { now: new Date('2026-11-26T00:00:00Z') });
}

export async function multilingualBadge(): Promise<Badge> {
  const b = (await multilingualResult()).badge;
  if (!b?.texts?.name || !b.texts.issuerName) throw new Error('the multilingual fixture was not read with its languages');
  return b;
}
