/**
 * Which WeChat subscribe-message template carries which notification, and how its fields are filled. Template
 * ids come from configuration (WECHAT_TEMPLATE_<KEY>); stage `local` has defaults the stand-in accepts.
 *
 * Field layout of each template (as registered in the mini-program's 订阅消息 console):
 *   deadline_reminder  揭榜截止提醒: thing1 需求名称, time2 截止时间, thing3 温馨提示
 *   status_update      办理进度通知: thing1 事项, phrase2 办理结果, thing3 说明, time4 时间
 *   review_todo        待办审核提醒: thing1 待办事项, time2 提交时间, thing3 说明
 */
import { TEMPLATE_KEYS, type Notification, type TemplateKey } from '@jiebang/shared';
import type { Config } from '../config';
import { phrase, safeData, thing, timeValue, type TemplateData } from '../wechat/template-data';

const ENV: Record<TemplateKey, keyof Config> = {
  deadline_reminder: 'WECHAT_TEMPLATE_DEADLINE_REMINDER',
  status_update: 'WECHAT_TEMPLATE_STATUS_UPDATE',
  review_todo: 'WECHAT_TEMPLATE_REVIEW_TODO',
};

/** Template ids by key; a key without an id (outside stage local) sends in-app only. */
export function templateIds(cfg: Config): Partial<Record<TemplateKey, string>> {
  const out: Partial<Record<TemplateKey, string>> = {};
  for (const key of TEMPLATE_KEYS) {
    const id =
      (cfg[ENV[key]] as string | undefined) || (cfg.STAGE === 'local' ? `local-${key.replace(/_/g, '-')}` : '');
    if (id) out[key] = id;
  }
  return out;
}

/** The template a notification is sent with: reminders of deadlines, authorities' to-dos, or a status change. */
export function templateKeyOf(n: Pick<Notification, 'kind' | 'to'>): TemplateKey {
  if (n.kind.startsWith('reminder_deadline') || n.kind.startsWith('reminder_selection')) return 'deadline_reminder';
  if (n.to === 'ministry' || n.to.startsWith('authority:')) return 'review_todo';
  return 'status_update';
}

/** A short result word for `status_update` (phrase: ≤ 5 Chinese characters). */
function resultPhrase(kind: string): string {
  const table: [RegExp, string][] = [
    // events (百场万企): an event tomorrow, a meeting within the hour
    [/^reminder_(event|meeting)/, '即将开始'],
    [/return/, '已退回'],
    [/reject/, '不予发布'],
    [/publish/, '已发布'],
    [/forward/, '已转报'],
    [/release/, '已转交'],
    [/not_selected/, '未入选'],
    [/selected/, '已入选'],
    [/withdraw/, '已撤回'],
    [/submit/, '已提交'],
  ];
  return table.find(([re]) => re.test(kind))?.[1] ?? '有更新';
}

/** Extra values a reminder stores on its notification for its message (the deadline it is about). */
export interface MessageFacts {
  /** Demand title (public part only). */
  subject?: string;
  /** The deadline the reminder is about. */
  deadline?: string;
}

/** The data of the subscribe message for a notification, within WeChat's field limits. */
export function messageData(key: TemplateKey, n: Notification & { facts?: MessageFacts }): TemplateData {
  const subject = n.facts?.subject ?? n.title;
  switch (key) {
    case 'deadline_reminder':
      return safeData({
        thing1: thing(subject),
        time2: timeValue(n.facts?.deadline ?? n.createdAt),
        thing3: thing(n.title),
      });
    case 'review_todo':
      return safeData({ thing1: thing(subject), time2: timeValue(n.createdAt), thing3: thing(n.body) });
    case 'status_update':
      return safeData({
        thing1: thing(subject),
        phrase2: phrase(resultPhrase(n.kind)),
        thing3: thing(n.body),
        time4: timeValue(n.createdAt),
      });
  }
}

/**
 * The mini-program page a message opens: the inbox, which opens the object itself (links written by the areas
 * are not all pages of the main package, and a message must never open a page that does not exist).
 */
export function messagePage(n: Notification): string {
  return `pages/inbox/index?open=${encodeURIComponent(n.id)}`;
}
