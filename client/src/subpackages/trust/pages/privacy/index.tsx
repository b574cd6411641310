/**
 * Personal data (PIPL): 我的数据 — what the platform holds about the person, shown and downloadable (a .json file
 * in the browser, the clipboard in the mini-program) — and account erasure with what is removed and what stays
 * said before the person confirms. Reached from 我的.
 *
 * Test hooks: `privacy-page`, `my-data-load`, `my-data` (`data-notifications`, `data-consents`), `my-data-download`,
 * `erase-account`, `erase-dialog`, `erase-done`, `erase-error`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyDataResponse } from '@jiebang/shared';
import * as personal from '../../../../services/personal-data';
import { ActionButton } from '../../../../components/button';
import { Dialog } from '../../../../components/dialog';
import { errorMessage } from '../../../../services/http';
import './index.scss';

const REMOVED = [
  '微信标识（openid）、姓名与登录时间',
  '您填写并仍作为企业联系人的姓名、电话和邮箱',
  '订阅消息授权与个人消息',
  '企业成员身份',
];
const KEPT = [
  '企业、需求、揭榜申请、评审与验收等项目记录（其中的您显示为“已注销用户”）',
  '防篡改操作记录（只含用户编号，不含姓名或电话）',
];

function save(data: MyDataResponse) {
  const text = JSON.stringify(data, null, 2);
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `我的数据-${data.generatedAt.slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(url);
    return;
  }
  void Taro.setClipboardData({ data: text });
}

export default function PrivacyPage() {
  const [data, setData] = useState<MyDataResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [erased, setErased] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setData(await personal.download());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await personal.erase();
      setConfirming(false);
      setErased(true);
    } catch (err) {
      setConfirming(false);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (erased)
    return (
      <View className="privacy privacy-page">
        <View className="privacy__card erase-done">
          <Text className="privacy__title">账号已注销</Text>
          <Text className="privacy__text">您的个人信息已删除。项目记录中的您显示为“已注销用户”。</Text>
          <ActionButton
            className="privacy__button"
            text="返回“我的”"
            onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}
          />
        </View>
      </View>
    );

  return (
    <View className="privacy privacy-page">
      {error && <Text className="privacy__error erase-error">{error}</Text>}

      <View className="privacy__card">
        <Text className="privacy__title">我的数据</Text>
        <Text className="privacy__text">
          平台保存的关于您的全部个人信息：账号、所属企业与角色、个人消息、订阅授权，以及各类信息的保存期限。
        </Text>
        {data ? (
          <View
            className="my-data"
            data-notifications={String(data.notifications.length)}
            data-consents={String(data.consents.length)}
          >
            <Text className="privacy__fact">账号编号：{String(data.user.id)}</Text>
            <Text className="privacy__fact">所属企业：{data.org ? data.org.name : '无'}</Text>
            <Text className="privacy__fact">个人消息：{data.notifications.length} 条</Text>
            <Text className="privacy__fact">订阅授权：{data.consents.length} 项</Text>
            {data.retention.map((r) => (
              <Text key={r.what} className="privacy__fact privacy__fact--small">
                {r.what}：{r.kept}
              </Text>
            ))}
            <ActionButton
              className="privacy__button my-data-download"
              text={process.env.TARO_ENV === 'h5' ? '下载全部数据（JSON）' : '复制全部数据（JSON）'}
              onClick={() => save(data)}
            />
          </View>
        ) : (
          <ActionButton
            className={`privacy__button my-data-load${busy ? ' is-busy' : ''}`}
            text="查看我的数据"
            busy={busy}
            onClick={() => void load()}
          />
        )}
      </View>

      <View className="privacy__card">
        <Text className="privacy__title">注销账号</Text>
        <Text className="privacy__subtitle">将删除</Text>
        {REMOVED.map((t) => (
          <Text key={t} className="privacy__item">
            · {t}
          </Text>
        ))}
        <Text className="privacy__subtitle">将保留</Text>
        {KEPT.map((t) => (
          <Text key={t} className="privacy__item">
            · {t}
          </Text>
        ))}
        <Text className="privacy__text">企业的最后一位管理员需先在“企业成员”中指定其他管理员，才能注销。</Text>
        <ActionButton
          kind="danger"
          className={`privacy__button erase-account${busy ? ' is-busy' : ''}`}
          text="注销账号"
          disabled={busy}
          onClick={() => setConfirming(true)}
        />
      </View>

      <Dialog
        open={confirming}
        className="erase-dialog"
        title="注销账号"
        message="您的微信标识、姓名、本人填写的企业联系人、订阅授权与个人消息将立即删除，并退出所属企业；项目记录保留，其中的您显示为“已注销用户”。"
        warning="注销后不能恢复，当前登录随即失效。"
        confirmText="确认注销"
        danger
        busy={busy}
        onConfirm={() => void erase()}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}
