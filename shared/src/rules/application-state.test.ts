import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../../../test/support/expect-with';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUS_KEYS,
  isEditable,
  nextStatus,
  type ApplicationAction,
  type ApplicationStatus,
} from './application-state';

// The whole table, written out independently of APPLICATION_ACTIONS: every pair not listed is forbidden.
const ALLOWED: Record<string, ApplicationStatus> = {
  'draft submit': 'submitted',
  'returned submit': 'submitted',
  'submitted forward': 'forwarded',
  'submitted return': 'returned',
  'forwarded release': 'released',
  'released select': 'selected',
  'released not_select': 'not_selected',
  'draft withdraw': 'withdrawn',
  'submitted withdraw': 'withdrawn',
  'returned withdraw': 'withdrawn',
  'forwarded withdraw': 'withdrawn',
  'released withdraw': 'withdrawn',
  'draft close': 'withdrawn',
  'submitted close': 'withdrawn',
  'returned close': 'withdrawn',
  'forwarded close': 'withdrawn',
  'released close': 'withdrawn',
  'selected accept': 'accepted',
  'selected fail_acceptance': 'acceptance_failed',
};

const ACTIONS = Object.keys(APPLICATION_ACTIONS) as ApplicationAction[];
const pairs = APPLICATION_STATUS_KEYS.flatMap((s) => ACTIONS.map((a) => [s, a] as const));

describe('application state machine', () => {
  it('covers 10 statuses × 10 actions', () => {
    expect(pairs).toHaveLength(100);
  });

  it.each(pairs.filter(([s, a]) => `${s} ${a}` in ALLOWED))('allows %s --%s-->', (s, a) => {
    expect(nextStatus(s, a)).toBe(ALLOWED[`${s} ${a}`]);
  });

  it.each(pairs.filter(([s, a]) => !(`${s} ${a}` in ALLOWED)))('forbids %s --%s-->', (s, a) => {
    expect(nextStatus(s, a)).toBeNull();
  });

  it('has no way out of the final statuses', () => {
    for (const s of ['withdrawn', 'not_selected', 'accepted', 'acceptance_failed'] as const) {
      expectWith(ACTIONS.map((a) => nextStatus(s, a)).filter(Boolean), s).toEqual([]);
    }
  });

  it('lets the applicant edit only drafts and returned applications', () => {
    expect(APPLICATION_STATUS_KEYS.filter(isEditable)).toEqual(['draft', 'returned']);
  });
});
