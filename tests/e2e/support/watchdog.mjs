// Runs the app server for the e2e suite and makes sure it dies with the test run: it checks its
// parent every half second and takes the server's whole process group down when the parent is
// gone — even when the parent was killed with SIGKILL and could run no cleanup of its own.
//
// usage: node watchdog.mjs <parentPid> <logFile> <command> [args…]
import { spawn } from "node:child_process";
import { openSync } from "node:fs";

const [parentArg, logFile, command, ...args] = process.argv.slice(2);
const parentPid = Number(parentArg);
if (!parentPid || !logFile || !command) {
  console.error("usage: node watchdog.mjs <parentPid> <logFile> <command> [args…]");
  process.exit(2);
}

const log = openSync(logFile, "a");
const child = spawn(command, args, { stdio: ["ignore", log, log], detached: true, env: process.env });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  kill("SIGTERM");
  setTimeout(() => {
    kill("SIGKILL");
    process.exit(0);
  }, 4000).unref();
}

child.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("SIGHUP", stop);

setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    stop();
  }
}, 500);
