/**
 * How the outside world should read a refusal. The HTTP layer maps kinds to statuses in one place;
 * the domain only names what went wrong.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'precondition_failed' | 'unprocessable';

/** A message that needs values is a function of them; the thrower passes them after the code. */
export type ErrorMessage = string | ((...values: never[]) => string);

/** One aggregate's refusals: each code once, with its kind and its message. */
export type ErrorCatalogue = Readonly<Record<string, Readonly<{ kind: DomainErrorKind; message: ErrorMessage }>>>;

/** What a code's message needs: nothing for a fixed text, else the function's parameters. */
export type MessageValues<M extends ErrorMessage> = M extends (...values: infer V) => string ? V : [];
