/**
 * Words heard after a control's label and not seen: which of several alike controls this one is
 * ("Remove ada@example.org" on every address card; WCAG 2.4.6), the visible label kept short. The
 * space stays outside the hidden span: a name computation trims each element's own text.
 */
export function HeardToo({ text }: { text: string }) {
  return (
    <>
      {' '}
      <span class="visually-hidden">
        <bdi>{text}</bdi>
      </span>
    </>
  );
}
