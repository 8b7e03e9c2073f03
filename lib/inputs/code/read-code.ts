// The embedded code reader: names, doc comments, exported functions, imports and user-facing
// strings, read with per-language patterns. Not a parser — it needs no grammar files and reads
// TypeScript/JavaScript, Python and Go the same way; what it misses only makes the board vaguer.

export const CODE_LANGUAGES = ["typescript", "javascript", "python", "go"] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export type CodeSymbol = { name: string; kind: "function" | "class" | "type"; exported: boolean; doc: string | null };
export type CodeReading = {
  language: CodeLanguage;
  moduleName: string;
  moduleDoc: string | null;
  symbols: CodeSymbol[];
  imports: string[];
  strings: string[];
  /** Names of functions in the order a top-level entry point calls them. */
  flow: string[];
};

const EXT: Record<string, CodeLanguage> = {
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  py: "python",
  go: "go",
};

export function languageOf(fileName: string): CodeLanguage | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext ? (EXT[ext] ?? null) : null;
}

const cleanDoc = (raw: string) =>
  raw
    .trim()
    .replace(/^\/\*\*?|\*\/$/g, "")
    .split("\n")
    .map((l) => l.replace(/^\s*(\*|\/\/+|#)\s?/, "").trim())
    .filter((l) => l && !l.startsWith("@"))
    .join(" ")
    .trim() || null;

export function readCode(content: string, fileName: string): CodeReading | null {
  const language = languageOf(fileName);
  if (!language) return null;
  const moduleName = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const symbols: CodeSymbol[] = [];
  const imports: string[] = [];
  let moduleDoc: string | null = null;

  if (language === "typescript" || language === "javascript") {
    moduleDoc = /^\s*(?:#![^\n]*\n)?\s*(\/\*\*(?:[^*]|\*(?!\/))*\*\/|(?:\/\/[^\n]*\n)+)(?!\s*(export|function|class|const))/.exec(content)?.[1] ?? null;
    const re =
      /((?:\/\*\*(?:[^*]|\*(?!\/))*\*\/|(?:[ \t]*\/\/[^\n]*\n)+)\s*)?^[ \t]*(export\s+(?:default\s+)?)?(?:async\s+)?(?:(function\*?)\s+([A-Za-z_$][\w$]*)|(class)\s+([A-Za-z_$][\w$]*)|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>|(interface|type)\s+([A-Za-z_$][\w$]*))/gm;
    for (const m of content.matchAll(re)) {
      const name = m[4] ?? m[6] ?? m[7] ?? m[9];
      if (!name) continue;
      symbols.push({ name, kind: m[5] ? "class" : m[8] ? "type" : "function", exported: Boolean(m[2]), doc: m[1] ? cleanDoc(m[1]) : null });
    }
    for (const m of content.matchAll(/(?:import[^'"]*from\s*|require\(\s*|import\s*)["']([^"']+)["']/g)) imports.push(m[1]!);
  } else if (language === "python") {
    moduleDoc = /^\s*(?:#[^\n]*\n\s*)*(?:"""([\s\S]*?)"""|'''([\s\S]*?)''')/.exec(content)?.slice(1).find(Boolean) ?? null;
    const re = /^(?:@[^\n]*\n)*(async\s+)?(def|class)\s+([A-Za-z_]\w*)[^:]*:\s*\n(?:\s*(?:"""([\s\S]*?)"""|'''([\s\S]*?)'''))?/gm;
    for (const m of content.matchAll(re)) {
      const name = m[3]!;
      symbols.push({ name, kind: m[2] === "class" ? "class" : "function", exported: !name.startsWith("_"), doc: cleanDoc(m[4] ?? m[5] ?? "") });
    }
    for (const m of content.matchAll(/^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/gm)) imports.push((m[1] ?? m[2])!);
  } else {
    moduleDoc = /((?:^\/\/[^\n]*\n)+)\s*package\s/m.exec(content)?.[1] ?? null;
    const re = /((?:^[ \t]*\/\/[^\n]*\n)+)?^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)|((?:^[ \t]*\/\/[^\n]*\n)+)?^type\s+([A-Za-z_]\w*)\s+(struct|interface)/gm;
    for (const m of content.matchAll(re)) {
      const name = m[2] ?? m[4];
      if (!name) continue;
      symbols.push({ name, kind: m[4] ? "type" : "function", exported: /^[A-Z]/.test(name), doc: cleanDoc(m[1] ?? m[3] ?? "") });
    }
    for (const m of content.matchAll(/"([\w./-]+)"/g)) if (/^(?:[a-z]+\/|[a-z]+$)/.test(m[1]!) && content.includes("import")) imports.push(m[1]!);
  }

  const strings = [...content.matchAll(/(["'`])((?:(?!\1)[^\\\n]|\\.){12,120})\1/g)]
    .map((m) => m[2]!.trim())
    .filter((s) => /\s/.test(s) && /^[A-Za-z]/.test(s) && !/[{}<>$]|https?:|^\w+\/\w+/.test(s))
    .slice(0, 8);

  const doc = moduleDoc ? cleanDoc(moduleDoc) : null;
  const userStrings = strings.filter((x) => !doc?.includes(x) && !symbols.some((s) => s.doc?.includes(x)));
  return { language, moduleName, moduleDoc: doc, strings: userStrings, symbols: dedupe(symbols), imports: [...new Set(imports)].slice(0, 12), flow: flowOf(content, symbols) };
}

function dedupe(symbols: CodeSymbol[]): CodeSymbol[] {
  const seen = new Set<string>();
  return symbols.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}

/**
 * The functions the entry point calls, in call order: the storyboard's "how it works". The entry
 * point is the function whose body calls the most of the file's other functions.
 */
function flowOf(content: string, symbols: CodeSymbol[]): string[] {
  const fns = symbols.filter((s) => s.kind === "function").map((s) => s.name);
  const defs = fns
    .map((name) => ({ name, at: content.search(new RegExp(`(?:function\\*?|def|func(?:\\s*\\([^)]*\\))?|const|let)\\s+${name.replace(/\$/g, "\\$")}\\b`)) }))
    .filter((d) => d.at >= 0)
    .sort((a, b) => a.at - b.at);
  let best: { name: string; calls: string[] } | null = null;
  defs.forEach((d, i) => {
    const body = content.slice(d.at + d.name.length + 6, defs[i + 1]?.at ?? content.length);
    const calls: string[] = [];
    for (const m of body.matchAll(/\b([A-Za-z_$][\w$]*)\s*\(/g)) {
      const c = m[1]!;
      if (c !== d.name && fns.includes(c) && !calls.includes(c)) calls.push(c);
    }
    if (!best || calls.length > best.calls.length) best = { name: d.name, calls };
  });
  const found = best as { name: string; calls: string[] } | null;
  return found && found.calls.length > 0 ? [...found.calls, found.name] : fns;
}

/** "calculateLoadForZone" / "calculate_load_for_zone" → "calculate load for zone". */
export function words(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[_$-]+/g, " ")
    .trim()
    .toLowerCase();
}
