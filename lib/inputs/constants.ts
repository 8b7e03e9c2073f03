// The input routes' limits and choices as plain data, with no zod: the New storyboard tabs import
// these, and schemas.ts builds its request schemas from them.

export const INPUT_LIMITS = {
  scriptMaxChars: 200_000,
  codeMaxChars: 200_000,
  /** Decoded image bytes. */
  imageMaxBytes: 8 * 1024 * 1024,
} as const;

export const AUDIENCES = ["business_owner", "c_suite", "btl_champion"] as const;
export const STAGES = ["preview", "demo", "shipped"] as const;
