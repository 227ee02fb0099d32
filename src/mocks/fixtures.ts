/**
 * Deterministic, realistic fixtures for demos, stories and tests: a
 * `DashboardDataset` of six organizations that together cover every plan tier,
 * several currencies (including JPY with no minor unit and KWD with three
 * minor digits) and the edge cases the cards must handle (no workspaces, a
 * zero last month, low credits, a long right-to-left name, a member without
 * billing access).
 *
 * Randomness comes from a small seeded PRNG (mulberry32), never from
 * `Math.random`, so the same `seed` and `now` always give the same data. Every
 * date is relative to `now`, so the data looks fresh whenever it is made.
 *
 * Each topic is a module under `fixtures/` (organization, workspaces, billing,
 * plan, activities, announcements), built from one table of facts per org
 * (`fixtures/profiles.ts`); this module is their public face, and each module
 * it re-exports whole is public whole.
 */
export * from './fixtures/orgs.js';
export * from './fixtures/access.js';
export * from './fixtures/money.js';
export * from './fixtures/dataset.js';
// The rest of the activities module builds entries for `dataset.ts`; only its menus are public.
export { FIXTURE_ACTIONS, FIXTURE_RESOURCE_TYPES } from './fixtures/activities.js';
