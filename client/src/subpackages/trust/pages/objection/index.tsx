/**
 * 公示 (issue 17): an enterprise objects to one result of the 揭榜名单 during its notice period — its reasons and,
 * if it has them, PDF evidence (uploaded through the enterprise's attachment path). The issuer and the public
 * never learn who objected; the ministry answers. `?year=&demandId=&title=`.
 *
 * Test hooks: `objection-form`, `objection-form__text` (textarea), `objection-form__upload`,
 * `objection-form__file`, `objection-form__submit`.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { links, MAX_OBJECTION_ATTACHMENTS } from '@jiebang/shared';
import * as publicity from '../../../../services/publicity';
import { fileProblem, pickPdf, uploadPdf, type UploadedAttachment } from '../../../../services/attachments';
import { errorMessage } from '../../../../services/http';
import { useMe } from '../../../../hooks/use-me';
import { useBusyAction } from '../../../../hooks/use-busy-action';
import { EmptyState, LoadingState } from '../../../../components/state-view';
import { ActionButton, FormCard, TextArea } from '../../../../components/form';
import './index.scss';

export default function ObjectionPage() {
  const { params } = useRouter();
  const year = Number(params.year);
  const demandId = params.demandId ? decodeURIComponent(params.demandId) : '';
  const title = params.title ? decodeURIComponent(params.title) : '';
  const me = useMe();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadedAttachment[]>([]);
  const [uploading, setUploading] = useState('');
  const { busy, run } = useBusyAction();

  if (!demandId || !Number.isInteger(year)) return <EmptyState text="缺少需求编号" />;
  if (me.status === 'loading') return <LoadingState />;
  if (me.status !== 'ready' || !me.me.org)
    return <EmptyState text="请先登录并登记企业" hint="已登记的企业可在公示期内对遴选结果提出异议" />;
  const orgId = me.me.org.id;

  const attach = async () => {
    const file = await pickPdf();
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) return void Taro.showToast({ title: problem, icon: 'none' });
    setUploading(file.name);
    try {
      const done = await uploadPdf(orgId, file, () => {});
      setFiles((f) => [...f, done]);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setUploading('');
    }
  };

  const submit = () =>
    run(async () => {
      const attachments = files.map((f) => ({ key: f.key, name: f.name }));
      const o = await publicity.file(year, { demandId, text: text.trim(), ...(files.length ? { attachments } : {}) });
      void Taro.showToast({ title: '异议已提交', icon: 'success' });
      void Taro.redirectTo({ url: links.objection(o.id) });
    });

  return (
    <View className="objection-form">
      <FormCard
        title={title || '遴选结果'}
        desc="请写明异议的事实和理由，可附 PDF 证明材料。异议只提交工业和信息化部核实，不向发榜企业和公众显示贵企业名称。"
      >
        <TextArea
          className="objection-form__text"
          value={text}
          onChange={setText}
          maxlength={2000}
          placeholder="异议的事实和理由（至少 10 个字）"
        />
        {files.map((f) => (
          <Text key={f.key} className="objection-form__file">
            {`附件：${f.name}`}
          </Text>
        ))}
        {files.length < MAX_OBJECTION_ATTACHMENTS && (
          <ActionButton
            className="objection-form__upload"
            kind="ghost"
            busy={uploading !== ''}
            text="上传证明材料（PDF，可选）"
            onClick={() => void attach()}
          />
        )}
      </FormCard>
      <ActionButton
        className="objection-form__submit"
        text="提交异议"
        busy={busy}
        disabled={text.trim().length < 10 || uploading !== ''}
        onClick={() => void submit()}
      />
    </View>
  );
}
