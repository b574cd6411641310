import { View } from '@tarojs/components';
import { COOPERATION_MODES, OUTCOME_FORMS } from '@jiebang/shared';
import { Card, Item } from './form-parts';
import { MODE_KEYS, OUTCOME_KEYS, type DemandFormApi } from './use-demand-form';

/** 需求表 · 成果与合作. */
export function CooperationSection({ f }: { f: DemandFormApi }) {
  const { values, errors, set } = f;
  return (
    <Card title="成果与合作">
      <Item label="预期成果形式（可多选）" path="outcomeForms" errors={errors} required>
        <View className="option-grid">
          {OUTCOME_KEYS.map((k) => {
            const on = values.outcomeForms.includes(k);
            return (
              <View
                key={k}
                className={`option demand-form__outcome${on ? ' is-selected' : ''}`}
                data-value={k}
                onClick={() =>
                  set('outcomeForms', on ? values.outcomeForms.filter((x) => x !== k) : [...values.outcomeForms, k])
                }
              >
                {OUTCOME_FORMS[k]}
              </View>
            );
          })}
        </View>
      </Item>
      <Item label="合作方式（可多选）" path="cooperationModes" errors={errors} required>
        <View className="option-grid">
          {MODE_KEYS.map((k) => {
            const on = values.cooperationModes.includes(k);
            return (
              <View
                key={k}
                className={`option demand-form__mode${on ? ' is-selected' : ''}`}
                data-value={k}
                onClick={() =>
                  set(
                    'cooperationModes',
                    on ? values.cooperationModes.filter((x) => x !== k) : [...values.cooperationModes, k],
                  )
                }
              >
                {COOPERATION_MODES[k]}
              </View>
            );
          })}
        </View>
      </Item>
    </Card>
  );
}
