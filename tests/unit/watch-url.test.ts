// The links of the windows that follow a saved game: the projector's (public view) and the
// facilitator's (every hidden value). An unknown `as` opens the projector's, never more.
import { describe, expect, it } from 'vitest';
import { parseGameUrl, watchUrl } from '../../src/ui/url';

const search = (url: string) => new URL(url).search;

describe('watch links', () => {
  it('round-trip the game id and who the window is for', () => {
    expect(parseGameUrl(search(watchUrl('http://x/', 'g-1')))).toMatchObject({ watch: 'g-1', watchAs: 'projector' });
    expect(parseGameUrl(search(watchUrl('http://x/', 'g 2&x', 'facilitator')))).toMatchObject({ watch: 'g 2&x', watchAs: 'facilitator' });
  });
  it('give the public view for anything but as=facilitator', () => {
    expect(parseGameUrl('?watch=g&as=Facilitator').watchAs).toBe('projector');
    expect(parseGameUrl('?watch=g&as=').watchAs).toBe('projector');
    expect(parseGameUrl('?level=tutorial&as=facilitator').watchAs).toBeUndefined();
  });
});
