import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the binding's default algorithm) at 64 MiB, 3 passes, 1 lane: about 50 ms per
 * verification on this project's 2-core machine (npm run bench:sign-in prints it). Each hash
 * string carries its parameters, so raising them later keeps old hashes verifiable.
 */
export const ARGON2_PARAMETERS = { memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_PARAMETERS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash verifies nothing
  }
}

let decoy: Promise<string> | null = null;

/**
 * For a username that has no hash: the same work as a real verification, so the answer's timing
 * does not tell which usernames exist.
 */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword('jinlin decoy password, never anyone');
  await verifyPassword(await decoy, password);
  return false;
}

/** SPEC §2.1: at least 10 characters, not containing the username. The rule broken, or null. */
export function weakPasswordRule(password: string, username: string | null): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return null;
}
