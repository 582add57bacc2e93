import type { MigrationInterface } from 'typeorm';

/** What TypeORM is given: migration classes and entity classes (not any function). */
export type MigrationClass = new () => MigrationInterface;
export type EntityClass = new () => object;
