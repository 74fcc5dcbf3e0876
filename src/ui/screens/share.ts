// "Copy link" for a replay: the whole game packed into the address (#r=...) when it is short
// enough, else the replay file is downloaded and the dialog says why.
import { h } from '../dom';
import { downloadReplay, MAX_LINK_CHARS, shareLink } from '../replay-io';
import type { Replay } from '../sim';

export function openDialog(d: HTMLDialogElement): HTMLDialogElement {
  document.body.append(d);
  d.addEventListener('close', () => d.remove());
  d.showModal();
  return d;
}

export function pageBase(): string {
  return `${location.origin}${location.pathname}`;
}

/** Opens the share dialog; returns the link, or null when the file had to be used. */
export function shareReplay(replay: Replay, secretNote: string | null = null): string | null {
  const link = shareLink(pageBase(), replay);
  const note = secretNote ? h('p', { class: 'warn' }, secretNote) : null;
  if (!link.ok) {
    const name = downloadReplay(replay);
    openDialog(
      h(
        'dialog',
        { class: 'dialog', 'aria-labelledby': 'share-h', 'data-testid': 'share-dialog' },
        h('h2', { id: 'share-h' }, 'Too long for a link'),
        h('p', { 'data-testid': 'share-fallback' }, `This game would need a link of ${link.length.toLocaleString('en-US')} characters; links over ${MAX_LINK_CHARS.toLocaleString('en-US')} break in many chat and mail tools. The replay file ${name} was downloaded instead: send it, and open it with “Open a replay…” on the start screen (or drop it on the page).`),
        note,
        h('form', { method: 'dialog' }, h('button', { class: 'primary', 'data-testid': 'share-close' }, 'Close')),
      ),
    );
    return null;
  }
  const status = h('p', { class: 'hint', role: 'status', 'data-testid': 'share-status' }, 'Copying…');
  const text = h('textarea', { class: 'share-text', readonly: true, rows: 4, 'aria-label': 'Link to this replay', 'data-testid': 'share-link-text' });
  text.value = link.url;
  openDialog(
    h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'share-h', 'data-testid': 'share-dialog' },
      h('h2', { id: 'share-h' }, 'Link to this replay'),
      h('p', null, `The whole game is inside the link (${link.url.length.toLocaleString('en-US')} characters): whoever opens it watches the same game, on any browser, with nothing sent to a server.`),
      note,
      text,
      status,
      h('form', { method: 'dialog' }, h('button', { class: 'primary', 'data-testid': 'share-close' }, 'Close')),
    ),
  );
  text.select();
  text.scrollTop = 0; // selecting scrolls to the end; the link's start says what it is
  if (navigator.clipboard) {
    navigator.clipboard.writeText(link.url).then(
      () => (status.textContent = 'Copied to the clipboard.'),
      () => (status.textContent = 'Select the link above and copy it (the browser did not allow copying).'),
    );
  } else {
    status.textContent = 'Select the link above and copy it.';
  }
  return link.url;
}
