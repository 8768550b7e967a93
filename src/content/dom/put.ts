/**
 * Puts one of our button hosts where a site's data says, and returns what was added so the
 * feature can take it all out again. A table row's new cell (`putInRow`) is apart: only the mail
 * sites' send bars are rows, and LinkedIn's always-loaded script does not carry it.
 */
import { appendTo, putAfter } from './native.ts';

export type Spot = { append: Element } | { after: Element };

export function put(spot: Spot, host: HTMLElement): Element[] {
  if ('append' in spot) appendTo(spot.append, host); // a <form> (LinkedIn's certification form) may have a control named "append"
  else putAfter(spot.after, host);
  return [host];
}

/** A new cell after the row's first one (Gmail: after Send), and its <col> when the table declares columns. */
export function putInRow(row: Element, host: HTMLElement): Element[] {
  const cell = document.createElement(row.firstElementChild?.tagName === 'TH' ? 'th' : 'td');
  cell.append(host);
  const firstCell = row.firstElementChild;
  if (firstCell) firstCell.after(cell);
  else row.append(cell);
  const added: Element[] = [cell];
  const colgroup = row.closest('table')?.querySelector(':scope > colgroup');
  if (colgroup) {
    const col = document.createElement('col');
    const firstCol = colgroup.firstElementChild;
    if (firstCol) firstCol.after(col);
    else colgroup.append(col);
    added.push(col);
  }
  return added;
}

export function takeOut(added: Iterable<Element>): void {
  for (const el of added) el.remove();
}
