import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../../test/support/expect-with';
import { isKnownLink, links, PAGES } from './links';

describe('notification links', () => {
  it('point only at pages the mini-program registers', () => {
    const appConfig = readFileSync(resolve(__dirname, '../../client/src/app.config.ts'), 'utf8');
    for (const path of Object.values(PAGES)) {
      const [, top, ...rest] = path.split('/');
      if (top === 'pages') {
        expectWith(appConfig, path).toContain(`'${path.slice(1)}'`);
      } else {
        // subpackages/<root>/<page…>: the root and the page within it are listed separately.
        const root = `${top}/${rest[0]}`;
        expectWith(appConfig, path).toContain(`root: '${root}'`);
        expectWith(appConfig, path).toContain(`'${rest.slice(1).join('/')}'`);
      }
    }
  });

  it('encode ids and are recognised; unknown paths are not', () => {
    expect(links.applicantApplication('a b')).toBe('/subpackages/sme/pages/application/index?id=a%20b');
    expect(isKnownLink(links.reviewerRanking('x'))).toBe(true);
    expect(links.results(2026)).toBe('/subpackages/campaign/pages/results/index?year=2026');
    expect(isKnownLink('/pages/application-detail/index?id=1')).toBe(false);
  });
});
