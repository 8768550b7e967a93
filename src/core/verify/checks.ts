/** Collects the checks of one verification, in the order DESIGN.md tabulates them. */
import type { ErrorCode } from '../errors.ts';
import { CORE_CHECK_IDS, type Check, type CheckId, type CoreCheckId, type Outcome } from '../result.ts';

export class CheckList {
  private readonly map = new Map<CheckId, Check>();

  set(id: CheckId, outcome: Outcome, message: string, code?: ErrorCode): void {
    this.map.set(id, code ? { id, outcome, code, message } : { id, outcome, message });
  }
  pass(id: CheckId, message: string): void {
    this.set(id, 'pass', message);
  }
  fail(id: CheckId, code: ErrorCode, message: string): void {
    this.set(id, 'fail', message, code);
  }
  indeterminate(id: CheckId, code: ErrorCode, message: string): void {
    this.set(id, 'indeterminate', message, code);
  }
  warn(id: CheckId, message: string, code?: ErrorCode): void {
    this.set(id, 'warning', message, code);
  }
  skip(id: CheckId, message: string): void {
    this.set(id, 'skipped', message);
  }
  has(id: CheckId): boolean {
    return this.map.has(id);
  }
  get(id: CheckId): Check | undefined {
    return this.map.get(id);
  }
  outcome(id: CheckId): Outcome | undefined {
    return this.map.get(id)?.outcome;
  }
  /** After a fatal failure: every core check not yet decided is skipped, so the whole list still renders. */
  skipRemaining(reason: string): void {
    for (const id of CORE_CHECK_IDS) if (!this.map.has(id)) this.skip(id, reason);
  }
  /** Core checks in table order, then the others in the order they were added. */
  toArray(): Check[] {
    const core = CORE_CHECK_IDS.map((id) => this.map.get(id)).filter((c): c is Check => !!c);
    const extra = [...this.map.values()].filter((c) => !(CORE_CHECK_IDS as readonly CheckId[]).includes(c.id));
    return [...core, ...extra];
  }
  missingCore(): CoreCheckId[] {
    return CORE_CHECK_IDS.filter((id) => !this.map.has(id));
  }
}
