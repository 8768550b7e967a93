/** The public conformance corpus, read in place from ../shared/conformance (never copied into the repo). */
import { readFileSync, readdirSync } from 'node:fs';

export const CONFORMANCE = new URL('../../../../shared/conformance/', import.meta.url);

export const fixture = (rel: string): Uint8Array => new Uint8Array(readFileSync(new URL(rel, CONFORMANCE)));

export const fixtureText = (rel: string): string => readFileSync(new URL(rel, CONFORMANCE), 'utf8');

/** Files of one corpus folder, as `folder/name`. */
export const listFixtures = (folder: string): string[] =>
  readdirSync(new URL(`${folder}/`, CONFORMANCE)).sort().map((f) => `${folder}/${f}`);
