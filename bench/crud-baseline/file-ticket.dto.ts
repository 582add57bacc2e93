import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { CATEGORY_CODES, CHANNELS } from '@jinlin/domain';

const SLUG = /^[a-z0-9-]{2,64}$/;
const PARTS: Record<string, number> = { building: 32, unit: 32, room: 10, area: 100, note: 2000 };
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && [...v].length <= max;

/** Jinlin's rule for a place: a text (≤ 2000) or an object of known parts, each a bounded text. */
const isLocation = (v: unknown) =>
  typeof v === 'string'
    ? text(v, PARTS.note)
    : typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.entries(v).every(([k, part]) => k in PARTS && text(part, PARTS[k]));

/** The same body as Jinlin's POST /tickets, with the same limits (category and channel lists included). */
export class FileTicketDto {
  @IsString()
  @Matches(SLUG, { message: '$property must be 2-64 characters of a-z, 0-9 and -' })
  communityId: string;
  @IsIn(CATEGORY_CODES) category: string;
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  title: string;
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;
  @IsOptional()
  @ValidateBy({ name: 'isLocation', validator: { validate: isLocation, defaultMessage: () => 'location must be a text or an object' } })
  location?: string | Record<string, string>;
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;
  @IsOptional()
  @IsString()
  @Matches(SLUG)
  reporterId?: string;
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}
