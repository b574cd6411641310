import { describe, expect, it } from '@jest/globals';
import { subscribeDataProblem } from '../../../infra/local/wechat-stand-in';
import { loadConfig } from '../config';
import { messageData, messagePage, templateIds, templateKeyOf } from './templates';

const base = { STAGE: 'local', TABLE_NAME: 't', JWT_SECRET: 'x'.repeat(32) };

describe('notification templates', () => {
  it('template ids: configured ids win; stage local has defaults; elsewhere a missing id means in-app only', () => {
    expect(templateIds(loadConfig(base))).toEqual({
      deadline_reminder: 'local-deadline-reminder',
      status_update: 'local-status-update',
      review_todo: 'local-review-todo',
    });
    const prod = loadConfig({
      ...base,
      STAGE: 'prod',
      WECHAT_APPID: 'wx',
      WECHAT_SECRET: 's',
      WECHAT_TEMPLATE_STATUS_UPDATE: 'T-123',
    });
    expect(templateIds(prod)).toEqual({ status_update: 'T-123' });
  });

  it('picks the template from the kind and the recipient', () => {
    expect(templateKeyOf({ kind: 'reminder_deadline_3d_draft', to: 'org:o1' })).toBe('deadline_reminder');
    expect(templateKeyOf({ kind: 'reminder_selection_1d', to: 'org:o1' })).toBe('deadline_reminder');
    expect(templateKeyOf({ kind: 'application_to_review', to: 'authority:440300' })).toBe('review_todo');
    expect(templateKeyOf({ kind: 'demand_forwarded', to: 'ministry' })).toBe('review_todo');
    expect(templateKeyOf({ kind: 'application_returned', to: 'org:o1' })).toBe('status_update');
  });

  it('every template’s data passes WeChat’s field rules, whatever the text', () => {
    const long =
      '关于“面向高端数控机床的五轴联动数控系统国产化攻关与产业化应用示范项目”的揭榜申请已被退回，请修改😀后重新提交';
    const n = {
      id: '01J0000000000000000000000A',
      to: 'org:o1',
      kind: 'application_returned',
      title: long.slice(0, 40),
      body: long,
      createdAt: '2027-03-31T09:00:00Z',
    };
    for (const key of ['deadline_reminder', 'status_update', 'review_todo'] as const) {
      const data = messageData(key, { ...n, facts: { subject: long, deadline: '2027-03-31T09:00:00Z' } });
      expect(subscribeDataProblem(data)).toBeNull();
    }
    expect(messageData('status_update', n).phrase2!.value).toBe('已退回');
    expect(messagePage(n)).toBe('pages/inbox/index?open=01J0000000000000000000000A');
  });

  // events (百场万企)
  it('the events’ reminders go as 办理进度通知 to the enterprise: the event, 即将开始, what and when', () => {
    for (const kind of ['reminder_event_1d', 'reminder_meeting']) {
      expect(templateKeyOf({ kind, to: 'org:o1' })).toBe('status_update');
      const data = messageData('status_update', {
        id: '01J0000000000000000000000B',
        to: 'org:o1',
        kind,
        title: '洽谈提醒：1 小时后开始',
        body: '与「深圳精测电子有限公司」的一对一洽谈将于 2027-03-31 10:00 开始（“百场万企”工业母机产业链专场）。',
        createdAt: '2027-03-31T01:00:00Z',
        facts: { subject: '“百场万企”大中小企业融通对接活动——工业母机产业链专场', deadline: '2027-03-31T02:00:00Z' },
      });
      expect(subscribeDataProblem(data)).toBeNull();
      expect(data.phrase2!.value).toBe('即将开始');
    }
  });
});
