/**
 * 登记科技成果: the 成果 form in one card, checked with the shared schema on the phone, then created and submitted to
 * the organisation's authority in one tap. Hooks: `ach-title`, `ach-summary`, `ach-terms` (inputs), `chip`
 * (`data-value`) for field, maturity and transfer modes, `field-error`, `ach-submit`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  achievementInputSchema,
  FIELDS,
  TRANSFER_MODES,
  type AchievementInput,
  type FieldKey,
  type TransferMode,
} from '@jiebang/shared';
import * as library from '../../../../services/library';
import { showModal } from '../../../../lib/modal';
import {
  ActionButton,
  Chips,
  Field,
  FormCard,
  TextArea,
  TextField,
  TextInput,
  type OwnTextFieldSpec,
} from '../../../../components/form';
import { useFormSend } from '../../../../hooks/use-form-send';
import '../../library.scss';

const FIELD_OPTIONS = Object.entries(FIELDS) as [FieldKey, string][];
const MODE_OPTIONS = Object.entries(TRANSFER_MODES) as [TransferMode, string][];
const TRL_OPTIONS = Array.from({ length: 9 }, (_, i) => [String(i + 1), `${i + 1} 级`] as const);

const TERMS: OwnTextFieldSpec = {
  label: '开放许可条件',
  required: true,
  area: true,
  className: 'ach-terms',
  maxlength: 1000,
  placeholder: '许可费用、期限、范围',
};

export default function AchievementFormPage() {
  const [title, setTitle] = useState('');
  const [field, setField] = useState<FieldKey | undefined>();
  const [summary, setSummary] = useState('');
  const [maturity, setMaturity] = useState('');
  const [modes, setModes] = useState<TransferMode[]>([]);
  const [terms, setTerms] = useState('');
  const [price, setPrice] = useState('');
  const [contactName, setContactName] = useState('');
  const [phone, setPhone] = useState('');
  const { errors, busy, send } = useFormSend('未能报送');

  const submit = async () => {
    const input = {
      title,
      field,
      summary,
      maturity: Number(maturity) || undefined,
      ip: [],
      transferModes: modes,
      ...(terms.trim() ? { openLicenseTerms: terms } : {}),
      price: price.trim() ? { amount: Number(price), negotiable: false } : { negotiable: true },
      contact: { name: contactName, phone },
    };
    await send(achievementInputSchema.safeParse(input), async (value) => {
      const a = await library.createAndSubmit(value as AchievementInput);
      await showModal({
        title: '已报送',
        content: '成果已报所属主管部门审核，审核通过后在成果库发布。',
        showCancel: false,
      });
      void Taro.redirectTo({ url: `/subpackages/library/pages/achievement/index?id=${a.id}` });
    });
  };

  const toggle = (m: TransferMode) => setModes((ms) => (ms.includes(m) ? ms.filter((x) => x !== m) : [...ms, m]));
  return (
    <View className="lib-page" style={{ padding: '24px 0' }}>
      <FormCard title="成果信息" desc="报所属主管部门审核；发布后公开展示，联系人仅在接受对接意向后对对方可见">
        <Field label="成果名称" required error={errors.title}>
          <TextInput className="ach-title" value={title} maxlength={100} onChange={setTitle} />
        </Field>
        <Field label="所属领域" required error={errors.field}>
          <Chips options={FIELD_OPTIONS} value={field ? [field] : []} onChange={setField} />
        </Field>
        <Field label="成果简介" required error={errors.summary}>
          <TextArea className="ach-summary" value={summary} maxlength={2000} onChange={setSummary} />
        </Field>
        <Field label="技术成熟度（TRL）" required error={errors.maturity}>
          <Chips options={TRL_OPTIONS} value={maturity ? [maturity] : []} onChange={setMaturity} className="ach-trl" />
        </Field>
        <Field label="转化方式" required error={errors.transferModes}>
          <Chips options={MODE_OPTIONS} value={modes} onChange={toggle} className="ach-modes" />
        </Field>
        {modes.includes('open_license') && (
          <TextField spec={TERMS} value={terms} onChange={setTerms} error={errors.openLicenseTerms} />
        )}
        <Field label="价格（万元）" hint="不填为面议" error={errors['price.amount']}>
          <TextInput className="ach-price" type="digit" value={price} onChange={setPrice} />
        </Field>
        <Field label="联系人" required error={errors['contact.name']}>
          <TextInput className="ach-contact" value={contactName} maxlength={20} onChange={setContactName} />
        </Field>
        <Field label="联系电话" required error={errors['contact.phone']}>
          <TextInput className="ach-phone" value={phone} maxlength={20} onChange={setPhone} />
        </Field>
      </FormCard>
      <View style={{ margin: '24px' }}>
        <ActionButton className="ach-submit" text="提交并报送审核" busy={busy} onClick={() => void submit()} />
      </View>
    </View>
  );
}
