import "server-only";

import { spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";

// One way to run an external tool: an argument array (never a shell, so no quoting or injection),
// a deadline that kills it, cancellation, and bounded output capture.

export type RunOptions = {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Receives stdout as text as it arrives (ffmpeg -progress). */
  onStdout?: (text: string) => void;
  /** Keep at most this many characters of stdout in the result (default 1 MB). */
  stdoutLimit?: number;
};

export type StartOptions = RunOptions & {
  /** "pipe" gives the caller a writable stdin (default: ignored). */
  stdin?: "ignore" | "pipe";
  /**
   * Where stdout goes: collected as text (default), or straight into another process's stdin
   * (a stream with a file descriptor, e.g. a child's stdin): the kernel moves the bytes, not us.
   */
  stdoutTo?: Writable;
};

export type RunResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last few KB of stderr: enough to explain a failure, bounded however chatty the tool is. */
  stderr: string;
};

export type RunningProcess = {
  stdin: Writable | null;
  /** Settles when the process has exited and its output is closed; rejects only when it could not run or was stopped. */
  done: Promise<RunResult>;
};

export type ProcessFailure = "not-found" | "not-executable" | "timeout" | "aborted" | "spawn-failed";

export class ProcessError extends Error {
  readonly kind: ProcessFailure;
  readonly stderr: string;

  constructor(kind: ProcessFailure, message: string, options: { cause?: unknown; stderr?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = "ProcessError";
    this.kind = kind;
    this.stderr = options.stderr ?? "";
  }
}

const STDERR_TAIL = 8 * 1024;

/** Runs a command to completion. Resolves with its exit status; rejects only when it could not run or was stopped. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return startProcess(command, args, options).done;
}

/** Starts a command whose stdin/stdout the caller may stream; killed (SIGKILL) on timeout or abort. */
export function startProcess(command: string, args: readonly string[], options: StartOptions): RunningProcess {
  if (options.signal?.aborted) {
    const done = Promise.reject(new ProcessError("aborted", `${command} was canceled before it started`));
    done.catch(() => undefined);
    return { stdin: null, done };
  }
  const child = spawn(command, args, {
    stdio: [options.stdin === "pipe" ? "pipe" : "ignore", options.stdoutTo ?? "pipe", "pipe"],
    windowsHide: true,
    shell: false,
  });
  // A write to a process that already died fails with EPIPE; the exit status tells the story.
  child.stdin?.on("error", () => undefined);
  // stderr is always a pipe (see stdio above); the union type of spawn() cannot know that.
  const childStderr = child.stderr as Readable;

  const done = new Promise<RunResult>((resolve, reject) => {
    const stdoutLimit = options.stdoutLimit ?? 1024 * 1024;
    let stdout = "";
    let stderr = "";
    let stopped: ProcessError | null = null;
    let settled = false;

    const stop = (error: ProcessError) => {
      if (stopped || settled) return;
      stopped = error;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(
      () => stop(new ProcessError("timeout", `${command} did not finish within ${Math.round(options.timeoutMs / 100) / 10} s`)),
      options.timeoutMs,
    );
    const onAbort = () => stop(new ProcessError("aborted", `${command} was canceled`));
    options.signal?.addEventListener("abort", onAbort, { once: true });

    const finish = () => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };

    if (child.stdout) {
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (text: string) => {
        if (stdout.length < stdoutLimit) stdout += text.slice(0, stdoutLimit - stdout.length);
        options.onStdout?.(text);
      });
    }
    childStderr.setEncoding("utf8");
    childStderr.on("data", (text: string) => {
      stderr = (stderr + text).slice(-STDERR_TAIL);
    });

    child.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      finish();
      if (error.code === "ENOENT") reject(new ProcessError("not-found", `${command} was not found`, { cause: error }));
      else if (error.code === "EACCES") reject(new ProcessError("not-executable", `${command} is not executable`, { cause: error }));
      else reject(new ProcessError("spawn-failed", `${command} could not be started: ${error.message}`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      if (settled) return;
      finish();
      if (stopped) reject(new ProcessError(stopped.kind, stopped.message, { stderr }));
      else resolve({ code, signal, stdout, stderr });
    });
  });
  return { stdin: child.stdin, done };
}
