import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { communityStream, companyStream, personStream, type Principal } from '@jinlin/domain';
import type { Checkpoint, EventStore, ReadAllResult } from '@jinlin/event-store';
import type { CommandContext } from '../commands/command-context';
import type { CommandResult } from '../commands/handle-command';
import { SetBuildingCommand } from '../places/set-building/set-building.command';
import { RegisterPersonCommand } from '../people/register-person/register-person.command';
import { RegisterCommunityCommand } from '../reference-data/register-community/register-community.command';
import { RegisterCompanyCommand } from '../reference-data/register-company/register-company.command';
import { AcknowledgeTicketCommand } from '../tickets/acknowledge-ticket/acknowledge-ticket.command';
import { AssignTicketCommand } from '../tickets/assign-ticket/assign-ticket.command';
import { CommentOnTicketCommand } from '../tickets/comment-on-ticket/comment-on-ticket.command';
import { ConfirmResolutionCommand } from '../tickets/confirm-resolution/confirm-resolution.command';
import { EscalateTicketCommand } from '../tickets/escalate-ticket/escalate-ticket.command';
import { FileTicketCommand } from '../tickets/file-ticket/file-ticket.command';
import { RateTicketCommand } from '../tickets/rate-ticket/rate-ticket.command';
import { RecordActionCommand } from '../tickets/record-action/record-action.command';
import { RejectResolutionCommand } from '../tickets/reject-resolution/reject-resolution.command';
import { ResolveTicketCommand } from '../tickets/resolve-ticket/resolve-ticket.command';
import { WithdrawTicketCommand } from '../tickets/withdraw-ticket/withdraw-ticket.command';
import { WaitTicketCommand } from '../tickets/wait-ticket/wait-ticket.command';
import { ResumeTicketCommand } from '../tickets/resume-ticket/resume-ticket.command';
import { demoBuildings, demoScenario, type DemoTicket } from './demo-data';
import { DEMO_ADMIN, DEMO_COMMUNITIES, DEMO_COMPANIES, DEMO_MANAGING_COMPANY } from './demo-ids';
import { loadDemoHandover } from './demo-handover';
import { demoPeople } from './demo-people';
import type { DemoTicketCommand } from './demo-story';
import { FollowUpTicketCommand } from '../tickets/follow-up-ticket/follow-up-ticket.command';

export const DEMO_SEED = 20_251_128;
export const DEMO_DAYS = 21;
/** Different tickets are written side by side; the steps of one ticket never overtake each other. */
const IN_FLIGHT = 8;

export type LoadDemoOptions = Readonly<{
  now: Date;
  days?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Embedded mode only: the password of each demo account (printed at start, never stored in
   * plain). Without it the demo people have no usernames and nobody can sign in as them.
   */
  passwordOf?: (username: string) => string;
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
  const reference = referenceJobs(commands, store, scenario.registeredAt, options.passwordOf);
  const tickets = scenario.tickets.flatMap((t) => ticketJobs(commands, t)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
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
  events += await loadDemoHandover(commands, options.now);
  return { tickets: scenario.tickets.length, events };
}

/** True once anyone has filed a ticket: the demo is for an empty service. */
export async function holdsTickets(store: EventStore): Promise<boolean> {
  for (let after: Checkpoint | null = null; ;) {
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

/** Registered by an admin the day before the first ticket; already registered ones are left alone. */
function referenceJobs(commands: CommandBus, store: EventStore, at: string, passwordOf?: (username: string) => string): Job[] {
  const exists = async (streamId: string) => (await store.readStream(streamId)).length > 0;
  const once = (streamId: string, label: string, register: () => Promise<CommandResult>): Job => ({
    key: streamId,
    at,
    label,
    run: async () => ((await exists(streamId)) ? 0 : (await register()).version),
  });
  const companies = DEMO_COMPANIES.map(({ id, name }) =>
    once(companyStream(id), `registering company ${id}`, () =>
      commands.execute(new RegisterCompanyCommand(id, name, contextOf(DEMO_ADMIN, at))),
    ),
  );
  const communities = DEMO_COMMUNITIES.map((community) =>
    once(communityStream(community.id), `registering community ${community.id}`, () =>
      commands.execute(new RegisterCommunityCommand({ ...community, propertyCompanyId: DEMO_MANAGING_COMPANY }, contextOf(DEMO_ADMIN, at))),
    ),
  );
  const people = demoPeople().map(({ principal, name, phone, username }) =>
    once(personStream(principal.id), `registering ${principal.id}`, () => {
      const account = username && passwordOf ? { username, password: passwordOf(username) } : {};
      const { id, roles, communities: belongs, companyId } = principal;
      const body = { id, name, roles: [...roles], communities: [...belongs], companyId, phone, ...account };
      return commands.execute(new RegisterPersonCommand(body, contextOf(DEMO_ADMIN, at)));
    }),
  );
  // Setting a building as it is appends nothing: count what the stream gained.
  const buildings = demoBuildings().map(({ communityId, code, name, units }): Job => ({
    key: communityStream(communityId),
    at,
    label: `registering building ${code} of ${communityId}`,
    run: async () => {
      const before = (await store.readStream(communityStream(communityId))).length;
      const { version } = await commands.execute(
        new SetBuildingCommand(communityId, { building: code, name, units }, contextOf(DEMO_ADMIN, at)),
      );
      return version - before;
    },
  }));
  return [...companies, ...communities, ...buildings, ...people];
}

/** A ticket's filing and then its steps, in one lane: each step learns the id the filing was given. */
function ticketJobs(commands: CommandBus, ticket: DemoTicket): Job[] {
  const lane = randomUUID();
  let ticketId = '';
  let version = 0;
  const label = (what: string) => `${what} on ticket ${ticketId || lane} (${ticket.title})`;
  const appended = (result: CommandResult) => {
    const added = result.version - version;
    version = result.version;
    return added;
  };
  const { filer, reporter, filedAt, communityId, category, title, description, location, channel } = ticket;
  const onBehalf = filer.id === reporter.id ? {} : { reporterId: reporter.id };
  const file: Job = {
    key: lane,
    at: filedAt,
    label: label('FileTicket'),
    run: async () => {
      const result = await commands.execute(
        new FileTicketCommand({ communityId, category, title, description, location, channel, ...onBehalf }, contextOf(filer, filedAt)),
      );
      ticketId = result.id;
      return appended(result);
    },
  };
  const steps = ticket.steps.map((step): Job => ({
    key: lane,
    at: step.at,
    label: label(step.command.type),
    run: async () => appended(await commands.execute(commandOf(ticketId, step.command, contextOf(step.actor, step.at)))),
  }));
  return [file, ...steps];
}

/** The use case's own command for each step, as its controller would send it. */
function commandOf(ticketId: string, step: DemoTicketCommand, ctx: CommandContext) {
  switch (step.type) {
    case 'AcknowledgeTicket':
      return new AcknowledgeTicketCommand(ticketId, step.data.message, ctx);
    case 'AssignTicket':
      return new AssignTicketCommand(ticketId, step.data.assigneeId, ctx);
    case 'RecordAction':
      return new RecordActionCommand(ticketId, step.data.description, ctx);
    case 'CommentOnTicket':
      return new CommentOnTicketCommand(ticketId, step.data.text, step.data.internal, ctx);
    case 'ResolveTicket':
      return new ResolveTicketCommand(ticketId, step.data.resolution, ctx);
    case 'ConfirmResolution':
      return new ConfirmResolutionCommand(ticketId, ctx);
    case 'RejectResolution':
      return new RejectResolutionCommand(ticketId, step.data.reason, ctx);
    case 'RateTicket':
      return new RateTicketCommand(ticketId, step.data.score, step.data.comment, ctx);
    case 'EscalateTicket':
      return new EscalateTicketCommand(ticketId, step.data.level, step.data.reason, ctx);
    case 'WithdrawTicket':
      return new WithdrawTicketCommand(ticketId, step.data.reason, ctx);
    case 'FollowUpTicket':
      return new FollowUpTicketCommand(ticketId, step.data, ctx);
    case 'WaitTicket':
      return new WaitTicketCommand(ticketId, step.data.on, step.data.reason, ctx);
    case 'ResumeTicket':
      return new ResumeTicketCommand(ticketId, ctx);
  }
}
