import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import {
  communityDecider,
  communityStream,
  companyDecider,
  companyStream,
  decideTicket,
  ticketDecider,
  ticketStream,
  type Event,
  type Principal,
  type TicketCommand,
  type TicketCommandMetadata,
} from '@jinlin/domain';
import type { Checkpoint, EventStore, ReadAllResult } from '@jinlin/event-store';
import type { CommandContext } from '../commands/command-context';
import { DecideCommand, type DecideArgs } from '../commands/decide.command';
import { loadCommunity, managingCompanyOf } from '../commands/load';
import { demoScenario, type DemoTicket } from './demo-data';
import { DEMO_ADMIN, DEMO_COMMUNITIES, DEMO_COMPANIES, DEMO_MANAGING_COMPANY } from './demo-ids';

export const DEMO_SEED = 20_251_128;
export const DEMO_DAYS = 21;
/** Different tickets are written side by side; the steps of one ticket never overtake each other. */
const IN_FLIGHT = 8;

export type LoadDemoOptions = Readonly<{
  now: Date;
  days?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}>;

/** One command to send; returns how many events it appended (0 when it had nothing to do). */
type Job = Readonly<{ key: string; at: string; label: string; run: () => Promise<number> }>;

/**
 * Writes the seed story through the same commands and deciders as the HTTP API, each with its
 * simulated time as ctx.now, so every rule is judged exactly as for a real user. Steps are sent
 * in time order, so the log reads as the story happened.
 */
export async function loadDemo(
  commands: CommandBus,
  store: EventStore,
  options: LoadDemoOptions,
): Promise<{ tickets: number; events: number }> {
  const days = options.days ?? DEMO_DAYS;
  const scenario = demoScenario({ seed: options.seed ?? DEMO_SEED, now: options.now.toISOString(), days });
  const reference = referenceJobs(commands, store, scenario.registeredAt);
  const tickets = scenario.tickets.flatMap((t) => ticketJobs(commands, store, t)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const total = reference.length + tickets.length;
  let done = 0;
  let events = 0;
  const run = async (job: Job) => {
    const appended = await job
      .run()
      .catch((error: Error) => Promise.reject(new Error(`demo: ${job.label} failed: ${error.message}`, { cause: error })));
    // Added only after the await: `events += await …` would read the total before other lanes add theirs.
    events += appended;
    options.onProgress?.(++done, total);
  };
  for (const job of reference) await run(job);
  await inTimeOrder(tickets, run);
  return { tickets: scenario.tickets.length, events };
}

/** True once anyone has filed a ticket: the demo is for an empty service. */
export async function holdsTickets(store: EventStore): Promise<boolean> {
  for (let after: Checkpoint | null = null; ; ) {
    const page: ReadAllResult = await store.readAll({ after, limit: 1000, types: ['TicketFiled'] });
    if (page.events.length > 0) return true;
    if (page.checkpoint === after) return false;
    after = page.checkpoint;
  }
}

async function inTimeOrder(jobs: readonly Job[], run: (job: Job) => Promise<void>): Promise<void> {
  const tails = new Map<string, Promise<void>>();
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < jobs.length && !failed) {
      const job = jobs[next++];
      const mine = (tails.get(job.key) ?? Promise.resolve()).then(() => run(job));
      tails.set(job.key, mine);
      await mine.catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  // allSettled: nothing may still be writing when the caller closes the application.
  const lanes = await Promise.allSettled(Array.from({ length: IN_FLIGHT }, lane));
  const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failure) throw failure.reason;
}

const contextOf = (actor: Principal, at: string): CommandContext => ({ actor, now: at, correlationId: randomUUID() });

async function send<State, E extends Event<string, object>>(commands: CommandBus, args: DecideArgs<State, E>): Promise<number> {
  let appended = 0;
  const decide = async (state: State) => {
    const decided = await args.decide(state);
    appended = Array.isArray(decided) ? decided.length : decided.events.length;
    return decided;
  };
  await commands.execute(new DecideCommand<State, E>({ ...args, decide }));
  return appended;
}

/** Registered by an admin the day before the first ticket; already registered ones are left alone. */
function referenceJobs(commands: CommandBus, store: EventStore, at: string): Job[] {
  const exists = async (streamId: string) => (await store.readStream(streamId)).length > 0;
  const metadata = { actor: DEMO_ADMIN, now: at };
  const companies = DEMO_COMPANIES.map(({ id, name }): Job => {
    const streamId = companyStream(id);
    const command = { type: 'RegisterCompany' as const, data: { companyId: id, name }, metadata };
    const register = () =>
      send(commands, {
        id,
        streamId,
        evolver: companyDecider,
        ctx: contextOf(DEMO_ADMIN, at),
        decide: (s) => companyDecider.decide(command, s),
      });
    return { key: streamId, at, label: `registering company ${id}`, run: async () => ((await exists(streamId)) ? 0 : register()) };
  });
  const communities = DEMO_COMMUNITIES.map(({ id, ...rest }): Job => {
    const streamId = communityStream(id);
    const decide = async (state: Parameters<typeof communityDecider.decide>[1]) => {
      const companyExists = await exists(companyStream(DEMO_MANAGING_COMPANY));
      const data = { communityId: id, ...rest, propertyCompanyId: DEMO_MANAGING_COMPANY, companyExists };
      return communityDecider.decide({ type: 'RegisterCommunity', data, metadata }, state);
    };
    const register = () => send(commands, { id, streamId, evolver: communityDecider, ctx: contextOf(DEMO_ADMIN, at), decide });
    return { key: streamId, at, label: `registering community ${id}`, run: async () => ((await exists(streamId)) ? 0 : register()) };
  });
  return [...companies, ...communities];
}

function ticketJobs(commands: CommandBus, store: EventStore, ticket: DemoTicket): Job[] {
  const ticketId = randomUUID();
  const label = (what: string) => `${what} on ticket ${ticketId} (${ticket.title})`;
  const file: Job = {
    key: ticketId,
    at: ticket.filedAt,
    label: label('FileTicket'),
    run: () => fileTicket(commands, store, ticketId, ticket),
  };
  const steps = ticket.steps.map((step): Job => ({
    key: ticketId,
    at: step.at,
    label: label(step.command.type),
    run: () =>
      ticketCommand(commands, store, ticketId, step.actor, step.at, (metadata) => ({ ...step.command, metadata }) as TicketCommand),
  }));
  return [file, ...steps];
}

async function fileTicket(commands: CommandBus, store: EventStore, ticketId: string, ticket: DemoTicket): Promise<number> {
  const { communityId, category, title, description, location, channel } = ticket;
  const community = await loadCommunity(store, communityId);
  const data = { ticketId, communityId, category, title, description, location, channel, community };
  return ticketCommand(commands, store, ticketId, ticket.reporter, ticket.filedAt, ({ actor, now }) => ({
    type: 'FileTicket',
    data,
    metadata: { actor, now },
  }));
}

/** As TicketCommands.execute: the company managing the community now is read from its events. */
function ticketCommand(
  commands: CommandBus,
  store: EventStore,
  ticketId: string,
  actor: Principal,
  at: string,
  make: (metadata: TicketCommandMetadata) => TicketCommand,
): Promise<number> {
  return send(commands, {
    id: ticketId,
    streamId: ticketStream(ticketId),
    evolver: ticketDecider,
    ctx: contextOf(actor, at),
    decide: async (state) => {
      const managingCompanyId = state.exists ? await managingCompanyOf(store, state.communityId) : null;
      return decideTicket(make({ actor, now: at, managingCompanyId }), state);
    },
  });
}
