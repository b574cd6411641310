/**
 * 单位画像: what the organisation can do — summary, products, technical fields, keywords — which matching reads
 * (为你推荐, 匹配的企业与成果). The admin edits it; checked with the shared schema on the phone. Hooks:
 * `profile-summary`, `profile-products`, `profile-keywords`, `chip[data-value]`, `profile-save`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { z } from 'zod';
import { FIELDS, orgProfileInputSchema, type FieldKey, type Org } from '@jiebang/shared';
import * as library from '../../../../services/library';
import * as orgs from '../../../../services/orgs';
import { errorMessage } from '../../../../services/http';
import { ActionButton, Chips, Field, FormCard, TextArea, TextInput } from '../../../../components/form';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useFormSend } from '../../../../hooks/use-form-send';
import { useMe } from '../../../../hooks/use-me';
import '../../library.scss';

const FIELD_OPTIONS = Object.entries(FIELDS) as [FieldKey, string][];

/** Messages by the form's field (a bad keyword is the keywords field's, whatever its place in the list). */
const byField = (error: z.ZodError) => Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message]));

export default function ProfilePage() {
  const me = useMe();
  const orgId = me.status === 'ready' ? (me.me.org?.id ?? null) : null;
  const load = useCallback(() => orgs.get(orgId!), [orgId]);
  const { state, reload } = useAsync(orgId ? load : null);
  if (me.status === 'loading' || state.status === 'loading') return <LoadingState />;
  if (!orgId) return <ErrorState message="请先登记或加入一家企业、高校或科研机构" />;
  if (state.status === 'error') return <ErrorState message={errorMessage(state.error)} onRetry={reload} />;
  return <ProfileForm orgId={orgId} profile={state.value.profile} />;
}

/** The form, started from the stored profile (a child, so its state starts from what was read). */
function ProfileForm({ orgId, profile }: { orgId: string; profile: Org['profile'] }) {
  const [summary, setSummary] = useState(profile?.summary ?? '');
  const [products, setProducts] = useState(profile?.products ?? '');
  const [fields, setFields] = useState<FieldKey[]>(profile?.techFields ?? []);
  const [keywords, setKeywords] = useState((profile?.keywords ?? []).join('、'));
  const { errors, busy, send } = useFormSend('未能保存');

  const save = async () => {
    const input = {
      summary,
      ...(products.trim() ? { products } : {}),
      techFields: fields,
      keywords: keywords
        .split(/[,，、;；\s]+/)
        .map((k) => k.trim())
        .filter(Boolean),
    };
    await send(
      orgProfileInputSchema.safeParse(input),
      async (profile) => {
        await library.saveProfile(orgId, profile);
        void Taro.showToast({ title: '已保存', icon: 'success' });
      },
      byField,
    );
  };
  const toggle = (f: FieldKey) => setFields((fs) => (fs.includes(f) ? fs.filter((x) => x !== f) : [...fs, f]));
  return (
    <View className="lib-page" style={{ padding: '24px 0' }}>
      <FormCard title="单位画像" desc="用于“为你推荐”和需求方的“匹配的企业与成果”：写清能做什么、擅长哪些技术">
        <Field label="单位简介" required error={errors.summary}>
          <TextArea className="profile-summary" value={summary} maxlength={1000} onChange={setSummary} />
        </Field>
        <Field label="主要产品与技术" error={errors.products}>
          <TextArea className="profile-products" value={products} maxlength={1000} onChange={setProducts} />
        </Field>
        <Field label="技术领域（最多 5 项）" error={errors.techFields}>
          <Chips options={FIELD_OPTIONS} value={fields} onChange={toggle} />
        </Field>
        <Field label="关键词" hint="用顿号或逗号分隔，最多 20 个，如：电主轴、伺服、编码器" error={errors.keywords}>
          <TextInput className="profile-keywords" value={keywords} maxlength={300} onChange={setKeywords} />
        </Field>
      </FormCard>
      <View style={{ margin: '24px' }}>
        <ActionButton className="profile-save" text="保存画像" busy={busy} onClick={() => void save()} />
      </View>
    </View>
  );
}
