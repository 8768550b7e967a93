/** Which verifier reads which format. One line per format. */
import type { BadgeFormat } from '../model.ts';
import type { FormatVerifier } from './format-verifier.ts';
import { verifyBlockcertsV2 } from '../formats/blockcerts2.ts';
import { verifyBlockcertsV3 } from '../formats/blockcerts3.ts';
import { verifyOb2Hosted } from '../formats/ob2-hosted.ts';
import { verifyOb2Signed } from '../formats/ob2-signed.ts';
import { verifyOb3Jwt } from '../formats/ob3-jwt.ts';
import { verifyOb3DataIntegrity } from '../formats/ob3-data-integrity.ts';

const table: Partial<Record<BadgeFormat, FormatVerifier>> = {
  'ob0.5-hosted': verifyOb2Hosted,
  'ob1.0-hosted': verifyOb2Hosted,
  'ob1.1-hosted': verifyOb2Hosted,
  'ob2.0-hosted': verifyOb2Hosted,
  'ob1.0-signed': verifyOb2Signed,
  'ob1.1-signed': verifyOb2Signed,
  'ob2.0-signed': verifyOb2Signed,
  'ob3.0-jwt': verifyOb3Jwt,
  'ob3.0-data-integrity': verifyOb3DataIntegrity,
  'ob3.0-unsigned': verifyOb3DataIntegrity,
  blockcerts2: verifyBlockcertsV2,
  blockcerts3: verifyBlockcertsV3,
};

export function verifierFor(format: BadgeFormat): FormatVerifier | undefined {
  return table[format];
}
