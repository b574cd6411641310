import type { Upload } from './use-apply-form';
import { Text, View } from '@tarojs/components';
import { formatBytes } from '../../../../services/attachments';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 附件 (stamped PDFs) and the checklist of every step. */
export function AttachmentStep({
  form,
  update,
  err,
  upload,
  onPick,
  checklist,
  onJump,
}: StepProps & {
  upload: Upload | null;
  onPick: () => void;
  checklist: { title: string; ok: boolean; index: number }[];
  onJump: (i: number) => void;
}) {
  const uploading = upload !== null && !upload.error;
  return (
    <>
      <View className="form-card">
        <Text className="form-card__title">盖章申请书扫描件</Text>
        <Text className="form-card__desc">请上传加盖企业公章的揭榜申请书扫描件，PDF 格式，不超过 10 MB。</Text>
        <View className={`form-field ${err('attachments') ? 'is-invalid' : ''}`}>
          {form.attachments.map((a, i) => (
            <View key={a.key} className="apply-attachment">
              <Text className="apply-attachment__icon">PDF</Text>
              <View className="apply-attachment__body">
                <Text className="apply-attachment__name">{a.name}</Text>
                <Text className="apply-attachment__meta">已上传{a.size ? ` · ${formatBytes(a.size)}` : ''}</Text>
              </View>
              <Text
                className="apply-attachment__remove"
                onClick={() =>
                  update(
                    'attachments',
                    form.attachments.filter((_, j) => j !== i),
                  )
                }
              >
                移除
              </Text>
            </View>
          ))}
          {upload && (
            <View className={`apply-upload__status${upload.error ? ' is-error' : ''}`}>
              <Text className="apply-upload__name">{upload.name}</Text>
              {upload.error ? (
                <Text className="apply-upload__error field-error">{upload.error}</Text>
              ) : (
                <View className="apply-upload__progress" data-progress={Math.round(upload.progress * 100)}>
                  <View
                    className="apply-upload__bar"
                    style={{ width: `${Math.max(4, Math.round(upload.progress * 100))}%` }}
                  />
                  <Text className="apply-upload__pct">{Math.round(upload.progress * 100)}%</Text>
                </View>
              )}
            </View>
          )}
          <View
            className={`apply-upload${uploading ? ' is-busy' : ''}`}
            hoverClass={uploading ? 'none' : 'apply-upload--pressed'}
            onClick={onPick}
          >
            {uploading ? '正在上传…' : form.attachments.length ? '＋ 再上传一个 PDF' : '选择 PDF 文件上传'}
          </View>
          {process.env.TARO_ENV !== 'h5' && (
            <Text className="form-field__hint">从微信聊天中选择文件（可先发送到“文件传输助手”）</Text>
          )}
          {err('attachments') && <Text className="field-error">{err('attachments')}</Text>}
        </View>
      </View>
      <View className="form-card apply-checklist">
        <Text className="form-card__title">提交前检查</Text>
        {checklist.map((c) => (
          <View
            key={c.index}
            className={`apply-checklist__row${c.ok ? ' is-ok' : ' is-todo'}`}
            onClick={() => onJump(c.index)}
          >
            <Text className="apply-checklist__mark">{c.ok ? '✓' : '!'}</Text>
            <Text className="apply-checklist__title">{c.title}</Text>
            <Text className="apply-checklist__state">{c.ok ? '已完成' : '待完善 ›'}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
