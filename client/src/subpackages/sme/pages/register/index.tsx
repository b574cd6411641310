/**
 * 企业注册: an enterprise registers as 中小企业 or 大型企业, classified live with the 300号 table; a 高校, 科研院所 or
 * 服务机构 (library area) without the 300号 figures, its credit code checked for the category its kind allows.
 *
 * Class names for end-to-end tests:
 * `register-form`, `kind-options .chip[data-value=sme|large|university|institute|service]`, `org-name-input`, `credit-code-input`,
 * `credit-code-status` (`is-ok` / `is-error`), `region-select`, `region-code-input`, `region-use-code`,
 * `region-warning`, `industry-select`, `option-sheet__item[data-value]`, `metric-input--employees|revenue|assets`,
 * `classification-preview` (`is-sme` / `is-large` / `is-pending`), `classification-refusal`,
 * `qualification-options`, `shareholder-code-input`, `contact-name-input`, `contact-title-input`,
 * `contact-phone-input`, `contact-email-input`, `field-error`, `register-error`, `register-submit`.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { IndustryKey } from '@jiebang/shared';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, LoadingState, SignInState } from '../../../../components/state-view';
import { ActionButton, OptionSheet } from '../../../../components/form';
import { useMe } from '../../../../hooks/use-me';
import { INDUSTRY_OPTIONS, REGION_OPTIONS } from '../../lib/register-form';
import { useRegisterForm } from './use-register-form';
import { BasicsStep } from './basics-step';
import { RegionStep } from './region-step';
import { ScaleStep } from './scale-step';
import { QualificationsStep } from './qualifications-step';
import { ContactStep } from './contact-step';
import { MINE } from '../../../../lib/nav';
import './index.scss';

export default function RegisterPage() {
  const me = useMe();
  const f = useRegisterForm();
  const { form, set, banner, busy, authority, chooseAuthority, submit } = f;
  const [sheet, setSheet] = useState<'region' | 'industry' | null>(null);

  if (me.status === 'loading') return <LoadingState />;
  if (me.status === 'error' && !(me.error instanceof ApiError && me.error.status === 401)) {
    return <ErrorState message={errorMessage(me.error)} onRetry={me.reload} />;
  }
  if (me.status !== 'ready') {
    return <SignInState className="register-signed-out" text="登录后登记企业" hint="登录后将回到企业登记" />;
  }
  if (me.me.org) {
    return (
      <EmptyState
        className="register-has-org"
        text={`您已加入${me.me.org.name ?? '一家企业'}`}
        hint="一个账号只能属于一家企业"
        go={{ text: '返回我的', url: MINE }}
      />
    );
  }

  return (
    <View className="register register-form">
      <View className="register__intro">
        <Text className="register__intro-title">{f.institution ? '登记单位信息' : '登记企业信息'}</Text>
        <Text className="register__intro-sub">
          {f.institution
            ? '高校、科研院所、服务机构无需划型：登记后可登记科技成果、对接意向，高校和科研院所可揭榜中小企业发布的需求。'
            : '中小企业按《中小企业划型标准规定》（工信部联企业〔2011〕300号）自动划型；只有中型、小型、微型企业可以揭榜大企业的需求。'}
        </Text>
      </View>

      {banner && <View className="form-banner form-banner--error register-error">{banner}</View>}

      <BasicsStep f={f} />

      <RegionStep f={f} onOpenSheet={setSheet} />

      {!f.institution && <ScaleStep f={f} onOpenSheet={setSheet} />}

      {!f.institution && <QualificationsStep f={f} />}

      <ContactStep f={f} />

      <View className="register__action-space" />
      <View className="register__action">
        <ActionButton className="register-submit" text="提交登记" busy={busy} onClick={() => void submit()} />
      </View>

      <OptionSheet
        className="region-sheet"
        visible={sheet === 'region'}
        title="选择主管部门辖区"
        searchable
        options={REGION_OPTIONS}
        value={authority ?? undefined}
        onSelect={(code) => {
          setSheet(null);
          chooseAuthority(code);
        }}
        onClose={() => setSheet(null)}
      />
      <OptionSheet
        className="industry-sheet"
        visible={sheet === 'industry'}
        title="选择所属行业"
        options={INDUSTRY_OPTIONS}
        value={form.industry || undefined}
        onSelect={(v) => {
          set('industry', v as IndustryKey);
          setSheet(null);
        }}
        onClose={() => setSheet(null)}
      />
    </View>
  );
}
