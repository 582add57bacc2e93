import type { Location } from '../api/views';

type Translate = (key: string, named: Record<string, unknown>) => string;

/** A place as people say it: 3号楼 2单元 1203, or the public area; the note when nothing else is known. */
export function placeText(location: Location | null | undefined, t: Translate): string {
  if (!location) return '—';
  const parts = [
    location.building ? t('queue.buildingNo', { b: location.building }) : '',
    location.unit ?? '',
    location.room ?? '',
    location.area ?? '',
  ].filter(Boolean);
  if (!parts.length && location.note) return location.note;
  return parts.join(' ') || '—';
}
