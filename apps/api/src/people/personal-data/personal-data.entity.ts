import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person's personal data (SPEC §2.1): everything here can be erased; the log holds none of it. */
@Entity('pd_people')
export class PersonalDataRow {
  @PrimaryColumn('text', { name: 'person_id' }) personId: string;
  @Column('text', { nullable: true }) name: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) username: string | null;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt: Date | null;
}
