import { Text, View } from '@tarojs/components';
import { Field, TextInput } from '../../../../components/form';
import type { KeyMember } from '../../lib/apply-form';
import { digitsOnly, type StepProps } from './step-props';

/** 揭榜申请书 step · 团队 (the leader, the team, key members). */
export function TeamStep({ form, update, err }: StepProps) {
  const setMember = (i: number, patch: Partial<KeyMember>) =>
    update(
      'keyMembers',
      form.keyMembers.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  return (
    <>
      <View className="form-card">
        <Text className="form-card__title">项目负责人</Text>
        <Field label="姓名" required error={err('team.leader.name')}>
          <TextInput
            className="apply-leader-name"
            value={form.leaderName}
            maxlength={20}
            onChange={(v) => update('leaderName', v)}
          />
        </Field>
        <Field label="职务/职称" required error={err('team.leader.title')}>
          <TextInput
            className="apply-leader-title"
            value={form.leaderTitle}
            maxlength={30}
            placeholder="如 研发总监 / 高级工程师"
            onChange={(v) => update('leaderTitle', v)}
          />
        </Field>
      </View>
      <View className="form-card">
        <Text className="form-card__title">团队规模</Text>
        <Field label="团队人数" required error={err('team.memberCount')}>
          <TextInput
            className="apply-member-count"
            type="number"
            value={form.memberCount}
            maxlength={6}
            suffix="人"
            onChange={(v) => update('memberCount', digitsOnly(v))}
          />
        </Field>
        <Field label="其中研发人员" required error={err('team.rndStaffCount')}>
          <TextInput
            className="apply-rnd-count"
            type="number"
            value={form.rndStaffCount}
            maxlength={6}
            suffix="人"
            onChange={(v) => update('rndStaffCount', digitsOnly(v))}
          />
        </Field>
      </View>
      <View className="form-card">
        <Text className="form-card__title">骨干成员（{form.keyMembers.length}/20）</Text>
        <Text className="form-card__desc">列出参与攻关的核心技术人员，选填。</Text>
        {form.keyMembers.map((m, i) => (
          <View key={i} className="apply-key-member sub-card">
            <View className="sub-card__head">
              <Text className="sub-card__title">骨干成员 {i + 1}</Text>
              <Text
                className="sub-card__remove apply-key-member__remove"
                onClick={() =>
                  update(
                    'keyMembers',
                    form.keyMembers.filter((_, j) => j !== i),
                  )
                }
              >
                删除
              </Text>
            </View>
            <Field label="姓名" required error={err(`team.keyMembers.${i}.name`)}>
              <TextInput
                className="apply-key-member__name"
                value={m.name}
                maxlength={20}
                onChange={(v) => setMember(i, { name: v })}
              />
            </Field>
            <Field label="职称" required error={err(`team.keyMembers.${i}.title`)}>
              <TextInput
                className="apply-key-member__title"
                value={m.title}
                maxlength={30}
                onChange={(v) => setMember(i, { title: v })}
              />
            </Field>
            <Field label="分工" required error={err(`team.keyMembers.${i}.role`)}>
              <TextInput
                className="apply-key-member__role"
                value={m.role}
                maxlength={50}
                placeholder="如 算法设计"
                onChange={(v) => setMember(i, { role: v })}
              />
            </Field>
          </View>
        ))}
        {form.keyMembers.length < 20 && (
          <View
            className="add-line apply-add-member"
            hoverClass="add-line--pressed"
            onClick={() => update('keyMembers', [...form.keyMembers, { name: '', title: '', role: '' }])}
          >
            ＋ 添加骨干成员
          </View>
        )}
        {err('team.keyMembers') && <Text className="field-error">{err('team.keyMembers')}</Text>}
      </View>
    </>
  );
}
