/**
 * GET /v1/orgs/{id}/affiliates: the list in force, a page at a time, and its search (issue 16, item 7). A large
 * group lists thousands of suppliers, all in the org's partition under the generation's keys (pattern 20, ordered
 * by credit code), so:
 * - a whole credit code is one GetItem of its key;
 * - a page or a name search reads the list's directory (pattern 20d): the entries packed into a few items (≈ 50
 *   bytes an entry, 300 KB a part: 5,000 entries in one item) in name order, for one `affiliatesVersion` of the
 *   list. It is built on the first read after the list changed (an import or an edit moves the version) from one
 *   Query of the generation, and every later page or search is one Query of its parts — never a scan of the
 *   generation's items per keystroke. README "Supplier import" gives the costs.
 */
import {
  isValidCreditCode,
  normaliseCode,
  type Affiliate,
  type AffiliatesPage,
  type ListQuery,
  type SessionUser,
} from '@jiebang/shared';
import { isAdmin, isMinistry } from '../auth/roles';
import { Conflict, NotFound } from '../domain/errors';
import { logger } from '../http/logger';
import { decodeCursor, encodeCursor } from '../store/cursor';
import { keys } from '../store/keys';
import { affiliatesGenOf, affiliatesVersionOf, type OrgDeps } from './orgs';

const byName = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** The cursor of the page after `offset` entries of version `version` (signed: cursor.ts). */
const cursorOf = (orgId: string, version: number, offset: number) =>
  encodeCursor({ PK: keys.org(orgId).PK, SK: `AFFDIR#${version}#${offset}` });

function offsetOf(orgId: string, version: number, cursor: string | undefined): number {
  const key = decodeCursor(cursor, keys.org(orgId).PK);
  if (!key) return 0;
  const [, v, offset] = key.SK.split('#');
  if (Number(v) !== version) {
    throw new Conflict('关联企业名单已更新，请刷新后重新查看', 'VERSION_CONFLICT');
  }
  return Number(offset) || 0;
}

function page(list: Affiliate[], offset: number, limit: number, next: (end: number) => string | null): AffiliatesPage {
  const byRelation: AffiliatesPage['byRelation'] = {};
  for (const a of list) byRelation[a.relation] = (byRelation[a.relation] ?? 0) + 1;
  const end = offset + limit;
  return {
    affiliates: list.slice(offset, end),
    nextCursor: end < list.length ? next(end) : null,
    total: list.length,
    byRelation,
  };
}

/** The directory of the list as it is now: stored for this version, or built from the generation and stored. */
async function directory(orgId: string, gen: string, version: number, d: OrgDeps): Promise<Affiliate[]> {
  const stored = await d.repos.orgs.affiliateDirectory(orgId, version);
  if (stored) return stored;
  const list = (await d.repos.orgs.listAffiliates(orgId, gen)).sort(
    (a, b) => byName.compare(a.name ?? '', b.name ?? '') || a.creditCode.localeCompare(b.creditCode),
  );
  try {
    await d.repos.orgs.saveAffiliateDirectory(orgId, version, list);
  } catch (err) {
    // The page is answered from what was read; the next read builds again.
    logger.warn('affiliate directory not stored', { error: err as Error, orgId, version });
  }
  return list;
}

/** GET /v1/orgs/{id}/affiliates: its members, the ministry and the platform's admin read it. */
export async function getAffiliates(
  user: SessionUser,
  id: string,
  query: ListQuery & { q?: string | undefined },
  d: OrgDeps,
): Promise<AffiliatesPage> {
  if (!(user.orgId === id || isMinistry(user) || isAdmin(user))) throw new NotFound('企业不存在');
  const org = await d.repos.orgs.get(id);
  if (!org) throw new NotFound('企业不存在');
  const gen = affiliatesGenOf(org);
  const version = affiliatesVersionOf(org);
  const q = query.q ?? '';
  const code = normaliseCode(q);
  if (isValidCreditCode(code)) {
    const found = await d.repos.orgs.getAffiliate(id, code, gen);
    return page(found ? [found] : [], 0, query.limit, () => null);
  }
  const offset = offsetOf(id, version, query.cursor);
  const all = await directory(id, gen, version, d);
  const needle = q.toLowerCase();
  const matched =
    q === '' ? all : all.filter((a) => a.creditCode.startsWith(code) || (a.name ?? '').toLowerCase().includes(needle));
  return page(matched, offset, query.limit, (end) => cursorOf(id, version, end));
}
