import { describe, expect, it } from '@jest/globals';
import type { Campaign } from '../schemas/campaign';
import { applicationWindowState, before, campaignChanges, submitCutoff } from './campaign';

const INTAKE = '2024-07-12T17:00:00+08:00';
const at = (iso: string, deltaMs = 0) => new Date(Date.parse(iso) + deltaMs);
const campaign: Campaign = {
  year: 2024,
  title: '2024年度大企业“发榜”中小企业“揭榜”工作',
  demandIntakeDeadline: INTAKE,
  applicationOpensAt: null,
  applicationDeadline: '2024-10-31T17:00:00+08:00',
  selectionDeadline: '2024-12-31T17:00:00+08:00',
  createdAt: '2024-06-20T00:00:00.000Z',
};

describe('before (a deadline is late at its own instant)', () => {
  it('the second before passes, the deadline and the second after do not', () => {
    expect(before(INTAKE, at(INTAKE, -1000))).toBe(true);
    expect(before(INTAKE, at(INTAKE))).toBe(false);
    expect(before(INTAKE, at(INTAKE, 1000))).toBe(false);
  });
});

describe('submitCutoff', () => {
  it('direct submission: the intake deadline, whatever the province set', () => {
    expect(submitCutoff('ministry', campaign, '2024-07-05T17:00:00+08:00')).toBe(INTAKE);
  });
  it("province channel: the province's earlier cut-off when set, else the intake deadline", () => {
    expect(submitCutoff('province', campaign, '2024-07-05T17:00:00+08:00')).toBe('2024-07-05T17:00:00+08:00');
    expect(submitCutoff('province', campaign, null)).toBe(INTAKE);
  });
  it('a cut-off later than the intake deadline never extends it', () => {
    expect(submitCutoff('province', campaign, '2024-07-20T17:00:00+08:00')).toBe(INTAKE);
  });
});

describe('applicationWindowState', () => {
  const opens = '2024-09-01T09:00:00+08:00';
  it('另行通知 (null) stays closed; absent is open (campaigns set before the window existed)', () => {
    expect(applicationWindowState({ applicationOpensAt: null }, at(opens, 1e10))).toBe('announced_later');
    expect(applicationWindowState({}, at(opens))).toBe('open');
  });
  it('opens at its instant: the second before is not yet, the instant itself is open', () => {
    expect(applicationWindowState({ applicationOpensAt: opens }, at(opens, -1000))).toBe('not_yet');
    expect(applicationWindowState({ applicationOpensAt: opens }, at(opens))).toBe('open');
  });
});

describe('campaignChanges', () => {
  it('names each changed deadline in Beijing time, 另行通知 for an unset window', () => {
    const lines = campaignChanges(campaign, { ...campaign, applicationOpensAt: '2024-09-01T09:00:00+08:00' });
    expect(lines).toEqual(['揭榜开始时间：另行通知 → 2024-09-01 09:00']);
  });
  it('the same instant written in another offset is no change', () => {
    expect(campaignChanges(campaign, { ...campaign, demandIntakeDeadline: '2024-07-12T09:00:00Z' })).toEqual([]);
  });
  it('statistics periods', () => {
    const lines = campaignChanges(campaign, {
      ...campaign,
      statisticsPeriods: [{ key: '2024H1', label: '上半年', deadline: '2024-07-10T17:00:00+08:00' }],
    });
    expect(lines).toEqual(['统计报送期：无 → 上半年 2024-07-10 17:00']);
  });
});
