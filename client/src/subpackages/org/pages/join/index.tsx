/**
 * 加入企业: a signed-in user without an enterprise enters the invitation code a colleague's admin shared (企业成员 →
 * 生成邀请码) and becomes a member (org_member) at once; the new session is stored by the service. The code is
 * checked for its shape here and for everything else by the server (unknown, used or expired: 404; already in an
 * enterprise: 409 ALREADY_IN_ORG; too many tries: 429).
 *
 * Test hooks: `join`, `join__code` (the input), `join__submit`, `field-error`, `join__done`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as orgs from '../../../../services/orgs';
import { me as fetchMe } from '../../../../services/auth';
import { pendingResume, resumeAfter } from '../../../../lib/resume';
import { ApiError, errorMessage } from '../../../../services/http';
import { ActionButton, Field, TextInput } from '../../../../components/form';
import './index.scss';

const CODE = /^[0-9A-Z]{12}$/;

/** The server's refusal in words that say what to do. */
function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  if (err.status === 404) return '邀请码不存在、已使用或已过期，请向企业管理员索取新的邀请码。';
  if (err.code === 'ALREADY_IN_ORG') return '您已加入一家企业；如需加入其他企业，请先在“企业成员”中退出当前企业。';
  if (err.status === 401) return '登录已失效，请在“我的”重新登录。';
  if (err.status === 429) return '尝试次数过多，请稍后再试。';
  return errorMessage(err);
}

export default function JoinPage() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<string | null>(null);

  async function submit() {
    const value = code.trim().toUpperCase();
    if (!CODE.test(value)) {
      setError('邀请码为 12 位字母或数字，请核对后重新输入');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const res = await orgs.acceptInvite(value);
      setJoined(res.org.name);
    } catch (err) {
      setError(refusalText(err));
    } finally {
      setBusy(false);
    }
  }

  if (joined) {
    return (
      <View className="join">
        <View className="join__card join__done">
          <Text className="join__title">已加入“{joined}”</Text>
          <Text className="join__text">您现在是该企业的成员；管理员可在“企业成员”中为您设置评审专家等角色。</Text>
          {/* Joined on the way to a demand (我要揭榜): carry on there; otherwise back to 我的. */}
          <ActionButton
            text={pendingResume() ? '继续' : '返回我的'}
            onClick={() =>
              void fetchMe()
                .then((me) => resumeAfter(me, 'redirect'))
                .catch(() => false)
                .then((resumed) => {
                  if (!resumed) void Taro.switchTab({ url: '/pages/mine/index' });
                })
            }
          />
        </View>
      </View>
    );
  }

  return (
    <View className="join">
      <View className="join__card">
        <Text className="join__title">凭邀请码加入企业</Text>
        <Text className="join__text">邀请码由本企业管理员在“企业成员”中生成，7 天内有效，只能使用一次。</Text>
        <Field label="邀请码" required error={error}>
          <TextInput
            className="join__code"
            value={code}
            maxlength={12}
            placeholder="12 位字母或数字"
            onChange={(v) => {
              setCode(v.toUpperCase());
              setError(undefined);
            }}
          />
        </Field>
        <ActionButton className="join__submit" text="加入企业" busy={busy} onClick={() => void submit()} />
      </View>
    </View>
  );
}
