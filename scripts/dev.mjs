// `npm run dev`: the API server (development, embedded PostgreSQL) and vite's hot-reloading console beside it.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';

const apiPort = process.env.PORT ?? '4000';
execFileSync('npm', ['run', 'build', '-w', 'server'], { stdio: 'inherit' });
const children = [
  spawn(process.execPath, ['server/dist/server/src/main.js'], { stdio: 'inherit', env: { ...process.env, PORT: apiPort } }),
  spawn('npm', ['run', 'dev', '-w', 'admin'], { stdio: 'inherit', env: { ...process.env, API_PORT: apiPort } }),
];
console.log(`\n  Console with hot reload: http://localhost:5173/  (API on port ${apiPort})\n`);

let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null))).then(() =>
    process.exit(code),
  );
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
for (const child of children) child.once('exit', (code) => stop(code ?? 1));
