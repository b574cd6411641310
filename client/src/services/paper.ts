/** 221号 on paper (issue 16): the 需求表, 申请书 and 对接表 as PDF, to print, stamp and upload again. */
import { pathOf } from '@jiebang/shared/routes/define';
import * as routes from '@jiebang/shared/routes/paper';
import { call } from './api';
import { downloadFile } from './download';

export const PAPER_FORMS = {
  demand: { route: routes.demandPaper, name: '大企业技术创新需求表' },
  application: { route: routes.applicationPaper, name: '揭榜申请书' },
  matchmaking: { route: routes.applicationMatchmakingForm, name: '揭榜对接表' },
} as const;

export type PaperForm = keyof typeof PAPER_FORMS;

export const downloadPaper = (form: PaperForm, id: string, name: string = PAPER_FORMS[form].name): Promise<void> =>
  downloadFile(pathOf(PAPER_FORMS[form].route, { id }), `${name}-${id}.pdf`, 'pdf');

/** Records the uploaded stamped scan on the demand or the application (the newest counts). */
export const recordScan = (on: 'demand' | 'application', id: string, scan: { key: string; name: string }) =>
  call(on === 'demand' ? routes.demandStampedScan : routes.applicationStampedScan, { params: { id }, body: scan });
