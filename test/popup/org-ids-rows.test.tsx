// @vitest-environment jsdom
/**
 * Settings' LinkedIn ids rows are alike: every row has its × (an empty extra row, after "Add a row",
 * had none while the others had one), a native button in the Tab order, and after a removal focus
 * lands on the issuer field of the row now in its place (or the row above, the last one gone), never
 * on the body (WCAG 2.4.3). The last row left is emptied, not removed: the form keeps a row to type in.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OrgIdsEditor } from '../../src/popup/settings/OrgIdsEditor.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const rows = () => screen.getAllByRole('group', { name: /^Company page / });
const removeOf = (row: HTMLElement) => within(row).queryByRole('button', { name: /^Remove / });
// The issuer field has a datalist: its role is combobox.
const issuerOf = (row: HTMLElement) => within(row).getByRole('combobox', { name: 'Issuer' });

function editor(value: Record<string, string> = { 'Acme Training': '1234' }) {
  renderWithEnv(<OrgIdsEditor value={value} issuers={[]} onSave={() => {}} />);
}

describe('LinkedIn ids rows', () => {
  it('every row, an empty extra one too, has a × in the Tab order', () => {
    editor();
    fireEvent.click(screen.getByRole('button', { name: 'Add a row' }));
    expect(rows()).toHaveLength(3);
    for (const row of rows()) {
      const x = removeOf(row);
      expect(x, row.getAttribute('aria-label') ?? '').not.toBeNull();
      expect(x!.tagName).toBe('BUTTON');
      expect(x!.tabIndex).toBe(0);
    }
  });

  it('removing an empty extra row moves focus to the issuer field of the row in its place', () => {
    editor({ 'Acme Training': '1234', Globex: '5678' });
    fireEvent.click(screen.getByRole('button', { name: 'Add a row' }));
    // Rows: Acme, Globex, empty (the form's own), empty (added). Remove the first empty one.
    const third = rows()[2]!;
    removeOf(third)!.focus();
    fireEvent.click(removeOf(third)!);
    expect(rows()).toHaveLength(3);
    expect(document.activeElement).toBe(issuerOf(rows()[2]!));
  });

  it('removing the last row moves focus to the row above; the sole row left is emptied, not gone', () => {
    editor();
    let last = rows()[1]!;
    removeOf(last)!.focus();
    fireEvent.click(removeOf(last)!);
    expect(rows()).toHaveLength(1);
    expect(document.activeElement).toBe(issuerOf(rows()[0]!));
    last = rows()[0]!;
    removeOf(last)!.focus();
    fireEvent.click(removeOf(last)!);
    expect(rows()).toHaveLength(1);
    expect((issuerOf(rows()[0]!) as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(issuerOf(rows()[0]!));
    // Nothing left to remove: a sole empty row has no ×.
    expect(removeOf(rows()[0]!)).toBeNull();
  });
});
