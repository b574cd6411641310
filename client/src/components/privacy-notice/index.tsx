/**
 * The privacy notice (pipl), asked for on 我的 until the signed-in user has accepted its current version — at the
 * first sign-in, and again whenever the version changes. Test hooks: `privacy-notice`, `privacy-notice__accept`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@jiebang/shared';
import * as personal from '../../services/personal-data';
import { errorMessage } from '../../services/http';
import { Button } from '../button';
import './index.scss';

export function PrivacyNotice({ me, onAccepted }: { me: MeResponse; onAccepted: () => void }) {
  const [busy, setBusy] = useState(false);
  const p = me.privacy;
  if (!p || p.accepted?.version === p.current) return null;
  const accept = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await personal.acceptPrivacy(p.current);
      onAccepted();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="privacy-notice">
      <Text className="privacy-notice__title">{p.accepted ? '个人信息保护政策已更新' : '个人信息保护政策'}</Text>
      <Text className="privacy-notice__text">
        揭榜通只为发榜、揭榜与评审收集必要信息：微信标识用于登录；企业联系人的电话和邮箱只向本企业和所在地主管部门完整显示，工信部和平台管理员看到的已打码。您可随时在“个人信息与账号注销”中查看、下载全部个人数据或注销账号。
      </Text>
      <Text className="privacy-notice__version">版本 {p.current}</Text>
      <Button
        size="large"
        block
        busy={busy}
        className={`privacy-notice__accept${busy ? ' is-busy' : ''}`}
        onClick={() => void accept()}
      >
        {busy ? '正在保存…' : '同意并继续'}
      </Button>
    </View>
  );
}
