import { describe, expect, it } from '@jest/globals';
import { groupInbox, inInboxTab, quotedTitle, type InboxTab } from './inbox';

const n = (
  id: string,
  kind: string,
  body: string,
  over: { to?: string; objectType?: 'event'; objectId?: string } = {},
) => ({
  id,
  kind,
  body,
  to: over.to ?? 'org:o1',
  objectType: over.objectType,
  objectId: over.objectId,
});

describe('inbox tabs by kind', () => {
  const tabs = (x: ReturnType<typeof n>) =>
    (['todo', 'applications', 'events', 'publicity'] as InboxTab[]).filter((t) => inInboxTab(t, x));

  it('puts an authority’s reviews, an issuer’s release and deadline reminders under 待办', () => {
    expect(tabs(n('1', 'demand_submitted', '', { to: 'authority:110000' }))).toEqual(['todo']);
    expect(tabs(n('2', 'demand_forwarded', '', { to: 'ministry' }))).toEqual(['todo']);
    expect(tabs(n('3', 'application_to_review', '', { to: 'authority:440300' }))).toEqual(['todo', 'applications']);
    expect(tabs(n('4', 'application_to_release', ''))).toEqual(['todo', 'applications']);
    expect(tabs(n('5', 'reminder_deadline_3d_draft', ''))).toEqual(['todo']);
    expect(tabs(n('6', 'question_asked', ''))).toEqual(['todo']);
    expect(tabs(n('7', 'demand_return', ''))).toEqual(['todo']);
    expect(tabs(n('8', 'application_return', ''))).toEqual(['todo', 'applications']);
  });

  it('keeps news in its topic only: a decision, a publication, an event, an objection answered', () => {
    expect(tabs(n('1', 'application_released', ''))).toEqual(['applications']);
    expect(tabs(n('2', 'selection_decided', ''))).toEqual(['applications']);
    expect(tabs(n('3', 'demand_publish', ''))).toEqual([]);
    expect(tabs(n('4', 'registration_approved', '', { objectType: 'event', objectId: 'e1' }))).toEqual(['events']);
    expect(tabs(n('5', 'reminder_meeting', '', { objectType: 'event', objectId: 'e1' }))).toEqual(['events']);
    expect(tabs(n('6', 'objection_answered', ''))).toEqual(['publicity']);
    expect(tabs(n('7', 'objection_filed', '', { to: 'ministry' }))).toEqual(['todo', 'publicity']);
    expect(tabs(n('8', 'result_objected', ''))).toEqual(['todo', 'publicity']);
  });
});

describe('inbox groups', () => {
  it('reads the title a message quotes, whatever the quotes', () => {
    expect(quotedTitle('您的需求《柔轮攻关》已发布')).toBe('柔轮攻关');
    expect(quotedTitle('需求「柔轮攻关」有新的公开答疑')).toBe('柔轮攻关');
    expect(quotedTitle('甲公司 提交了对“柔轮攻关”的揭榜申请。')).toBe('柔轮攻关');
    expect(quotedTitle('工业和信息化部调整了2026 年榜单的时间安排')).toBeNull();
  });

  it('gathers a demand’s and its applications’ messages, and an event’s by id, in the order of their newest', () => {
    const items = [
      n('9', 'application_to_review', '甲公司 提交了对“柔轮攻关”的揭榜申请。'),
      n('8', 'reminder_meeting', '与「乙公司」的一对一洽谈将于 10:00 开始（对接会）。', {
        objectType: 'event',
        objectId: 'e1',
      }),
      n('7', 'campaign_changed', '工业和信息化部调整了时间安排'),
      n('6', 'demand_publish', '您的需求《柔轮攻关》已发布到需求目录'),
      n('5', 'registration_approved', '贵单位报名的「对接会」已通过', { objectType: 'event', objectId: 'e1' }),
      n('4', 'reminder_event_1d', '贵单位报名的「对接会」将于明天开始', { objectType: 'event', objectId: 'e1' }),
      n('3', 'demand_submitted', '需求《电池回收》已报送，请及时审核。'),
    ];
    const groups = groupInbox(items);
    expect(groups.map((g) => [g.key, g.subject, g.items.map((i) => i.id)])).toEqual([
      ['demand:柔轮攻关', { type: 'demand', title: '柔轮攻关' }, ['9', '6']],
      ['event:e1', { type: 'event', title: '对接会' }, ['8', '5', '4']],
      ['7', null, ['7']],
      ['demand:电池回收', { type: 'demand', title: '电池回收' }, ['3']],
    ]);
  });
});
