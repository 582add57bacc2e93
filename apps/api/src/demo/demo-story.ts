import type { CategoryCode, FileTicket, MergeCommands, Principal, SystemTicketCommand, TicketCommand } from '@jinlin/domain';
import { DEMO_MANAGER, DEMO_SECRETARY, DEMO_STAFF } from './demo-ids';
import type { Dice } from './dice';
import * as say from './demo-texts';

type Strip<C> = C extends { metadata: unknown } ? Omit<C, 'metadata'> : never;

/** What a person sends about an existing ticket; who and when are added when it is sent. */
export type DemoTicketCommand = Strip<Exclude<TicketCommand, FileTicket | SystemTicketCommand | MergeCommands>>;

export type DemoStep = Readonly<{ at: string; actor: Principal; command: DemoTicketCommand }>;

export type Cast = Readonly<{ reporter: Principal; committee: Principal; category: CategoryCode; action: string; resolution: string }>;

type Fate = 'smooth' | 'escalated' | 'stalled' | 'withdrawn';

const MINUTE = 60_000;
const HOUR = 60;
const DAY = 24 * HOUR * MINUTE;
const BEIJING_OFFSET = 8 * HOUR * MINUTE;
const URGENT: readonly CategoryCode[] = ['elevator', 'water_power', 'security'];
const OUTDOOR: readonly CategoryCode[] = ['sanitation', 'greenery'];
const [FRONT_DESK, ...CREW] = DEMO_STAFF;
const SCORES: readonly (readonly [number, number])[] = [
  [5, 55],
  [4, 27],
  [3, 10],
  [2, 5],
  [1, 3],
];
const SCORES_AFTER_REJECT: readonly (readonly [number, number])[] = [
  [5, 20],
  [4, 35],
  [3, 25],
  [2, 12],
  [1, 8],
];

/**
 * One ticket's life after filing, as a list of timed steps that each respect the ticket rules:
 * acknowledged first, work recorded before any resolve, only the reporter confirms, rejects,
 * rates or withdraws. Steps past "now" are cut later, which leaves a valid beginning.
 */
export class Story {
  private readonly steps: DemoStep[] = [];
  private t: number;
  private worker: Principal = FRONT_DESK;

  constructor(
    private readonly dice: Dice,
    filedAt: number,
    private readonly cast: Cast,
  ) {
    this.t = filedAt;
  }

  tell(): DemoStep[] {
    const fate = this.dice.weighted<Fate>([
      ['smooth', 82],
      ['escalated', 8],
      ['stalled', 5],
      ['withdrawn', 5],
    ]);
    if (fate === 'withdrawn') return this.withdrawn();
    this.acknowledge();
    this.maybeAssign();
    this.maybeTalk();
    if (fate === 'escalated') this.escalate();
    if (fate === 'stalled') this.stall();
    else this.work(this.firstWorkDelay());
    this.resolve();
    this.react();
    return this.steps;
  }

  private at(minutes: number, actor: Principal, command: DemoTicketCommand): void {
    const t = this.t + Math.max(1, minutes) * MINUTE;
    // Only urgent repairs get a night shift; everyone else waits for the morning.
    const onCall = this.urgent && (actor.roles.includes('staff') || actor.roles.includes('manager'));
    this.t = onCall ? t : this.awake(t);
    this.steps.push({ at: new Date(this.t).toISOString(), actor, command });
  }

  /** Moves a moment in the Xiamen night (22:30 to 07:30) to the next morning. */
  private awake(t: number): number {
    const minuteOfDay = Math.floor(((t + BEIJING_OFFSET) % DAY) / MINUTE);
    const morning = 7 * HOUR + 30;
    if (minuteOfDay >= morning && minuteOfDay < 22 * HOUR + 30) return t;
    const wait = (minuteOfDay < morning ? morning - minuteOfDay : 24 * HOUR - minuteOfDay + morning) + this.dice.int(0, 150);
    return t + wait * MINUTE;
  }

  private get urgent(): boolean {
    return URGENT.includes(this.cast.category);
  }

  private acknowledge(): void {
    // A few are answered late, so the SLA clock has something to find.
    const late = this.dice.chance(0.06);
    const delay = late ? this.dice.minutes(3 * HOUR, 30 * HOUR) : this.urgent ? this.dice.minutes(5, 90) : this.dice.minutes(20, 16 * HOUR);
    const who = this.dice.chance(0.85) ? FRONT_DESK : DEMO_MANAGER;
    const message = this.dice.pick(this.urgent ? say.URGENT_ACKS : say.ACKS);
    this.at(delay, who, { type: 'AcknowledgeTicket', data: { message } });
  }

  private maybeAssign(): void {
    if (!this.dice.chance(0.35)) return;
    this.worker = OUTDOOR.includes(this.cast.category) ? CREW[CREW.length - 1] : this.dice.pick(CREW.slice(0, -1));
    this.at(this.dice.minutes(5, 60), DEMO_MANAGER, { type: 'AssignTicket', data: { assigneeId: this.worker.id } });
  }

  private maybeTalk(): void {
    const comment = (actor: Principal, texts: readonly string[], internal: boolean) =>
      this.at(this.dice.minutes(10, 4 * HOUR), actor, { type: 'CommentOnTicket', data: { text: this.dice.pick(texts), internal } });
    if (this.dice.chance(0.2)) comment(this.dice.chance(0.5) ? DEMO_MANAGER : this.worker, say.INTERNAL_NOTES, true);
    if (this.dice.chance(0.05)) comment(this.cast.committee, say.COMMITTEE_NOTES, true);
    if (this.dice.chance(0.1)) comment(this.cast.reporter, say.RESIDENT_NUDGES, false);
    if (this.dice.chance(0.08)) comment(this.worker, say.STAFF_REPLIES, false);
  }

  private withdrawn(): DemoStep[] {
    if (this.dice.chance(0.6)) this.acknowledge();
    const reason = this.dice.chance(0.8) ? this.dice.pick(say.WITHDRAW_REASONS) : null;
    this.at(this.dice.minutes(30, 12 * HOUR), this.cast.reporter, { type: 'WithdrawTicket', data: { reason } });
    return this.steps;
  }

  /** Nothing happened for days: the committee steps in, sometimes the party branch too. */
  private escalate(): void {
    const reason = this.dice.pick(say.ESCALATIONS);
    this.at(this.dice.minutes(36 * HOUR, 72 * HOUR), this.cast.committee, { type: 'EscalateTicket', data: { level: 'committee', reason } });
    if (!this.dice.chance(0.35)) return;
    const partyReason = this.dice.pick(say.PARTY_BRANCH_REASONS);
    this.at(this.dice.minutes(12 * HOUR, 36 * HOUR), DEMO_SECRETARY, {
      type: 'EscalateTicket',
      data: { level: 'party_branch', reason: partyReason },
    });
  }

  /**
   * A stopgap now, the real fix days later when the parts, the maker's technician or the resident
   * are there: on hold all that time. The reporter's answer ends a wait on them by itself (SPEC
   * §4.2 rule 6, TicketResumed by the system); any other wait the company resumes.
   */
  private stall(): void {
    this.act(this.firstWorkDelay(), this.dice.pick(say.STOPGAPS));
    const [on, reason] = this.dice.pick(say.WAITS);
    this.at(this.dice.minutes(30, 3 * HOUR), this.worker, { type: 'WaitTicket', data: { on, reason } });
    const back = this.dice.minutes(3 * 24 * HOUR, 7 * 24 * HOUR);
    if (on === 'resident')
      this.at(back, this.cast.reporter, { type: 'CommentOnTicket', data: { text: say.RESIDENT_BACK, internal: false } });
    else this.at(back, this.worker, { type: 'ResumeTicket', data: {} });
    this.act(30, this.cast.action);
  }

  private firstWorkDelay(): number {
    return this.urgent ? this.dice.minutes(20, 4 * HOUR) : this.dice.minutes(HOUR, 30 * HOUR);
  }

  /** The issue's own fix first, sometimes a second visit; after a rejection, follow-up work only. */
  private work(firstDelay: number, again = false): void {
    const followUps = this.dice.pickMany(say.FOLLOW_UPS, again || this.dice.chance(0.3) ? 1 : 0);
    const actions = again ? followUps : [this.cast.action, ...followUps];
    actions.forEach((description, i) => this.act(i === 0 ? firstDelay : this.dice.minutes(HOUR, 24 * HOUR), description));
  }

  private act(delay: number, description: string): void {
    this.at(delay, this.worker, { type: 'RecordAction', data: { description } });
  }

  private resolve(again = false): void {
    const resolution = again ? `复查返工完成：${this.cast.resolution}` : this.cast.resolution;
    this.at(this.dice.minutes(10, 3 * HOUR), this.worker, { type: 'ResolveTicket', data: { resolution } });
  }

  /** The reporter confirms, rejects (and the work starts again) or stays silent until auto-close. */
  private react(): void {
    const reaction = this.dice.weighted([
      ['confirm', 68],
      ['reject', 14],
      ['silent', 18],
    ] as const);
    if (reaction === 'silent') {
      if (this.dice.chance(0.2)) this.rate(SCORES);
      return;
    }
    if (reaction === 'reject') this.reject();
    else this.confirm(SCORES, 0.8);
  }

  private reject(): void {
    const reason = this.dice.pick(say.REJECT_REASONS);
    this.at(this.dice.minutes(2 * HOUR, 48 * HOUR), this.cast.reporter, { type: 'RejectResolution', data: { reason } });
    this.work(this.dice.minutes(2 * HOUR, 24 * HOUR), true);
    this.resolve(true);
    if (this.dice.chance(0.85)) this.confirm(SCORES_AFTER_REJECT, 0.9);
  }

  private confirm(scores: typeof SCORES, rateShare: number): void {
    this.at(this.dice.minutes(HOUR, 36 * HOUR), this.cast.reporter, { type: 'ConfirmResolution', data: {} });
    if (this.dice.chance(rateShare)) this.rate(scores);
  }

  private rate(scores: typeof SCORES): void {
    const score = this.dice.weighted(scores);
    const comment = this.dice.chance(0.6) ? this.dice.pick(say.RATING_COMMENTS[score]) : null;
    this.at(this.dice.minutes(5, 6 * HOUR), this.cast.reporter, { type: 'RateTicket', data: { score, comment } });
  }
}
