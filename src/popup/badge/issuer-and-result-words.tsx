/**
 * The issuer's words the badge page shows beside a result and among the details: a result's value
 * with its bounds and its rubric level with its points (OB 3.0 §Result, §ResultDescription
 * `valueMin`/`valueMax`, §RubricCriterionLevel `points`), the issuer's postal address (§Profile
 * `address`, §Address) and its other identifiers (§Profile `otherIdentifier`, §IdentifierEntry).
 * Each word is isolated in our sentence (ui/Sentence.tsx) and none is a link: they are text.
 */
import { Fragment } from 'preact';
import type { AwardResult, OtherIdentifier, PostalAddress } from '../../core/model.ts';
import { ADDRESS_PARTS } from '../../core/formats/ob3-profile.ts';
import { useEnv } from '../env.ts';
import { resultStatusName } from './result-status.ts';
import { Sentence, slot } from '../ui/Sentence.tsx';

/** A result as the page says it: "87 (from 0 to 100) · Mastery (points: 4) · Completed". */
export function ResultWords({ result: x }: { result: AwardResult }) {
  const { t } = useEnv();
  const parts = [];
  if (x.value) {
    const bounds = x.valueMin && x.valueMax
      ? <Sentence text={t('badgeResultRange', slot(0), slot(1))} words={[x.valueMin, x.valueMax]} />
      : x.valueMax ? <Sentence text={t('badgeResultMax', slot(0))} words={[x.valueMax]} />
      : x.valueMin ? <Sentence text={t('badgeResultMin', slot(0))} words={[x.valueMin]} /> : null;
    parts.push(<><bdi dir="auto">{x.value}</bdi>{bounds ? <span class="muted"> {bounds}</span> : null}</>);
  }
  if (x.level) parts.push(<><bdi dir="auto">{x.level}</bdi>{x.points ? <span class="muted"> <Sentence text={t('badgeResultPoints', slot(0))} words={[x.points]} /></span> : null}</>);
  const status = resultStatusName(t, x.status);
  if (status) parts.push(<>{status}</>);
  return <>{parts.map((p, i) => <Fragment key={i}>{i ? ' · ' : ''}{p}</Fragment>)}</>;
}

/** The issuer's postal address and identifiers, as terms of the details list; nothing when it gives neither. */
export function IssuerPlaceFacts({ address, ids }: { address?: PostalAddress; ids?: OtherIdentifier[] }) {
  const { t } = useEnv();
  const lines = address ? ADDRESS_PARTS.map((k) => address[k]).filter((v): v is string => !!v) : [];
  return (
    <>
      {lines.length ? (
        <>
          <dt>{t('badgeIssuerAddress')}</dt>
          <dd class="issuer-address">{lines.map((l, i) => <Fragment key={i}>{i ? <br /> : null}<bdi dir="auto">{l}</bdi></Fragment>)}</dd>
        </>
      ) : null}
      {ids?.length ? (
        <>
          <dt>{t('badgeIssuerIds')}</dt>
          <dd class="issuer-ids">{ids.map((x, i) => <Fragment key={i}>{i ? <br /> : null}<Sentence text={t('badgeIssuerId', slot(0), slot(1))} words={[x.identifierType, x.identifier]} /></Fragment>)}</dd>
        </>
      ) : null}
    </>
  );
}
