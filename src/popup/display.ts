/**
 * The popup shows a badge's words through core/share/display.ts: every field an issuer wrote has
 * its bidi and other controls made visible and is cut to a readable length, once, where the data
 * arrives (the list and the badge detail), so no screen can forget. URLs are left as they are:
 * they only become links through safeHttpUrl().
 */
import { displayOptional, displayText } from '../core/share/display.ts';
import type { BadgeDetail, BadgeView } from '../messaging/views.ts';

const NAME = 300;
const o = displayOptional;

export function viewForDisplay<T extends BadgeView>(b: T): T {
  return {
    ...b,
    name: displayText(b.name, NAME),
    description: o(b.description),
    issuerName: o(b.issuerName, NAME),
    tags: b.tags.slice(0, 50).map((t) => displayText(t, 80)),
    recipient: b.recipient === null ? null : displayText(b.recipient, NAME),
  };
}

export function detailForDisplay(b: BadgeDetail): BadgeDetail {
  return {
    ...viewForDisplay(b),
    ...(b.criteria ? { criteria: { ...b.criteria, narrative: o(b.criteria.narrative) } } : {}),
    evidence: b.evidence.map((e) => ({ ...e, name: o(e.name, NAME), description: o(e.description), narrative: o(e.narrative) })),
    alignments: b.alignments.map((a) => ({
      ...a,
      targetName: displayText(a.targetName, NAME),
      targetDescription: o(a.targetDescription),
      targetFramework: o(a.targetFramework, NAME),
      targetCode: o(a.targetCode, NAME),
    })),
    issuerEmail: o(b.issuerEmail, NAME),
    claimedRecipients: b.claimedRecipients.map((r) => ({ ...r, identity: displayText(r.identity, NAME) })),
    checks: b.checks.map((c) => ({ ...c, message: displayText(c.message) })),
  };
}
