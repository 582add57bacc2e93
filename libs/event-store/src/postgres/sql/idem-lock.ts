/**
 * The advisory lock of an idempotency key, in the two-integer lock space (class 7101), which
 * never meets the one-integer space of stream locks. Appends take it before they write, after
 * their stream locks: every append locks streams and guards in key order, then keys in key order,
 * so two batches that share keys cannot deadlock, and a twin waits for the first to commit and sees
 * its key instead of colliding in the unique index halfway through a batch (two batches holding
 * each other's keys deadlocked there). Two keys with one hash share a lock: they only take turns.
 * The order holds for one es_append or es_append_batch per transaction, which is how the store calls them.
 */
export const IDEM_LOCK_CLASS = 7101;

export const ES_IDEM_LOCK_KEY = `
      CREATE FUNCTION es_idem_lock_key(p_scope text, p_key text) RETURNS integer
      LANGUAGE sql IMMUTABLE AS $$ SELECT hashtext(p_scope || ':' || p_key) $$`;
