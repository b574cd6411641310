import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { regionName } from '@jiebang/shared';
import type { Demand } from '@jiebang/shared';
import * as demands from '../../../../services/demands';
import type { DemandChannel } from '../../../../services/demands';
import { ApiError, errorMessage } from '../../../../services/http';
import { Dialog } from '../../../../components/dialog';
import './index.scss';

interface Props {
  open: boolean;
  demand: Pick<Demand, 'id' | 'title' | 'region' | 'track'>;
  onClose: () => void;
  onSubmitted: (demand: Demand) => void;
}

/**
 * Submitting a demand: choose the channel (explained), confirm, submit. Classes: `channel-sheet`,
 * `channel-sheet__option` (`data-channel="province" | "ministry"`), `channel-sheet__next`, then the `dialog`
 * with `submit-confirm` on its root.
 */
export function SubmitFlow({ open, demand, onClose, onSubmitted }: Props) {
  const [step, setStep] = useState<'channel' | 'confirm' | 'size'>('channel');
  const [sizeMessage, setSizeMessage] = useState('');
  const [channel, setChannel] = useState<DemandChannel>('province');
  const [busy, setBusy] = useState(false);

  // Each opening starts at the channel: reset while rendering the change, not in an effect.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setStep('channel');
  }

  if (!open) return null;
  const authority = `${regionName(demand.region)}中小企业主管部门`;

  const submit = async (sizeReason?: string) => {
    setBusy(true);
    try {
      const after = await demands.submit(demand.id, channel, sizeReason);
      void Taro.showToast({ title: '已报送', icon: 'success' });
      onSubmitted(after);
    } catch (err) {
      // 221号 to the letter (issue 16): not large by the 300号 table — ask for the reason its authority confirms.
      if (err instanceof ApiError && err.code === 'ISSUER_NOT_LARGE') {
        setSizeMessage(err.message);
        setStep('size');
        return;
      }
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
      onClose();
    } finally {
      setBusy(false);
    }
  };

  if (step === 'size') {
    return (
      <Dialog
        open
        className="submit-size"
        title="说明以大企业身份发榜的理由"
        message={sizeMessage}
        input={{
          placeholder: '如：本企业为集团总部，统筹下属企业的技术需求',
          required: true,
          minLength: 4,
          maxLength: 500,
        }}
        confirmText="附理由报送"
        busy={busy}
        onCancel={onClose}
        onConfirm={(reason) => void submit(reason.trim())}
      />
    );
  }

  if (step === 'confirm') {
    return (
      <Dialog
        open
        className="submit-confirm"
        title="确认报送"
        message={`将需求《${demand.title}》${channel === 'province' ? `报送${authority}初核` : '直接报送工业和信息化部'}。\n报送后，审核完成前不能修改；如被退回，可修改后重新报送。`}
        confirmText="确认报送"
        busy={busy}
        onCancel={() => setStep('channel')}
        onConfirm={() => void submit()}
      />
    );
  }

  const options: { key: DemandChannel; title: string; text: string }[] = [
    {
      key: 'province',
      title: `报送${authority}`,
      text: '一般渠道：由企业所在地省级中小企业主管部门初核，通过后转报工业和信息化部审核发布。',
    },
    // SME 发榜 (library area): the direct channel is 221号's, for large enterprises a department contacted.
    ...(demand.track === 'sme'
      ? []
      : [
          {
            key: 'ministry' as const,
            title: '直接报送工业和信息化部',
            text: '适用于工业和信息化部相关司局直接联系的大企业：不经省级初核，由工业和信息化部审核发布。',
          },
        ]),
  ];

  return (
    <View className="channel-sheet" catchMove>
      <View className="channel-sheet__mask" onClick={onClose} />
      <View className="channel-sheet__panel">
        <Text className="channel-sheet__title">选择报送渠道</Text>
        <Text className="channel-sheet__hint">
          {demand.track === 'sme'
            ? '需求经审核通过后发布到需求目录（中小企业发榜），高校、科研院所方可揭榜。'
            : '需求经审核通过后发布到需求目录，中小企业方可揭榜。'}
        </Text>
        {options.map((o) => (
          <View
            key={o.key}
            className={`channel-sheet__option${channel === o.key ? ' is-selected' : ''}`}
            data-channel={o.key}
            onClick={() => setChannel(o.key)}
          >
            <View className="channel-sheet__radio">
              {channel === o.key && <View className="channel-sheet__radio-dot" />}
            </View>
            <View className="channel-sheet__body">
              <Text className="channel-sheet__name">{o.title}</Text>
              <Text className="channel-sheet__text">{o.text}</Text>
            </View>
          </View>
        ))}
        <View className="channel-sheet__actions">
          <View className="channel-sheet__cancel" hoverClass="is-pressed" onClick={onClose}>
            取消
          </View>
          <View className="channel-sheet__next" hoverClass="is-pressed" onClick={() => setStep('confirm')}>
            下一步
          </View>
        </View>
      </View>
    </View>
  );
}
