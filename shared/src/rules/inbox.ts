/**
 * Design (issue 18): the inbox's tabs by kind and its grouping by subject, from what a notification already carries
 * (`kind`, `to`, `objectType`, and the demand's or event's title the messages quote). Kinds are written by the
 * use-cases: `demand_*`, `application_*`, `selection_*`, `objection_*`, `result_objected`, `question_*`,
 * `reminder_*` (deadlines, selection, the authority's overdue queue, events and meetings), `cooperation_started`,
 * `acceptance_recorded`, `campaign_changed`, `interest_update`, and the events' own (objectType `event`).
 */
import type { Notification } from '../schemas/notification';

type Notice = Pick<Notification, 'kind' | 'to' | 'objectType'>;

/** The inbox's tabs beyond 全部 and 未读 (a message may be in two: an objection to decide is a 待办 too). */
export const INBOX_TABS = {
  todo: '待办',
  applications: '申请与评审',
  events: '活动',
  publicity: '公示与异议',
} as const;
export type InboxTab = keyof typeof INBOX_TABS;
/** The tabs' keys: `kind` of `GET /v1/notifications`. */
export const INBOX_TAB_KEYS = Object.keys(INBOX_TABS) as [InboxTab, ...InboxTab[]];

const isEvent = (n: Notice) => n.objectType === 'event' || /^reminder_(event|meeting)/.test(n.kind);
const isPublicity = (n: Notice) => /^(objection_|result_objected|selection_reopened)/.test(n.kind);
const isAuthority = (n: Notice) => n.to === 'ministry' || n.to.startsWith('authority:');

/**
 * What asks the reader to act: an authority's reviews; an issuer's release, questions and a returned demand; an
 * applicant's returned application; deadline reminders.
 */
function isTodo(n: Notice): boolean {
  if (isEvent(n)) return false;
  if (isAuthority(n))
    return /^(demand_(submitted|forwarded)|application_(submitted|to_review)|objection_filed|reminder_)/.test(n.kind);
  return /^(demand_return|application_return|application_to_release|question_asked|result_objected|reminder_(deadline|selection))/.test(
    n.kind,
  );
}

export function inInboxTab(tab: InboxTab, n: Notice): boolean {
  switch (tab) {
    case 'todo':
      return isTodo(n);
    case 'applications':
      return (
        !isEvent(n) &&
        /^(application_|selection_|cooperation_started|acceptance_recorded|reminder_selection)/.test(n.kind)
      );
    case 'events':
      return isEvent(n);
    case 'publicity':
      return isPublicity(n);
  }
}

/** The first title a message quotes: 《…》, 「…」 or “…”. */
export function quotedTitle(body: string): string | null {
  const m = /《([^》]+)》|「([^」]+)」|“([^”]+)”/.exec(body);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

export interface InboxGroup<T> {
  /** `demand:<title>`, `event:<id>`, or the message's own id when it has no subject. */
  key: string;
  subject: { type: 'demand' | 'event'; title: string } | null;
  /** Newest first. */
  items: T[];
}

/**
 * The messages about one demand (the title the demand's and its applications' messages quote) or one event (its
 * id; the title its messages quote most) together, newest first; groups in the order of their newest message.
 * A message with no subject stands alone. `items` come newest first (the list's order).
 */
export function groupInbox<T extends Notice & Pick<Notification, 'id' | 'body' | 'objectId'>>(
  items: T[],
): InboxGroup<T>[] {
  const groups = new Map<string, { items: T[]; event: boolean; titles: Map<string, number> }>();
  for (const n of items) {
    const title = quotedTitle(n.body);
    const event = n.objectType === 'event' && Boolean(n.objectId);
    const key = event ? `event:${n.objectId}` : title ? `demand:${title}` : n.id;
    const g = groups.get(key) ?? { items: [], event, titles: new Map<string, number>() };
    groups.set(key, g);
    g.items.push(n);
    if (title) g.titles.set(title, (g.titles.get(title) ?? 0) + 1);
  }
  return [...groups].map(([key, g]) => {
    // The most quoted title (ties: the newest message's); a message alone with no title has no subject.
    const title = [...g.titles].sort((x, y) => y[1] - x[1])[0]?.[0];
    const subject =
      title && key !== g.items[0]!.id ? { type: g.event ? ('event' as const) : ('demand' as const), title } : null;
    return { key, subject, items: g.items };
  });
}
