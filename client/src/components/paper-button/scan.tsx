/**
 * 上传盖章扫描件: after printing and stamping the form, the scan (PDF) is uploaded as an attachment of the
 * enterprise and recorded on the demand or the application. Shows the scan recorded last.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { StampedScan } from '@jiebang/shared';
import { pickPdf, uploadPdf } from '../../services/attachments';
import { errorMessage } from '../../services/http';
import { recordScan } from '../../services/paper';
import { Button } from '../button';
import { PaperButton } from './index';
import './index.scss';

interface Props {
  on: 'demand' | 'application';
  id: string;
  orgId: string;
  scan?: StampedScan | undefined;
  onRecorded: () => void;
}

export function StampedScanUpload({ on, id, orgId, scan, onRecorded }: Props) {
  const [progress, setProgress] = useState<number | null>(null);
  const upload = async () => {
    const file = await pickPdf();
    if (!file) return;
    try {
      const uploaded = await uploadPdf(orgId, file, setProgress);
      await recordScan(on, id, { key: uploaded.key, name: uploaded.name });
      void Taro.showToast({ title: '盖章扫描件已登记', icon: 'success' });
      onRecorded();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setProgress(null);
    }
  };
  return (
    <View className="stamped-scan">
      {scan && (
        <Text className="stamped-scan__recorded">
          已登记盖章扫描件：{scan.name}（{formatShanghai(scan.at)}）
        </Text>
      )}
      <Button
        kind="secondary"
        size="large"
        block
        busy={progress !== null}
        className="paper-button"
        onClick={() => void upload()}
      >
        {progress === null
          ? scan
            ? '重新上传盖章扫描件'
            : '上传盖章扫描件（PDF）'
          : `上传中 ${Math.round(progress * 100)}%`}
      </Button>
    </View>
  );
}

/**
 * The paper of a record: 下载打印 its form (and the 对接表 once the SME is chosen), then 上传盖章扫描件.
 */
export function PaperActions(props: Props & { matchmaking?: boolean; formName?: string }) {
  const { matchmaking, formName, ...scan } = props;
  return (
    <>
      <PaperButton form={props.on} id={props.id} {...(formName ? { name: formName } : {})} />
      {matchmaking && <PaperButton form="matchmaking" id={props.id} />}
      <StampedScanUpload {...scan} />
    </>
  );
}
