/**
 * 下载打印: the record's paper form as PDF (221号: printed, stamped, the scan uploaded again). One button style
 * wherever a form is offered (the issuer's demand, the SME's application).
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { errorMessage } from '../../services/http';
import { downloadPaper, PAPER_FORMS, type PaperForm } from '../../services/paper';
import './index.scss';

export function PaperButton({ form, id }: { form: PaperForm; id: string }) {
  const [busy, setBusy] = useState(false);
  const label = `下载打印《${PAPER_FORMS[form].name}》`;
  return (
    <View
      className="paper-button"
      aria-label={label}
      onClick={() => {
        if (busy) return;
        setBusy(true);
        downloadPaper(form, id)
          .catch((err: unknown) => void Taro.showToast({ title: errorMessage(err), icon: 'none' }))
          .finally(() => setBusy(false));
      }}
    >
      {busy ? '正在生成 PDF…' : label}
    </View>
  );
}
