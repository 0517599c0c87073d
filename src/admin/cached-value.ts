// A value recomputed at most once per `ttlMs` (the dashboard's weekly counts scan half a year of mail).
export function cachedValue<T>(
  compute: () => Promise<T>,
  options: { ttlMs: number; now: () => Date },
): () => Promise<T> {
  let value: { at: number; result: T } | null = null;
  return async () => {
    const now = options.now().getTime();
    if (value && now - value.at < options.ttlMs) return value.result;
    const result = await compute();
    value = { at: now, result };
    return result;
  };
}
