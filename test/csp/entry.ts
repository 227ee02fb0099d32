/**
 * The page scripts/check-csp.mjs serves under a strict Content Security
 * Policy with Trusted Types: every violation is recorded before the library
 * loads, then the whole dashboard renders from the memory adapter.
 */
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample || '(inline)'}`);
});
window.addEventListener('error', (event) => violations.push(`error: ${event.message}`));
(window as unknown as { cspViolations: string[] }).cspViolations = violations;

const [{ createMemoryAdapter }, { createDataset, ACME_ORG_ID }] = await Promise.all([
  import('../../src/adapters/memory.js'),
  import('../../src/mocks/fixtures.js'),
  import('../../src/define.js'),
]);

const adapter = createMemoryAdapter(createDataset());
for (const id of ['dashboard', 'log']) {
  const element = document.getElementById(id) as HTMLElement & { adapter?: unknown; orgId?: string };
  element.adapter = adapter;
  element.orgId = ACME_ORG_ID;
}

export {};
