// Short messages that never block input; errors stay longer and are announced.
import { h } from '../dom';

export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  let host = document.getElementById('toasts');
  if (!host) {
    host = h('div', { id: 'toasts', class: 'toasts', 'aria-live': 'polite', role: 'status' });
    document.body.append(host);
  }
  const el = h('div', { class: `toast ${kind}`, 'data-testid': kind === 'error' ? 'toast-error' : 'toast' }, text);
  host.append(el);
  while (host.children.length > 3) host.firstElementChild?.remove();
  setTimeout(() => el.classList.add('leaving'), kind === 'error' ? 6000 : 2600);
  setTimeout(() => el.remove(), kind === 'error' ? 6400 : 3000);
}

/** Removes every toast (before a hand-off: nothing of the last player may linger). */
export function clearToasts(): void {
  document.getElementById('toasts')?.replaceChildren();
}
