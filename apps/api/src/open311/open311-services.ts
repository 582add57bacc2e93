import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CATEGORIES, CATEGORY_CODES, DomainError, isCategory, type CategoryCode } from '@jinlin/domain';

/** How a district platform groups our categories (GeoReport's `group`). */
const GROUPS: Record<CategoryCode, string> = {
  sanitation: '环境',
  greenery: '环境',
  noise: '环境',
  elevator: '设施设备',
  water_power: '设施设备',
  facilities: '设施设备',
  security: '安全',
  parking: '秩序',
  neighbour_dispute: '秩序',
  fees: '物业服务',
  other: '其他',
};

const duration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`);

/** The categories as GeoReport v2 services (SPEC §7); each has attributes (building, unit, room), so metadata is true. */
export function services() {
  return CATEGORY_CODES.map((code) => {
    const { zh, en, defaultSla } = CATEGORIES[code];
    return {
      service_code: code,
      service_name: zh,
      description: `${zh}（${en}）：默认 ${duration(defaultSla.acknowledgeWithinMinutes)}内受理，${duration(defaultSla.resolveWithinMinutes)}内处理`,
      metadata: true,
      type: 'realtime',
      keywords: [zh, en.toLowerCase(), code].join(','),
      group: GROUPS[code],
    };
  });
}

export function serviceCodeOf(code: string): CategoryCode {
  if (!isCategory(code))
    throw new NotFoundException({
      message: `no service ${code}: the service codes are ${CATEGORY_CODES.join(', ')}`,
      code: 'SERVICE_NOT_FOUND',
    });
  return code;
}

/**
 * The jurisdiction (a community) must exist when given. Services and their definitions are
 * public, as GeoReport v2 has them: they say no more than which buildings a registered estate has.
 */
export async function assertJurisdiction(db: DataSource, communityId: string | undefined): Promise<void> {
  if (communityId === undefined) return;
  const found: unknown[] = await db.query(`SELECT 1 FROM rm_communities WHERE id = $1`, [communityId]);
  if (!found.length) throw new DomainError('COMMUNITY_NOT_FOUND', communityId);
}

/** The community's buildings from the same read model as GET /communities/:id/buildings, in the order people count them. */
export async function buildingsOf(db: DataSource, communityId: string | undefined): Promise<{ key: string; name: string }[]> {
  if (communityId === undefined) return [];
  const rows: { code: string; name: string }[] = await db.query(`SELECT code, name FROM rm_buildings WHERE community_id = $1`, [
    communityId,
  ]);
  const byCode = new Intl.Collator('zh-CN', { numeric: true }).compare;
  return rows.sort((a, b) => byCode(a.code, b.code)).map((r) => ({ key: r.code, name: r.name }));
}
