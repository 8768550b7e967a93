/** The outcome of a status entry, and of the `revocation` check it feeds (DESIGN.md check table). */
import type { ErrorCode } from '../errors.ts';

export type StatusOutcome =
  | { outcome: 'pass'; message: string; code?: undefined }
  | { outcome: 'fail' | 'indeterminate'; code: ErrorCode; message: string };

/** A non-core check (`endorsement`, `refresh`, `schema`): it reports, it never changes the verdict. */
export interface NoteOutcome {
  outcome: 'pass' | 'warning';
  message: string;
}
