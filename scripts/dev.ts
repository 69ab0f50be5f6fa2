// `npm run dev`: the server (with --watch, `npm run dev:server`) and Vite (hot reload, API proxied
// to the server) side by side, with prefixed output. Ctrl-C stops both; if one exits, so does the other.
import { type ChildProcess, spawn } from 'node:child_process';

type Task = { name: string; colour: number; args: string[] };

const tasks: Task[] = [
  { name: 'server', colour: 36, args: ['run', 'dev:server'] },
  { name: 'web', colour: 35, args: ['run', 'dev', '-w', '@openc2b/web'] },
];

const children: ChildProcess[] = [];
let stopping = false;

function prefixLines(task: Task, chunk: Buffer, out: NodeJS.WriteStream): void {
  const prefix = `\x1b[${task.colour}m[${task.name}]\x1b[0m `;
  const text = chunk.toString().replace(/\n(?=.)/g, `\n${prefix}`);
  out.write(prefix + text);
}

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    // Each child leads its own process group: npm -> sh -> node, and only the group reaches them all.
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
}

for (const task of tasks) {
  const child = spawn('npm', task.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => prefixLines(task, chunk, process.stdout));
  child.stderr?.on('data', (chunk: Buffer) => prefixLines(task, chunk, process.stderr));
  child.on('exit', (code) => {
    if (!stopping) console.error(`[${task.name}] exited with ${code}; stopping the others`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
