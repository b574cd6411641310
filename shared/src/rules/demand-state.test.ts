import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../../../test/support/expect-with';
import { DEMAND_STATUS_KEYS } from '../constants';
import {
  DEMAND_TRANSITIONS,
  allowedDemandActions,
  mayEverTake,
  nextDemandStatus,
  type DemandAction,
  type DemandActor,
  type DemandChannel,
} from './demand-state';

const ACTIONS: DemandAction[] = [
  'submit',
  'forward',
  'return',
  'publish',
  'reject',
  'withdraw',
  'start_evaluation',
  'select',
  'declare_no_selection',
  'start_cooperation',
  'complete',
];
const ACTORS: DemandActor[] = ['issuer', 'province', 'ministry', 'system'];
const CHANNELS: (DemandChannel | undefined)[] = [undefined, 'province', 'ministry'];

describe('demand state machine', () => {
  it('allows every listed transition', () => {
    for (const x of DEMAND_TRANSITIONS) {
      expectWith(
        nextDemandStatus(x.action, x.by, { status: x.from, channel: x.channel ?? 'province' }),
        JSON.stringify(x),
      ).toBe(x.to);
    }
  });

  it('refuses every combination of action, actor, status and channel that is not listed', () => {
    let refused = 0;
    for (const action of ACTIONS)
      for (const by of ACTORS)
        for (const status of DEMAND_STATUS_KEYS)
          for (const channel of CHANNELS) {
            const listed = DEMAND_TRANSITIONS.find(
              (x) => x.action === action && x.by === by && x.from === status && (!x.channel || x.channel === channel),
            );
            const got = nextDemandStatus(action, by, { status, channel });
            if (listed) expect(got).toBe(listed.to);
            else {
              expectWith(got, `${by} ${action} ${status} ${channel}`).toBeNull();
              refused++;
            }
          }
    expect(refused).toBeGreaterThan(1500);
  });

  it('keeps the review powers apart: provinces never publish or reject, the ministry never forwards', () => {
    for (const status of DEMAND_STATUS_KEYS) {
      for (const channel of CHANNELS) {
        expect(nextDemandStatus('publish', 'province', { status, channel })).toBeNull();
        expect(nextDemandStatus('reject', 'province', { status, channel })).toBeNull();
        expect(nextDemandStatus('forward', 'ministry', { status, channel })).toBeNull();
        expect(nextDemandStatus('publish', 'issuer', { status, channel })).toBeNull();
      }
    }
    expect(mayEverTake('publish', 'province')).toBe(false);
    expect(mayEverTake('forward', 'province')).toBe(true);
  });

  it('routes by channel: a province cannot act on a ministry-channel demand, the ministry only on direct submissions', () => {
    expect(nextDemandStatus('forward', 'province', { status: 'submitted', channel: 'ministry' })).toBeNull();
    expect(nextDemandStatus('return', 'province', { status: 'submitted', channel: 'ministry' })).toBeNull();
    expect(nextDemandStatus('publish', 'ministry', { status: 'submitted', channel: 'province' })).toBeNull();
    expect(nextDemandStatus('publish', 'ministry', { status: 'submitted', channel: 'ministry' })).toBe('published');
    expect(nextDemandStatus('publish', 'ministry', { status: 'forwarded', channel: 'province' })).toBe('published');
  });

  it('has no way out of the final statuses and no withdrawal after selection', () => {
    for (const status of ['rejected', 'withdrawn', 'completed', 'no_selection'] as const) {
      expect(DEMAND_TRANSITIONS.filter((x) => x.from === status)).toEqual([]);
    }
    for (const status of ['selected', 'no_selection', 'in_cooperation', 'completed', 'rejected'] as const) {
      expect(nextDemandStatus('withdraw', 'issuer', { status })).toBeNull();
    }
  });

  it('offers the issuer edit-and-resubmit after a return', () => {
    expect(allowedDemandActions('issuer', { status: 'returned', channel: 'province' }).sort()).toEqual([
      'submit',
      'withdraw',
    ]);
    expect(allowedDemandActions('ministry', { status: 'forwarded', channel: 'province' }).sort()).toEqual([
      'publish',
      'reject',
      'return',
    ]);
  });
});
