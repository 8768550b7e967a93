/**
 * Puts one of our button hosts where a site's data says, and returns what was added so the
 * feature can take it all out again.
 */
import { appendTo, putAfter } from './native.ts';

export type Spot = { append: Element } | { after: Element } | { row: Element };

export function put(spot: Spot, host: HTMLElement): Element[] {
  if ('append' in spot) {
    appendTo(spot.append, host); // a <form> (LinkedIn's certification form) may have a control named "append"
    return [host];
  }
  if ('after' in spot) {
    putAfter(spot.after, host);
    return [host];
  }
  // A new cell after the row's first one (Gmail: after Send), and its <col> when the table declares columns.
  const row = spot.row;
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
