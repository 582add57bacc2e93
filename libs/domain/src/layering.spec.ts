import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FORBIDDEN = [
  /from '@nestjs\//,
  /from 'typeorm'/,
  /from 'pg'/,
  /from 'class-validator'/,
  /from 'class-transformer'/,
  /new Date\(\)/,
  /Date\.now\(/,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

it('when domain code is read, it imports no framework, database or validation library and reads no clock', () => {
  const offences = files(__dirname).flatMap((file) =>
    FORBIDDEN.filter((pattern) => pattern.test(readFileSync(file, 'utf8'))).map((pattern) => `${file}: ${pattern}`),
  );
  expect(files(__dirname).length).toBeGreaterThan(5);
  expect(offences).toEqual([]);
});
