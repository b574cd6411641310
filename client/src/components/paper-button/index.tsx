/**
 * 下载打印: the record's paper form as PDF (221号: printed, stamped, the scan uploaded again). The app's outlined
 * button (components/button, `secondary`), full width, wherever a form is offered (the issuer's demand, the SME's
 * application). Test hook: `paper-button`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '../button';
import { errorMessage } from '../../services/http';
import { downloadPaper, PAPER_FORMS, type PaperForm } from '../../services/paper';
import './index.scss';

/** `name` when the record's form is not the usual one (an SME's own demand prints as 中小企业技术需求表). */
export function PaperButton({ form, id, name }: { form: PaperForm; id: string; name?: string }) {
  const [busy, setBusy] = useState(false);
  const label = `下载打印《${name ?? PAPER_FORMS[form].name}》`;
  return (
    <Button
      kind="secondary"
      size="large"
      block
      busy={busy}
      className="paper-button"
      onClick={() => {
        setBusy(true);
        downloadPaper(form, id, name)
          .catch((err: unknown) => void Taro.showToast({ title: errorMessage(err), icon: 'none' }))
          .finally(() => setBusy(false));
      }}
    >
      {busy ? '正在生成 PDF…' : label}
    </Button>
  );
}
