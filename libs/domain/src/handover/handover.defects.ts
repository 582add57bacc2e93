import type { ActiveHandover } from './handover.state';

/** The ticket form's limit on titles, in characters. */
export const DEFECT_TITLE_MAX = 120;

export type DefectReport = Readonly<{ n: number; title: string; description: string }>;

/**
 * What each defect recorded at facilities_inspection becomes on completion: a ticket of the
 * incoming company, so that the outgoing company's leftovers are tracked (SPEC §5). Numbered from 1
 * in the order recorded, so that the n-th defect always names the same ticket.
 */
export function defectReports(h: ActiveHandover): DefectReport[] {
  return h.defects.flatMap((text, i) => {
    const defect = text.trim();
    if (!defect) return [];
    return [
      {
        n: i + 1,
        title: [...defect.replace(/\s+/g, ' ')].slice(0, DEFECT_TITLE_MAX).join(''),
        description: `${defect}\n\n物业交接 ${h.id} 的设施设备查验（facilities_inspection）中记录的遗留问题，交接完成后转为新物业的工单。`,
      },
    ];
  });
}
