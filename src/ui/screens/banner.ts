// A message that stays until dismissed, above every screen: a replay or save that could not
// be opened, an autosave that failed. Showing it never changes the screen under it; its one
// optional button (Continue on this version) does what it says when pressed.
import { h } from '../dom';

export interface BannerAction { label: string; run: () => void }

export function showBanner(testid: string, title: string, message: string, kind: 'error' | 'info' = 'error', action?: BannerAction): HTMLElement {
  hideBanner(testid);
  let host = document.getElementById('banners');
  if (!host) {
    host = h('div', { id: 'banners', class: 'banners' });
    document.body.append(host);
  }
  const el = h(
    'div',
    { class: `banner ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': testid },
    h('div', { class: 'banner-text' }, h('strong', null, title), ' ', h('span', { 'data-testid': `${testid}-message` }, message)),
    action ? h('button', { type: 'button', class: 'secondary', 'data-testid': `${testid}-action`, onclick: () => { el.remove(); action.run(); } }, action.label) : null,
    h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', 'data-testid': `${testid}-dismiss`, onclick: () => el.remove() }, '×'),
  );
  host.append(el);
  return el;
}

export function hideBanner(testid: string): void {
  document.querySelector(`#banners [data-testid="${testid}"]`)?.remove();
}
