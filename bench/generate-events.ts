import { Client } from 'pg';

/**
 * Fills a store with realistic ticket lifecycles through the store's own append function
 * (es_append: version checks, hash chain, the lot), many streams per statement for speed.
 */
export async function generateLifecycles(
  url: string,
  targetEvents: number,
  onProgress?: (events: number) => void,
  already = 0,
): Promise<number> {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    if (already === 0) await seedReferenceData(sql);
    const perTicket = 7;
    const perStatement = 1000;
    let events = already || 4;
    for (let start = Math.ceil(events / perTicket) * 10; events < targetEvents; start += perStatement) {
      const tickets = Math.min(perStatement, Math.ceil((targetEvents - events) / perTicket));
      await sql.query(LIFECYCLES_SQL, [start, tickets]);
      events += tickets * perTicket;
      onProgress?.(events);
    }
    return events;
  } finally {
    await sql.end();
  }
}

async function seedReferenceData(sql: Client): Promise<void> {
  const by = `'{"id":"admin","roles":["admin"]}'::jsonb`;
  const one = (type: string, data: string) =>
    `jsonb_build_array(jsonb_build_object('type', '${type}', 'schemaVersion', 1, 'data', ${data}, 'metadata', '{}'::jsonb))`;
  await sql.query(`SELECT es_append('company-jiayuan', NULL,
    ${one('CompanyRegistered', `jsonb_build_object('companyId','jiayuan','name','嘉园物业','registeredAt','2026-01-01T00:00:00Z','by',${by})`)}, NULL, NULL, NULL, NULL)`);
  for (const c of ['qianpu', 'xingang', 'huaqiao']) {
    await sql.query(
      `SELECT es_append('community-' || $1, NULL,
        ${one(
          'CommunityRegistered',
          `jsonb_build_object('communityId',$1::text,'name',$1::text,'subdistrict','莲前街道','neighbourhood','社区','households',1000,
          'propertyCompanyId','jiayuan','registeredAt','2026-01-01T00:00:00Z','by',${by})`,
        )}, NULL, NULL, NULL, NULL)`,
      [c],
    );
  }
}

/** One filed → acknowledged → worked → commented → resolved → confirmed → rated ticket per row. */
const LIFECYCLES_SQL = `
  WITH t AS (
    SELECT g, md5(g::text || random()::text)::uuid::text AS id,
           (ARRAY['qianpu','xingang','huaqiao'])[1 + g % 3] AS community,
           (ARRAY['sanitation','elevator','water_power','noise','parking','greenery','facilities'])[1 + g % 7] AS category,
           timestamptz '2026-06-01' + (g % 150) * interval '1 day' + (g % 1440) * interval '1 minute' AS filed
      FROM generate_series($1::int, $1::int + $2::int - 1) g)
  SELECT es_append('ticket-' || id, 0, (
    SELECT jsonb_agg(jsonb_build_object('type', ty, 'schemaVersion', 1, 'data', d, 'metadata', '{}'::jsonb) ORDER BY n)
      FROM unnest(
        ARRAY['TicketFiled','TicketAcknowledged','TicketActionRecorded','TicketCommented','TicketResolved','TicketResolutionConfirmed','TicketRated'],
        ARRAY[
          jsonb_build_object('ticketId', id, 'communityId', community, 'companyId', 'jiayuan', 'category', category, 'title', '楼道灯坏了 ' || g,
            'description', '三号楼二单元楼道灯一直不亮，晚上很危险', 'location', '3号楼', 'channel', 'app', 'reporterId', 'resident-' || (g % 5000),
            'filedAt', filed, 'sla', jsonb_build_object('acknowledgeWithinMinutes', 1440, 'resolveWithinMinutes', 4320),
            'acknowledgeBy', filed + interval '1 day', 'resolveBy', filed + interval '3 days', 'by', jsonb_build_object('id', 'resident-' || (g % 5000), 'roles', jsonb_build_array('resident'))),
          jsonb_build_object('ticketId', id, 'message', '收到', 'acknowledgedAt', filed + interval '30 minutes', 'by', '{"id":"staff-1","roles":["staff"]}'::jsonb),
          jsonb_build_object('ticketId', id, 'description', '已更换灯泡', 'recordedAt', filed + interval '5 hours', 'by', '{"id":"staff-1","roles":["staff"]}'::jsonb),
          jsonb_build_object('ticketId', id, 'text', '师傅下午过来', 'internal', false, 'commentedAt', filed + interval '1 hour', 'by', '{"id":"staff-1","roles":["staff"]}'::jsonb),
          jsonb_build_object('ticketId', id, 'resolution', '灯已修好', 'resolvedAt', filed + interval '6 hours', 'by', '{"id":"staff-1","roles":["staff"]}'::jsonb),
          jsonb_build_object('ticketId', id, 'confirmedAt', filed + interval '1 day', 'by', jsonb_build_object('id', 'resident-' || (g % 5000), 'roles', jsonb_build_array('resident'))),
          jsonb_build_object('ticketId', id, 'score', 3 + g % 3, 'comment', NULL, 'ratedAt', filed + interval '1 day', 'by', jsonb_build_object('id', 'resident-' || (g % 5000), 'roles', jsonb_build_array('resident')))
        ]) WITH ORDINALITY AS e(ty, d, n)),
    NULL, NULL, NULL, NULL)
  FROM t`;
