/**
 * The security matrix of issue 12's new and changed routes — every role against `GET /v1/applications/{id}` with
 * an acceptance recorded (the acceptance view), `GET /v1/applications/{id}/feedback`,
 * `POST /v1/applications/{id}/acceptance` and `DELETE /v1/orgs/{id}/members/{userId}` — and the anonymity scan
 * of what the applicants receive from the acceptance view and the feedback. The same shape as
 * security-applications-matrix.test.ts and demands-security.test.ts: the wrong roles and other enterprises get
 * 401/403/404 with the error body and nothing of the objects they may not see; the applicants of an anonymous
 * demand never receive the issuer's name, credit code, org id (the report's storage key carries it), contact or
 * the ids of its people.
 */
import { describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as acceptH } from '../../functions/src/handlers/acceptance-create';
import { handler as feedbackH } from '../../functions/src/handlers/scores-feedback';
import { handler as appGetH } from '../../functions/src/handlers/applications-get';
import { handler as membersDeleteH } from '../../functions/src/handlers/orgs-members-delete';
import { handler as membersListH } from '../../functions/src/handlers/orgs-members-list';
import { invoke, type Answer } from '../support/invoke';
import { expectWith } from '../support/expect-with';
import {
  clockEachTestAt,
  evaluationWorld,
  inboxOf,
  who,
  type EvaluationWorld,
  selectWinners,
} from './evaluation-support';

clockEachTestAt();

const ACCEPTANCE = { result: 'passed', supplierCatalogue: true, comment: '各项指标达到要求' } as const;

type Role =
  | 'anonymous'
  | 'winnerAdmin'
  | 'winnerMember'
  | 'loserAdmin'
  | 'otherSme'
  | 'issuerAdmin'
  | 'issuerReviewer'
  | 'issuerMember'
  | 'otherIssuerAdmin'
  | 'smeProvince'
  | 'otherProvince'
  | 'ministry'
  | 'platformAdmin'
  | 'noEnterprise';

/** An anonymous demand, one selected applicant with its acceptance recorded (report uploaded by the issuer). */
async function world() {
  const w = await evaluationWorld({ applicants: 2, anonymous: true });
  const [winner, loser] = w.applicants as [EvaluationWorld['applicants'][0], EvaluationWorld['applicants'][0]];
  await selectWinners(w, [winner.app.id], { shareComments: true });
  const other = await evaluationWorld({ applicants: 1 });
  const tokens: Record<Role, string | undefined> = {
    anonymous: undefined,
    winnerAdmin: winner.admin.token,
    winnerMember: (await who(['org_member'], winner.org.id)).token,
    loserAdmin: loser.admin.token,
    otherSme: other.applicants[0]!.admin.token,
    issuerAdmin: w.admin.token,
    issuerReviewer: w.reviewers[0]!.token,
    issuerMember: w.member.token,
    otherIssuerAdmin: other.admin.token,
    smeProvince: (await who([`province:${winner.org.authorityRegion}`], null)).token,
    otherProvince: (await who(['province:650000'], null)).token,
    ministry: (await who(['ministry'], null)).token,
    platformAdmin: (await who(['admin'], null)).token,
    noEnterprise: (await who([], null)).token,
  };
  /** What must never reach an applicant of the anonymous demand, nor anyone refused. */
  const issuerSecrets = [
    w.issuer.name,
    w.issuer.creditCode,
    w.issuer.id,
    w.demand.contact.name,
    w.demand.contact.phone,
    w.admin.user.id,
    ...w.reviewers.map((r) => r.user.id),
  ];
  return { w, winner, loser, other, tokens, issuerSecrets };
}

/** A refusal: the status, the error body, and none of `secrets`. */
function expectRefused(res: Answer, status: number, secrets: string[], label: string) {
  expectWith(res.status, `${label}: ${res.text}`).toBe(status);
  expectWith(errorBodySchema.safeParse(res.body).success, `${label}: ${res.text}`).toBe(true);
  for (const s of secrets) expectWith(res.text.includes(s), `${label} leaks ${s}`).toBe(false);
}

describe('security matrix: acceptance view, feedback, acceptance, member removal', () => {
  it('every role gets exactly its answer; refusals carry the error body and nothing of the objects', async () => {
    const { w, winner, tokens, issuerSecrets } = await world();
    const recorded = await invoke(acceptH, {
      method: 'POST',
      token: w.admin.token,
      params: { id: winner.app.id },
      body: { ...ACCEPTANCE, report: { key: `org/${w.issuer.id}/${'7'.repeat(26)}.pdf`, name: '验收报告.pdf' } },
    });
    expectWith(recorded.status, recorded.text).toBe(201);
    const id = winner.app.id;
    /** Also kept from refused callers: the applicant's own data. */
    const applicantSecrets = [winner.org.name, winner.org.id, winner.app.match];

    // Expected status per role: [acceptance view, feedback, POST acceptance (again: 409 for the issuer admin)].
    const expected: Record<Role, [number, number, number]> = {
      anonymous: [401, 401, 401],
      winnerAdmin: [200, 200, 403],
      winnerMember: [200, 200, 403],
      loserAdmin: [404, 404, 404],
      otherSme: [404, 404, 404],
      issuerAdmin: [200, 404, 409],
      issuerReviewer: [200, 404, 403],
      issuerMember: [200, 404, 403],
      otherIssuerAdmin: [404, 404, 404],
      smeProvince: [200, 404, 404],
      otherProvince: [404, 404, 404],
      ministry: [200, 404, 404],
      platformAdmin: [404, 404, 404],
      noEnterprise: [404, 404, 404],
    };
    for (const [role, [view, feedback, accept]] of Object.entries(expected) as [Role, [number, number, number]][]) {
      const token = tokens[role];
      const v = await invoke(appGetH, { token, params: { id } });
      const f = await invoke(feedbackH, { token, params: { id } });
      const a = await invoke(acceptH, { method: 'POST', token, params: { id }, body: ACCEPTANCE });
      const refusedSecrets = [...issuerSecrets, ...applicantSecrets];
      if (view === 200) expectWith(v.status, `${role} view: ${v.text}`).toBe(200);
      else expectRefused(v, view, refusedSecrets, `${role} view`);
      if (feedback === 200) expectWith(f.status, `${role} feedback: ${f.text}`).toBe(200);
      else expectRefused(f, feedback, refusedSecrets, `${role} feedback`);
      // The applicant's own refusals may name its own application, never the issuer.
      const acceptSecrets = role.startsWith('winner') || role.startsWith('issuer') ? issuerSecrets : refusedSecrets;
      expectRefused(a, accept, role.startsWith('issuer') ? [] : acceptSecrets, `${role} acceptance`);
      // The applicant's acceptance view and feedback name no one at the issuer.
      if (role.startsWith('winner')) {
        for (const s of issuerSecrets) {
          expectWith(v.text.includes(s), `${role} view leaks ${s}`).toBe(false);
          expectWith(f.text.includes(s), `${role} feedback leaks ${s}`).toBe(false);
        }
        expect(v.body.acceptance).toMatchObject({ result: 'passed', report: { name: '验收报告.pdf' } });
      }
    }
  });

  it('DELETE /v1/orgs/{id}/members/{userId}: every role but the enterprise admin is refused, and nothing changes', async () => {
    const { w, winner, other, tokens } = await world();
    const target = await who(['org_member', 'reviewer'], w.issuer.id);
    const refusals: [Role, number][] = [
      ['anonymous', 401],
      ['winnerAdmin', 404],
      ['winnerMember', 404],
      ['loserAdmin', 404],
      ['otherSme', 404],
      ['issuerReviewer', 403],
      ['issuerMember', 403],
      ['otherIssuerAdmin', 404],
      ['smeProvince', 404],
      ['otherProvince', 404],
      ['ministry', 404],
      ['platformAdmin', 404],
      ['noEnterprise', 404],
    ];
    const secrets = [w.issuer.name, w.issuer.creditCode, target.user.id, w.admin.user.id];
    for (const [role, status] of refusals) {
      const res = await invoke(membersDeleteH, {
        method: 'DELETE',
        token: tokens[role],
        params: { id: w.issuer.id, userId: target.user.id },
      });
      expectRefused(res, status, secrets, `${role} delete`);
    }
    // Nor through an admin's own enterprise's path: a member of another enterprise is not its member.
    for (const [token, orgId] of [
      [tokens.winnerAdmin, winner.org.id],
      [tokens.otherIssuerAdmin, other.issuer.id],
    ] as const) {
      const res = await invoke(membersDeleteH, {
        method: 'DELETE',
        token,
        params: { id: orgId, userId: target.user.id },
      });
      expectRefused(res, 404, secrets, 'own path');
    }
    const members = await invoke(membersListH, { token: w.admin.token, params: { id: w.issuer.id } });
    expect(members.body.items.map((m: { id: string }) => m.id)).toContain(target.user.id);
    const removed = await invoke(membersDeleteH, {
      method: 'DELETE',
      token: w.admin.token,
      params: { id: w.issuer.id, userId: target.user.id },
    });
    expectWith(removed.status, removed.text).toBe(200);
    // The removed member's old token no longer acts for the enterprise, on any of these routes.
    expectRefused(
      await invoke(membersListH, { token: target.token, params: { id: w.issuer.id } }),
      404,
      secrets.slice(0, 2),
      'removed member lists',
    );
  });
});

describe('anonymity scan: acceptance view and feedback (finding 1)', () => {
  it('no body an applicant receives — its application view with the acceptance, its feedback, its inbox — names the anonymous issuer', async () => {
    const { w, winner, loser, tokens, issuerSecrets } = await world();
    const reportKey = `org/${w.issuer.id}/${'8'.repeat(26)}.pdf`;
    const failed = await invoke(acceptH, {
      method: 'POST',
      token: w.admin.token,
      params: { id: winner.app.id },
      body: {
        result: 'failed',
        supplierCatalogue: false,
        comment: '关键指标未达到',
        report: { key: reportKey, name: '验收报告.pdf' },
      },
    });
    expectWith(failed.status, failed.text).toBe(201);
    const bodies: [string, string][] = [];
    for (const [label, token, app] of [
      ['winner admin', tokens.winnerAdmin, winner.app.id],
      ['winner member', tokens.winnerMember, winner.app.id],
      ['loser admin', tokens.loserAdmin, loser.app.id],
    ] as const) {
      const view = await invoke(appGetH, { token, params: { id: app } });
      expectWith(view.status, view.text).toBe(200);
      const fb = await invoke(feedbackH, { token, params: { id: app } });
      expectWith(fb.status, fb.text).toBe(200);
      bodies.push([`${label} view`, view.text], [`${label} feedback`, fb.text]);
    }
    for (const a of [winner, loser])
      bodies.push([`inbox ${a.org.name}`, JSON.stringify(await inboxOf(`org:${a.org.id}`))]);
    for (const [label, body] of bodies) {
      for (const s of [...issuerSecrets, reportKey]) expectWith(body.includes(s), `${label} leaks ${s}`).toBe(false);
    }
    // The failed acceptance is still told to the applicant, with the report's name only.
    const own = await invoke(appGetH, { token: tokens.winnerAdmin, params: { id: winner.app.id } });
    expect(own.body.acceptance).toMatchObject({ result: 'failed', report: { name: '验收报告.pdf' } });
    expect(own.body.acceptance.report.key).toBeUndefined();
  });
});
