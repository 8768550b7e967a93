/**
 * A result's status in words (OB 3.0 §ResultStatusType enumeration, on §Result `status`): each word
 * the specification lists has its message. The engine keeps no other (core/formats/ob3-to-badge.ts
 * resultsOf), and none is shown here either.
 */
import type { ResultStatus } from '../../core/model.ts';
import type { Translate } from '../i18n.ts';

const STATUSES = {
  Completed: 'resultCompleted',
  Enrolled: 'resultEnrolled',
  Failed: 'resultFailed',
  InProgress: 'resultInProgress',
  OnHold: 'resultOnHold',
  Provisional: 'resultProvisional',
  Withdrew: 'resultWithdrew',
} as const satisfies Record<ResultStatus, string>;

export function resultStatusName(t: Translate, status: string | undefined): string | undefined {
  return status && Object.hasOwn(STATUSES, status) ? t(STATUSES[status as ResultStatus]) : undefined;
}
