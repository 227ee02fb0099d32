// Commands for scripts/test-frameworks.mjs and its apps (scripts/frameworks/apps/).
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

/** Runs a command in `cwd`, returning its exit status and output together. */
export function run(command, args, cwd, env) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: env ? { ...process.env, ...env } : process.env,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs a command that must succeed; its output is the error otherwise. */
export function must(command, args, cwd, env) {
  const result = run(command, args, cwd, env);
  if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed:\n${result.output}`);
  return result.output;
}

/**
 * Throws unless the app installed one copy of Lit's packages: a second copy (the package's own
 * beside the app's) is what makes Lit's development build warn "Multiple versions of Lit loaded",
 * and doubles its bytes. Read from npm's own tree, so a copy under any package counts.
 */
export function expectOneLit(app) {
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element']) {
    const { output } = run('npm', ['ls', name, '--all', '--parseable'], app);
    const copies = [...new Set(output.split('\n').filter((line) => line.endsWith(`node_modules/${name}`)))];
    if (copies.length > 1) throw new Error(`Multiple versions of Lit: ${name} at ${copies.join(', ')}`);
  }
}

/**
 * TypeScript's diagnostics (tsc, vue-tsc) as `{ file, line, message }`, the file relative to the app:
 * `app/x.tsx(4,38): error TS2322: message`, its explanation on the indented lines after.
 */
export function typeScriptDiagnostics(app, output) {
  return [
    ...output.matchAll(/^(\S[^\n]*?)\((\d+),\d+\): (?:error|warning) (TS\d+: [^\n]*(?:\n[ \t]+[^\n]*)*)/gm),
  ].map(([, file, line, message]) => ({
    file: relative(app, resolve(app, file)),
    line: Number(line),
    message: message.replace(/\s+/g, ' ').trim(),
  }));
}
