/**
 * An event's id for the world outside (NATS `Nats-Msg-Id`, webhooks' `X-Jinlin-Event-Id`, trace
 * attributes): its stream and its version there. The log is append-only, so a replay, a rebuild or
 * the other store adapter names the same event the same way, and a repeat carries the same id.
 * The handover process already names an event so as the causation of what it sends.
 */
export const eventId = (event: Readonly<{ streamId: string; streamVersion: number }>): string => `${event.streamId}@${event.streamVersion}`;
