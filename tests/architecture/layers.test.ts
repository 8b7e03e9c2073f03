import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of shared/ARCHITECTURE.md, checked over the real import graph: which lib domain
 * may import which, nothing in lib reaching up into app/ or components/, and no client component
 * pulling a server-only module into the bundle. Type-only imports are erased by the compiler and
 * don't count.
 */

const ROOT = path.resolve(__dirname, "../..");

/** lib domain → the lib domains it may import (besides itself). A new domain must be added here. */
const ALLOWED: Record<string, readonly string[]> = {
  errors: [],
  "text-fields": [],
  "sketch-looks": [],
  wording: [],
  config: ["errors"],
  http: ["errors"],
  storage: ["config", "errors"],
  planner: ["config", "errors", "text-fields"],
  providers: ["config", "errors", "planner", "sketch-looks", "text-fields"],
  db: ["config", "errors", "planner", "providers"],
  workspaces: ["config", "db", "errors"],
  generation: ["config", "db", "errors", "planner", "providers", "storage", "wording"],
  export: ["config", "db", "errors", "planner", "storage", "text-fields"],
  diagnostics: ["config", "db", "errors", "planner", "providers", "storage"],
  inputs: ["config", "db", "errors", "planner", "text-fields"],
  storyboards: [
    "config",
    "db",
    "errors",
    "export",
    "generation",
    "inputs",
    "planner",
    "providers",
    "storage",
    "text-fields",
    "workspaces",
  ],
};

/** Domains a client component must never reach, even transitively. */
const SERVER_DOMAINS = ["config", "db", "providers", "generation", "storage", "diagnostics", "workspaces"];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

const STATEMENT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** Value imports of a source file (specifiers as written). */
export function valueImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(STATEMENT)) {
    const [, keyword, typeOnly, clause, spec] = m;
    if (typeOnly) continue;
    // `export { x }` without `from` is not an import; `import "x"` (side effect) is.
    if (keyword === "export" && !clause) continue;
    if (spec) found.push(spec);
  }
  for (const m of source.matchAll(DYNAMIC)) if (m[1]) found.push(m[1]);
  return found;
}

function resolve(fromFile: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function domainOf(file: string): string | null {
  const rel = path.relative(path.join(ROOT, "lib"), file);
  if (rel.startsWith("..")) return null;
  const first = rel.split(path.sep)[0] ?? "";
  return first.replace(/\.tsx?$/, "");
}

const sources = new Map<string, string>();
for (const dir of ["lib", "components", "app"]) {
  for (const file of walk(path.join(ROOT, dir))) sources.set(file, readFileSync(file, "utf8"));
}
sources.set(path.join(ROOT, "proxy.ts"), readFileSync(path.join(ROOT, "proxy.ts"), "utf8"));

const edges = new Map<string, string[]>();
const unresolved: string[] = [];
for (const [file, source] of sources) {
  const targets: string[] = [];
  for (const spec of valueImports(source)) {
    if (!spec.startsWith("@/") && !spec.startsWith(".")) continue;
    const target = resolve(file, spec);
    if (target) targets.push(target);
    else unresolved.push(`${path.relative(ROOT, file)} → ${spec}`);
  }
  edges.set(file, targets);
}

const rel = (file: string) => path.relative(ROOT, file);

describe("import graph", () => {
  it("resolves every in-repo import (so the checks below see the whole graph)", () => {
    expect(unresolved).toEqual([]);
  });

  it("reads value imports, not type-only ones", () => {
    const sample = [
      'import type { A } from "@/lib/db/schema";',
      'import { b } from "@/lib/storage/keys";',
      "import {\n  c,\n  d,\n} from './c';",
      'export type { E } from "@/lib/config/env";',
      'export { f } from "@/lib/http/errors";',
      'import "server-only";',
      'const g = await import("@/lib/export/pdf");',
      "export { h };",
    ].join("\n");
    expect(valueImports(sample)).toEqual([
      "@/lib/storage/keys",
      "./c",
      "@/lib/http/errors",
      "server-only",
      "@/lib/export/pdf",
    ]);
  });
});

describe("layer rules (shared/ARCHITECTURE.md)", () => {
  it("the allowed map itself has no cycle", () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const cycle = (d: string, trail: string[]): string[] | null => {
      if (done.has(d)) return null;
      if (visiting.has(d)) return [...trail, d];
      visiting.add(d);
      for (const next of ALLOWED[d] ?? []) {
        const found = cycle(next, [...trail, d]);
        if (found) return found;
      }
      visiting.delete(d);
      done.add(d);
      return null;
    };
    for (const d of Object.keys(ALLOWED)) expect(cycle(d, [])).toBeNull();
  });

  it("every lib domain is listed, and imports only the domains below it", () => {
    const violations: string[] = [];
    for (const [file, targets] of edges) {
      const from = domainOf(file);
      if (from === null) continue;
      const allowed = ALLOWED[from];
      if (!allowed) {
        violations.push(`lib/${from} is not in the layer map of tests/architecture/layers.test.ts`);
        continue;
      }
      for (const target of targets) {
        const to = domainOf(target);
        if (to === null && /^(app|components)\//.test(rel(target))) violations.push(`${rel(file)} imports ${rel(target)} (lib must not reach app/ or components/)`);
        else if (to !== null && to !== from && !allowed.includes(to)) violations.push(`${rel(file)} imports ${rel(target)} (lib/${from} may not import lib/${to})`);
      }
    }
    expect([...new Set(violations)]).toEqual([]);
  });

  it("no client component reaches a server-only module, even through other modules", () => {
    const isClient = (file: string) => /^\s*["']use client["']/.test(sources.get(file) ?? "");
    const serverOnly = (file: string) => {
      const d = domainOf(file);
      return (d !== null && SERVER_DOMAINS.includes(d)) || /^\s*import\s+["']server-only["']/m.test(sources.get(file) ?? "");
    };
    const violations: string[] = [];
    let clients = 0;
    for (const start of edges.keys()) {
      if (!isClient(start)) continue;
      clients++;
      const seen = new Set<string>([start]);
      const queue: { file: string; via: string[] }[] = [{ file: start, via: [] }];
      while (queue.length) {
        const { file, via } = queue.shift()!;
        for (const next of edges.get(file) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          const trail = [...via, rel(next)];
          if (serverOnly(next)) violations.push(`${rel(start)} → ${trail.join(" → ")}`);
          else queue.push({ file: next, via: trail });
        }
      }
    }
    expect(clients).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });

  it("no client component reaches zod: validation runs on the server, forms import zod-free constants", () => {
    const isClient = (file: string) => /^\s*["']use client["']/.test(sources.get(file) ?? "");
    const importsZod = (file: string) => valueImports(sources.get(file) ?? "").some((spec) => spec === "zod" || spec.startsWith("zod/"));
    const violations: string[] = [];
    for (const start of edges.keys()) {
      if (!isClient(start)) continue;
      const seen = new Set<string>([start]);
      const queue: { file: string; via: string[] }[] = [{ file: start, via: [rel(start)] }];
      while (queue.length) {
        const { file, via } = queue.shift()!;
        if (importsZod(file)) {
          violations.push(via.join(" → "));
          continue;
        }
        for (const next of edges.get(file) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push({ file: next, via: [...via, rel(next)] });
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
