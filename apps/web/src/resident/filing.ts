import { reactive } from 'vue';
import type { Building } from '../api/views';
import type { FieldProblem } from './types';

/**
 * The filing form (SPEC §4.1, §4.5–§4.7) as data: what the resident typed, the photos uploading,
 * the checks the service would make anyway (said before the round trip), the body POST /tickets
 * takes, and the Idempotency-Key of the attempt.
 */
export const LIMITS = { title: 120, description: 4000, room: 10, area: 100, photos: 9, photoBytes: 10 * 1024 * 1024 } as const;

export type PhotoStatus = 'uploading' | 'done' | 'failed';
export type Photo = {
  key: string;
  name: string;
  status: PhotoStatus;
  progress: number;
  attachmentId: string | null;
  problem: string | null;
};

export type Draft = {
  communityId: string;
  category: string;
  /** home: building → unit → room; area: a public place (地下车库). */
  place: 'home' | 'area';
  building: string;
  unit: string;
  room: string;
  area: string;
  title: string;
  description: string;
  anonymous: boolean;
  visibility: 'private' | 'community';
};

export const emptyDraft = (communityId = ''): Draft => ({
  communityId,
  category: '',
  place: 'home',
  building: '',
  unit: '',
  room: '',
  area: '',
  title: '',
  description: '',
  anonymous: false,
  visibility: 'private',
});

export type FileTicketBody = {
  communityId: string;
  category: string;
  title: string;
  description: string;
  location: { building?: string; unit?: string; room?: string; area?: string };
  channel: 'app';
  anonymous: boolean;
  visibility: 'private' | 'community';
  attachmentIds?: string[];
};

const chars = (s: string) => [...s].length;

/** The field paths are the service's (fieldErrors of a 400 lands on the same ones). */
export function validate(draft: Draft, photos: readonly Photo[], buildings: readonly Building[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  const text = (field: string, value: string, max: number, required: boolean) => {
    const v = value.trim();
    if (!v) {
      if (required) out[field] = { key: 'required' };
    } else if (chars(v) > max) out[field] = { key: 'tooLong', params: { max } };
  };
  if (!draft.communityId) out.communityId = { key: 'chooseCommunity' };
  if (!draft.category) out.category = { key: 'chooseCategory' };
  text('title', draft.title, LIMITS.title, true);
  text('description', draft.description, LIMITS.description, true);
  if (draft.place === 'home') {
    const building = buildings.find((b) => b.code === draft.building);
    if (!draft.building) out['location.building'] = { key: 'chooseBuilding' };
    else if (!building) out['location.building'] = { key: 'unknownBuilding' };
    else if (building.units.length && !building.units.includes(draft.unit)) out['location.building'] = { key: 'chooseUnit' };
    text('location.room', draft.room, LIMITS.room, false);
  } else text('location.area', draft.area, LIMITS.area, true);
  if (photos.some((p) => p.status === 'uploading')) out.attachmentIds = { key: 'photosUploading' };
  else if (photos.some((p) => p.status === 'failed')) out.attachmentIds = { key: 'photosFailed' };
  else if (photos.length > LIMITS.photos) out.attachmentIds = { key: 'tooManyPhotos', params: { max: LIMITS.photos } };
  return out;
}

export function toBody(draft: Draft, photos: readonly Photo[]): FileTicketBody {
  const location: FileTicketBody['location'] =
    draft.place === 'area'
      ? { area: draft.area.trim() }
      : {
          building: draft.building,
          ...(draft.unit ? { unit: draft.unit } : {}),
          ...(draft.room.trim() ? { room: draft.room.trim() } : {}),
        };
  const attachmentIds = photos.filter((p) => p.status === 'done' && p.attachmentId).map((p) => p.attachmentId!);
  return {
    communityId: draft.communityId,
    category: draft.category,
    title: draft.title.trim(),
    description: draft.description.trim(),
    location,
    channel: 'app',
    anonymous: draft.anonymous,
    visibility: draft.visibility,
    ...(attachmentIds.length ? { attachmentIds } : {}),
  };
}

export type Attempt = { key: string; body: string };

/**
 * One Idempotency-Key per filing attempt: a retry of the same body (the network dropped the answer)
 * reuses it, so the service files one ticket; a changed body is a new attempt (the same key with a
 * different body would be a 422).
 */
export function attemptFor(previous: Attempt | null, body: FileTicketBody, newKey: () => string): Attempt {
  const json = JSON.stringify(body);
  return previous && previous.body === json ? previous : { key: newKey(), body: json };
}

const FORM_FIELDS = new Set([
  'communityId',
  'category',
  'title',
  'description',
  'location.building',
  'location.room',
  'location.area',
  'attachmentIds',
]);

/**
 * The service's 400 (fieldErrors: messages per field path) laid on the form: the unit is picked
 * with the building, a whole-location message goes to the place in use, and what names no field of
 * the form is said at the top. `say` puts a message in the user's language.
 */
export function placeServerProblems(
  byField: Record<string, string[]>,
  place: Draft['place'],
  say: (message: string) => string,
): { fields: Record<string, string>; top: string[] } {
  const fields: Record<string, string> = {};
  const top: string[] = [];
  for (const [field, messages] of Object.entries(byField)) {
    const target =
      field === 'location.unit'
        ? 'location.building'
        : field === 'location'
          ? place === 'area'
            ? 'location.area'
            : 'location.building'
          : field;
    // "location.building: unknown building 99" → "unknown building 99" under the field it names.
    const words = messages.map((m) => say(m.replace(/^[\w.[\]]+:\s*/, ''))).join('；');
    if (FORM_FIELDS.has(target)) fields[target] = fields[target] ? `${fields[target]}；${words}` : words;
    else top.push(words);
  }
  return { fields, top };
}

/** A Vue-reactive form: the draft, its photos, and the attempt in flight. */
export function useFilingForm(communityId = '') {
  const state = reactive({
    draft: emptyDraft(communityId),
    photos: [] as Photo[],
    attempt: null as Attempt | null,
  });
  return {
    state,
    addPhoto(key: string, name: string): Photo {
      state.photos.push({ key, name, status: 'uploading', progress: 0, attachmentId: null, problem: null });
      return state.photos[state.photos.length - 1];
    },
    photo: (key: string) => state.photos.find((p) => p.key === key),
    removePhoto(key: string) {
      state.photos = state.photos.filter((p) => p.key !== key);
    },
    problems: (buildings: readonly Building[]) => validate(state.draft, state.photos, buildings),
    /** The body and its key for this submission. */
    attempt(newKey: () => string) {
      state.attempt = attemptFor(state.attempt, toBody(state.draft, state.photos), newKey);
      return { key: state.attempt.key, body: JSON.parse(state.attempt.body) as FileTicketBody };
    },
    /** Filed: the next ticket is a new attempt. */
    reset(keepCommunity = true) {
      state.draft = emptyDraft(keepCommunity ? state.draft.communityId : '');
      state.photos = [];
      state.attempt = null;
    },
  };
}
