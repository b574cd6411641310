/**
 * 联系的大企业 (221号 to the letter, issue 16): a ministry department (相关司局) keeps the list of the large
 * enterprises it contacted; only those may submit their 需求表 directly to the ministry, and the department is
 * recorded on the demand. Adding is by unified social credit code (checked here for its shape and check character,
 * then by the server); removing leaves demands already submitted as they are.
 *
 * Test hooks: `department`, `contact-form__code`, `contact-form__name`, `contact-form__add`, `contact`
 * (`data-code`), `contact__remove`, `field-error`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CREDIT_CODE_MESSAGES, DEPARTMENTS, creditCodeProblem, formatShanghai } from '@jiebang/shared';
import * as campaigns from '../../../../services/campaigns';
import { ApiError, errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { ActionButton, Field, FormCard, TextInput } from '../../../../components/form';
import { departmentOfRoles } from '../../lib/department';
import './index.scss';
import { showModal } from '../../../../lib/modal';

export default function DepartmentPage() {
  const me = useMe();
  const code = me.status === 'ready' ? departmentOfRoles(me.me.user.roles) : null;
  const load = useCallback(() => campaigns.contacts(code!), [code]);
  const { state, reload } = useAsync(code ? load : null);
  const [form, setForm] = useState({ creditCode: '', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (me.status === 'ready' && !code) {
    return <EmptyState text="仅限工业和信息化部相关司局" hint="请使用司局账号登录后管理联系的大企业名单" />;
  }
  if (!code || state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState message={errorMessage(state.error)} onRetry={reload} />;

  async function add() {
    const creditCode = form.creditCode.trim().toUpperCase();
    const e: Record<string, string> = {};
    const problem = creditCodeProblem(creditCode);
    if (problem) e.creditCode = CREDIT_CODE_MESSAGES[problem];
    if (form.name.trim().length < 2) e.name = '请填写企业名称（至少 2 个字）';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      await campaigns.addContact(code!, creditCode, form.name.trim());
      setForm({ creditCode: '', name: '' });
      void Taro.showToast({ title: '已加入名单，该企业可直接报送', icon: 'none' });
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      else if (err instanceof ApiError && err.status === 409) setErrors({ creditCode: '该企业已在名单中' });
      else void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }

  async function remove(creditCode: string, name: string) {
    const { confirm } = await showModal({
      title: '移出名单',
      content: `将“${name}”移出名单后，它不能再直接报送工业和信息化部（已报送的需求不受影响）。`,
      confirmText: '移出',
      danger: true,
    });
    if (!confirm) return;
    try {
      await campaigns.removeContact(code!, creditCode);
      reload();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    }
  }

  const items = state.value.items;
  return (
    <View className="department">
      <View className="department__head">
        <Text className="department__title">工业和信息化部{DEPARTMENTS[code]}</Text>
        <Text className="department__sub">
          本司局组织联系的大企业（共 {items.length} 家）可将需求表直接报送工业和信息化部，报送时记录本司局。
        </Text>
      </View>
      <FormCard title="加入联系的大企业">
        <Field label="统一社会信用代码" required error={errors.creditCode}>
          <TextInput
            className="contact-form__code"
            value={form.creditCode}
            maxlength={18}
            placeholder="18 位"
            onChange={(v) => setForm((f) => ({ ...f, creditCode: v.toUpperCase() }))}
          />
        </Field>
        <Field label="企业名称" required error={errors.name}>
          <TextInput
            className="contact-form__name"
            value={form.name}
            maxlength={100}
            onChange={(v) => setForm((f) => ({ ...f, name: v }))}
          />
        </Field>
        <ActionButton className="contact-form__add" text="加入名单" busy={busy} onClick={() => void add()} />
      </FormCard>
      <View className="department__list">
        {items.length === 0 && <EmptyState text="名单为空" hint="加入本司局联系的大企业后，它们即可直接报送" />}
        {items.map((c) => (
          <View key={c.creditCode} className="contact" data-code={c.creditCode}>
            <View className="contact__body">
              <Text className="contact__name">{c.name}</Text>
              <Text className="contact__meta">
                {c.creditCode} · {formatShanghai(c.addedAt)} 加入
              </Text>
            </View>
            <Text className="contact__remove" onClick={() => void remove(c.creditCode, c.name)}>
              移出
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
