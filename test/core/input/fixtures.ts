/** The public conformance corpus, copied into test/fixtures/conformance (provenance in its README). */
import { readFileSync, readdirSync } from 'node:fs';

export const CONFORMANCE = new URL('../../fixtures/conformance/', import.meta.url);

export const fixture = (rel: string): Uint8Array => new Uint8Array(readFileSync(new URL(rel, CONFORMANCE)));

export const fixtureText = (rel: string): string => readFileSync(new URL(rel, CONFORMANCE), 'utf8');

/** Files of one corpus folder, as `folder/name`. */
export const listFixtures = (folder: string): string[] =>
  readdirSync(new URL(`${folder}/`, CONFORMANCE)).sort().map((f) => `${folder}/${f}`);
