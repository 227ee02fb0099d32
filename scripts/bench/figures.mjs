// How BENCHMARKS.md and the size report write a figure: one place, so every table reads alike.

/** A number with `digits` decimals. */
export const fmt = (n, digits = 2) => Number(n).toFixed(digits);

/** Bytes in kB (1,000 bytes), one decimal. */
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
