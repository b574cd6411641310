/**
 * 记录验收 for one selected applicant (issuer's admin): passed / failed, how it ends in the notice's words
 * (进入供应商目录 / 继续深化合作 / 终止合作; the supplier catalogue only after a passed acceptance), and a comment. The demand completes when every selected applicant has its acceptance recorded.
 *
 * Classes for tests: `acceptance-form`, `acceptance-form__org`, `acceptance-form__result` (`chip[data-value]`),
 * `acceptance-form__outcome` (`chip[data-value]`), `acceptance-form__comment`, `acceptance-form__submit`, `acceptance-dialog` (`dialog__confirm`).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACCEPTANCE_OUTCOMES, acceptanceInputSchema, type AcceptanceOutcome } from '@jiebang/shared';
import * as evaluation from '../../../../services/evaluation';
import { errorMessage } from '../../../../services/http';
import { ActionButton, Chips, Field, TextField, type OwnTextFieldSpec } from '../../../../components/form';
import { Dialog } from '../../../../components/dialog';
import { useApplicationParams } from '../../lib/route';
import '../../reviewer.scss';
import { showModal } from '../../../../lib/modal';

const RESULTS = [
  ['passed', '验收通过'],
  ['failed', '验收未通过'],
] as const;

const COMMENT: OwnTextFieldSpec = {
  label: '验收意见',
  required: true,
  hint: '将告知揭榜企业',
  area: true,
  className: 'acceptance-form__comment',
  maxlength: 1000,
  placeholder: '指标完成情况、成果形式等',
};

export default function AcceptancePage() {
  const { id, org } = useApplicationParams();
  const [result, setResult] = useState<'passed' | 'failed'>('passed');
  const [outcome, setOutcome] = useState<AcceptanceOutcome>('deepen');
  // 221号 to the letter (issue 16): a failed acceptance cannot enter the supplier catalogue.
  const outcomes = (Object.entries(ACCEPTANCE_OUTCOMES) as [AcceptanceOutcome, string][]).filter(
    ([k]) => result === 'passed' || k !== 'supplier_catalogue',
  );
  const chosen = result === 'failed' && outcome === 'supplier_catalogue' ? 'terminate' : outcome;
  const [comment, setComment] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = {
    result,
    supplierCatalogue: chosen === 'supplier_catalogue',
    outcome: chosen,
    comment: comment.trim(),
  };
  const valid = acceptanceInputSchema.safeParse(input).success;

  const submit = async () => {
    setBusy(true);
    try {
      const r = await evaluation.accept(id, input);
      void Taro.showToast({
        title: r.demandStatus === 'completed' ? '验收完成，需求已结项' : '验收结果已记录',
        icon: 'success',
      });
      setTimeout(() => void Taro.navigateBack(), 800);
    } catch (err) {
      void showModal({ title: '未能记录验收', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };

  return (
    <View className="acceptance-form rv-page">
      <View className="rv-head">
        <Text className="acceptance-form__org rv-head__big">{org}</Text>
        <Text className="rv-muted">项目完成后，记录对该揭榜企业的验收结论</Text>
      </View>
      <Field label="验收结论" required>
        <Chips className="acceptance-form__result" options={RESULTS} value={[result]} onChange={setResult} />
      </Field>
      <Field label="验收后" required>
        <Chips className="acceptance-form__outcome" options={outcomes} value={[chosen]} onChange={setOutcome} />
      </Field>
      <TextField spec={COMMENT} value={comment} onChange={setComment} />
      <ActionButton
        className="acceptance-form__submit"
        text="提交验收结果"
        disabled={!valid}
        onClick={() => setConfirm(true)}
      />
      <Dialog
        className="acceptance-dialog"
        open={confirm}
        title="确认验收结果"
        message={`${result === 'passed' ? '验收通过' : '验收未通过'}，${ACCEPTANCE_OUTCOMES[chosen]}。`}
        warning="验收结果提交后不能修改。"
        confirmText="提交"
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setConfirm(false)}
      />
    </View>
  );
}
