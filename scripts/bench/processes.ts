// The processes of the HTTP part: builds, `next start` servers, and what a server
// uses of the machine.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./settings";

let servers: ChildProcess[] = [];

export async function run(command: string, commandArgs: string[], cwd = ROOT) {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(" ")}: ${code}`)),
    );
  });
}

export function stopAll() {
  for (const server of servers) {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // Gone already.
    }
  }
  servers = [];
}
// A bench stopped from outside (CI's time limit, Ctrl-C) leaves no server behind.
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });

async function answers(url: string) {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Node.js flags of the app's `npm start` (package.json), so that the bench
 * runs the app as an operator does; the floor runs with none.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...rest] = pkg.scripts.start.split(/\s+/);
  if (command !== "node") return [];
  return rest.slice(
    0,
    rest.findIndex((arg) => !arg.startsWith("--")),
  );
}

/** `next start` in `cwd` once it answers: its process id, and how to stop it. */
export async function start(
  cwd: string,
  port: number,
  env: Record<string, string>,
  nodeFlags: string[] = [],
) {
  const url = `http://127.0.0.1:${port}/`;
  if (await answers(url)) throw new Error(`port ${port} is taken: stop what runs there first`);
  const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  // A process group of its own, so that stopping it stops every process it started.
  const args = [...nodeFlags, next, "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true,
  });
  servers.push(child);
  let exited = false;
  child.on("exit", () => (exited = true));
  for (let i = 0; i < 120 && !exited; i++) {
    if (await answers(url))
      return {
        pid: child.pid!,
        stop: () =>
          new Promise<void>((resolve) => {
            servers = servers.filter((s) => s !== child);
            if (exited) return resolve();
            child.on("exit", () => resolve());
            process.kill(-child.pid!, "SIGTERM");
          }),
      };
    await new Promise((r) => setTimeout(r, 500));
  }
  stopAll();
  throw new Error(`next start in ${cwd} did not answer on port ${port}`);
}

/** The server's resident memory in bytes (Linux), or null where /proc is not there. */
export function residentBytes(pid: number) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds the server has used so far (Linux), or null where /proc is not there. */
export function cpuSeconds(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
