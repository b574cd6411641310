import type { CatalogueDetail } from '@jiebang/shared';
import { DemandView } from '../../../../components/demand-view';
import { FieldsCard } from './cards';
import { MATCH_FIELDS } from './fields';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 与需求匹配度, beside the demand's indicators. */
export function MatchStep({ demand, ...props }: StepProps & { demand: CatalogueDetail | null }) {
  return (
    <>
      {demand && <DemandView variant="indicators" demand={demand} />}
      <FieldsCard title="与需求匹配度" fields={MATCH_FIELDS} {...props} />
    </>
  );
}
