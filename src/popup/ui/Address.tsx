/**
 * An e-mail address that may wrap where a reader expects it to: after its "@" and before each dot
 * of its domain (<wbr>, which copies as nothing), rather than anywhere once it does not fit
 * ("ada.lovelace@work.exa" over "mple"), and never after one of its hyphens: "ada@old-" over
 * "school.example" read as a hyphenated word. Each hyphen is kept with the character after it
 * (white-space: nowrap on the pair, fit.css: a break between two characters is decided by their
 * nearest common ancestor, CSS Text 3 §5.1), so the text stays exactly the address (no U+2011, no
 * invisible joiner in what is copied). A part longer than its line still breaks anywhere else
 * (overflow-wrap: anywhere, fit.css): the popup is never widened.
 */
import { Fragment } from 'preact';

/** A part of the address, each run of hyphens held to the character after it. */
const held = (part: string) => part.split(/(-+[^-]?)/).map((s, i) => (i % 2 ? <span key={i} class="address-hold">{s}</span> : s));

/** A domain name: may wrap before each of its dots, never after a hyphen. */
const domainParts = (domain: string) =>
  domain.split('.').map((part, i) => (
    <Fragment key={i}>
      {i ? <wbr /> : null}
      {held(i ? `.${part}` : part)}
    </Fragment>
  ));

export function Address({ value }: { value: string }) {
  const at = value.lastIndexOf('@');
  if (at < 0) return <>{value}</>;
  return (
    <>
      {held(value.slice(0, at + 1))}
      <wbr />
      {domainParts(value.slice(at + 1))}
    </>
  );
}

/**
 * A host name alone ("wallet.climate-academy.example", a backpack's site) drawn as an address's
 * domain: "wallet.climate-" over "academy.example" read as a hyphenated word too.
 */
export function Host({ value }: { value: string }) {
  return <>{domainParts(value)}</>;
}

/**
 * A sentence already translated that quotes an address (a note: "… is now your primary address."):
 * each place the address stands drawn as above, isolated as an issuer's word is (ui/Sentence.tsx).
 */
export function AddressIn({ text, address }: { text: string; address?: string | undefined }) {
  if (!address) return <>{text}</>;
  return (
    <>
      {text.split(address).map((part, i) => (
        <Fragment key={i}>
          {i ? <bdi dir="auto"><Address value={address} /></bdi> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
