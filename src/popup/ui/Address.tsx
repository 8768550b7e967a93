/**
 * An e-mail address that may wrap where a reader expects it to: after its "@" and before each dot
 * of its domain (<wbr>, which copies as nothing), rather than anywhere once it does not fit
 * ("ada.lovelace@work.exa" over "mple"). A part longer than its line still breaks anywhere (fit.css).
 */
import { Fragment } from 'preact';

export function Address({ value }: { value: string }) {
  const at = value.lastIndexOf('@');
  if (at < 0) return <>{value}</>;
  const domain = value.slice(at + 1).split('.');
  return (
    <>
      {value.slice(0, at + 1)}
      <wbr />
      {domain.map((part, i) => (
        <Fragment key={i}>
          {i ? <wbr /> : null}
          {i ? `.${part}` : part}
        </Fragment>
      ))}
    </>
  );
}
