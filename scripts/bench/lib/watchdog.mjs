// Kills the bench's `next start` when the bench itself is gone (even after SIGKILL) or when the
// server has lived longer than its budget. Plain JS so it starts in milliseconds without tsx.
//
//   node watchdog.mjs <benchPid> <serverPid> <lifetimeMs>

const [benchPid, serverPid, lifetimeMs] = process.argv.slice(2).map(Number);
const startedAt = Date.now();

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const stopServer = () => {
  // The server was spawned detached, as the leader of its own process group: end that group only.
  for (const target of [-serverPid, serverPid]) {
    try {
      process.kill(target, "SIGTERM");
    } catch {
      // already gone
    }
  }
  setTimeout(() => {
    for (const target of [-serverPid, serverPid]) {
      try {
        process.kill(target, "SIGKILL");
      } catch {
        // already gone
      }
    }
    process.exit(0);
  }, 3000);
};

const timer = setInterval(() => {
  if (!alive(serverPid)) process.exit(0);
  if (!alive(benchPid) || Date.now() - startedAt > lifetimeMs) {
    clearInterval(timer);
    stopServer();
  }
}, 500);
