import { DataSource, type EntitySchema, type MigrationInterface, type MixedList } from 'typeorm';

export type DataSourceOptions = Readonly<{
  url: string;
  entities: MixedList<(new () => object) | string | EntitySchema>;
  migrations: MixedList<(new () => MigrationInterface) | string>;
  poolSize?: number;
}>;

/** Read models live in PostgreSQL through TypeORM; the schema only ever changes by migration. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: options.poolSize ?? 10, application_name: 'jinlin-read-models' },
  });
}
