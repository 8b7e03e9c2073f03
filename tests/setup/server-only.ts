import { vi } from "vitest";

// `server-only` throws outside a React Server environment; under vitest every module is server-side.
vi.mock("server-only", () => ({}));
