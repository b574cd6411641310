/**
 * 对接意向: those the organisation received (it owns the achievement) and sent; the decisions its side may take;
 * both contacts once accepted; the 技术经理人 following it, whom the owner's admin chooses among its members with that
 * role or names by the 技术经理人编号 of a 服务机构's or 科研院所's manager (shown on their 我的 page); a 技术经理人 who
 * is not the admin sees only the interests attached to them. Hooks: `lib-chip[data-value=received|sent]`,
 * `interest-card` (`data-status`), `interest-accept`, `interest-decline`, `interest-sign`, `interest-close`,
 * `interest-contacts`, `interest-manager`, `interest-manager-pick`, `interest-manager-number` (the 编号 field, with
 * `field-error`), `interest-manager-submit`, `interest-manager-cancel`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INTEREST_STATUSES, interestTechManagerInputSchema, type Interest } from '@jiebang/shared';
import * as library from '../../../../services/library';
import { showModal } from '../../../../lib/modal';
import * as orgs from '../../../../services/orgs';
import { useMe } from '../../../../hooks/use-me';
import { ApiError, errorMessage } from '../../../../services/http';
import { ActionButton, Field, TextInput } from '../../../../components/form';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import '../../library.scss';

const LABELS = { accept: '接受', decline: '婉拒', sign: '已签约', close: '终止' } as const;
/** WeChat's action sheet holds six entries: four managers, 输入编号 and 取消指派. */
const SHEET_MANAGERS = 4;
const BY_NUMBER = '输入其他机构技术经理人编号';
const memberName = (m: { id: string; displayName?: string | undefined }) =>
  m.displayName || `成员 ${m.id.slice(-6).toUpperCase()}`;
const managerName = (m: NonNullable<Interest['techManager']>) => (m.orgName ? `${m.name}（${m.orgName}）` : m.name);
/** The 编号 as the server reads it: the same rule, the same words. */
const numberError = (value: string) => {
  const r = interestTechManagerInputSchema.shape.userId.safeParse(value);
  return r.success ? '' : (r.error.issues[0]?.message ?? '技术经理人编号格式不正确');
};

/** The 技术经理人编号 being typed for one interest. */
interface NumberEntry {
  interestId: string;
  value: string;
  error: string;
}

export default function InterestsPage() {
  // A notification opens the box the interest is in (links.interest: `?id=…&box=received|sent`).
  const { params } = useRouter();
  const [box, setBox] = useState<'received' | 'sent'>(params.box === 'sent' ? 'sent' : 'received');
  const fetchPage = useCallback((cursor: string | null) => library.interests(box, cursor), [box]);
  const { status, error, items, reload } = usePagedList(fetchPage);
  const [busy, setBusy] = useState<string | null>(null);
  const me = useMe();
  const roles = me.status === 'ready' ? me.me.user.roles : [];
  const admin = roles.includes('org_admin');
  const managerOnly = roles.includes('tech_manager') && !admin;
  const orgId = me.status === 'ready' ? (me.me.org?.id ?? null) : null;
  const [entry, setEntry] = useState<NumberEntry | null>(null);

  /**
   * The admin chooses among the organisation's members with role tech_manager, or enters the 编号 of another
   * organisation's manager, or takes the one attached off.
   */
  const pickManager = async (i: Interest) => {
    if (!orgId) return;
    setBusy(i.id);
    try {
      const members = (await orgs.listMembers(orgId, null)).items.filter((m) => m.roles.includes('tech_manager'));
      const shown = members.filter((m) => m.id !== i.techManager?.id).slice(0, SHEET_MANAGERS);
      const items = [...shown.map(memberName), BY_NUMBER, ...(i.techManager ? ['取消指派'] : [])];
      const choice = await Taro.showActionSheet({ itemList: items }).catch(() => null);
      if (!choice) return;
      if (items[choice.tapIndex] === BY_NUMBER) {
        setEntry({ interestId: i.id, value: '', error: '' });
        return;
      }
      const picked = shown[choice.tapIndex];
      if (!picked) {
        const ok = await showModal({
          title: '取消指派',
          content: `确定不再由${managerName(i.techManager!)}跟进此意向？`,
          danger: true,
        });
        if (!ok.confirm) return;
      }
      await library.attachTechManager(i.id, picked ? picked.id : null);
      void Taro.showToast({ title: picked ? `已指派${memberName(picked)}` : '已取消指派', icon: 'none' });
      reload();
    } catch (err) {
      void showModal({ title: '未能指派', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(null);
    }
  };
  /** Attaches the manager whose 编号 was typed; a refusal (422 on userId) is shown under the field. */
  const submitNumber = async () => {
    if (!entry) return;
    const error = numberError(entry.value);
    if (error) {
      setEntry({ ...entry, error });
      return;
    }
    setBusy(entry.interestId);
    try {
      const i = await library.attachTechManager(entry.interestId, entry.value.trim());
      setEntry(null);
      void Taro.showToast({ title: `已指派${i.techManager ? managerName(i.techManager) : ''}`, icon: 'none' });
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setEntry({ ...entry, error: err.message });
      else void showModal({ title: '未能指派', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(null);
    }
  };
  const decide = async (i: Interest, d: Interest['allowedDecisions'][number]) => {
    setBusy(i.id);
    try {
      await library.decide(i.id, d);
      reload();
    } catch (err) {
      void showModal({ title: '未能完成', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="lib-page">
      <View className="lib-hero">
        <Text className="lib-hero__title">对接意向</Text>
        <Text className="lib-hero__sub">
          {managerOnly
            ? '作为技术经理人，这里显示指派给你跟进的意向'
            : '成果单位接受意向后，双方可看到彼此的联系人，进入洽谈'}
        </Text>
      </View>
      <View className="lib-tabs">
        {(['received', 'sent'] as const).map((b) => (
          <View key={b} className={`lib-chip${box === b ? ' is-on' : ''}`} data-value={b} onClick={() => setBox(b)}>
            {b === 'received' ? '收到的意向' : '发出的意向'}
          </View>
        ))}
      </View>
      {status === 'loading' && <SkeletonCards count={2} />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState text="暂无对接意向" hint="在科技成果库中可对成果提出意向" />
      )}
      {items.map((i) => (
        <View key={i.id} className="lib-card interest-card" data-status={i.status}>
          <View className="lib-card__tags">
            <Text className="lib-card__tag lib-card__tag--trl">{INTEREST_STATUSES[i.status]}</Text>
          </View>
          <Text className="lib-card__title">{i.achievementTitle}</Text>
          <Text className="lib-card__meta">
            {managerOnly
              ? `成果单位：${i.ownerName} · 意向方：${i.senderName}`
              : i.side === 'owner'
                ? `意向方：${i.senderName}`
                : `成果单位：${i.ownerName}`}
          </Text>
          <Text className="lib-card__summary">{i.message}</Text>
          {i.techManager && (
            <Text className="lib-card__meta interest-manager">技术经理人：{managerName(i.techManager)}</Text>
          )}
          {i.contacts && (
            <Text className="lib-card__contacts interest-contacts">
              {i.side === 'owner'
                ? `对方联系人：${i.contacts.sender.name} ${i.contacts.sender.phone}`
                : `对方联系人：${i.contacts.owner.name} ${i.contacts.owner.phone}`}
            </Text>
          )}
          {admin && i.side === 'owner' && (i.status === 'pending' || i.status === 'talking') && (
            <View className="lib-card__actions">
              <ActionButton
                className="interest-manager-pick"
                kind="secondary"
                text={i.techManager ? '更换技术经理人' : '指派技术经理人'}
                busy={busy === i.id}
                onClick={() => void pickManager(i)}
              />
            </View>
          )}
          {entry?.interestId === i.id && (
            <View className="interest-number">
              <Field
                label="技术经理人编号"
                required
                error={entry.error}
                hint="服务机构或科研院所的技术经理人可在其“我的”页面复制编号"
              >
                <TextInput
                  className="interest-manager-number"
                  value={entry.value}
                  maxlength={64}
                  placeholder="粘贴或输入编号"
                  onChange={(value) => setEntry({ ...entry, value, error: '' })}
                />
              </Field>
              <View className="lib-card__actions">
                <ActionButton
                  className="interest-manager-cancel"
                  kind="secondary"
                  text="取消"
                  disabled={busy === i.id}
                  onClick={() => setEntry(null)}
                />
                <ActionButton
                  className="interest-manager-submit"
                  text="指派"
                  busy={busy === i.id}
                  onClick={() => void submitNumber()}
                />
              </View>
            </View>
          )}
          {i.allowedDecisions.length > 0 && (
            <View className="lib-card__actions">
              {i.allowedDecisions.map((d) => (
                <ActionButton
                  key={d}
                  className={`interest-${d}`}
                  kind={d === 'accept' || d === 'sign' ? 'primary' : 'secondary'}
                  text={LABELS[d]}
                  busy={busy === i.id}
                  onClick={() => void decide(i, d)}
                />
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
