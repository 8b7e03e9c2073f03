import "server-only";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { mapLlmError, mapLlmErrorBody } from "@/lib/planner/llm-errors";
import { extractJson } from "@/lib/planner/plan-llm";

// One structured answer from an OpenAI-compatible chat model, for the input readers (a code
// file's understanding, a roadmap's items). Structured outputs first; a server that refuses
// response_format (many local ones) is asked again in JSON mode with the shape in the prompt.

export type LlmReaderDeps = { client: OpenAI; model: string; signal?: AbortSignal };
type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const FORMAT_REFUSED = /response_format|json_schema|json_object|structured output|not supported|unsupported/i;
/** A model without image input says so in a 400 naming the image part. */
export const IMAGE_REFUSED = /image|vision|multimodal|image_url|content type/i;

export async function askForJson<T extends z.ZodType>(deps: LlmReaderDeps, schema: T, name: string, messages: Message[]): Promise<z.output<T>> {
  try {
    let text: string;
    try {
      text = await complete(deps, messages, zodResponseFormat(schema, name));
    } catch (e) {
      if (!(e instanceof OpenAI.APIError && (e.status === 400 || e.status === 422) && FORMAT_REFUSED.test(e.message))) throw e;
      const shape = JSON.stringify(z.toJSONSchema(schema));
      const described: Message[] = [...messages, { role: "system", content: `Answer with one JSON object only, matching this JSON schema: ${shape}` }];
      text = await complete(deps, described, { type: "json_object" });
    }
    let json: unknown;
    try {
      json = JSON.parse(extractJson(text));
    } catch {
      throw new AppError("PLAN_INVALID", `The model's ${name.replace(/_/g, " ")} was not JSON.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new AppError("PLAN_INVALID", `The model's ${name.replace(/_/g, " ")} did not match its schema.`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, code: i.code })),
      });
    }
    return parsed.data;
  } catch (e) {
    throw e instanceof AppError ? e : mapLlmError(e);
  }
}

type LooseCompletion = { error?: { code?: unknown; message?: unknown }; choices?: Array<{ finish_reason?: string | null; message?: { content?: string | null; refusal?: string | null } | null }> };

async function complete(deps: LlmReaderDeps, messages: Message[], response_format: OpenAI.Chat.Completions.ChatCompletionCreateParams["response_format"]): Promise<string> {
  const raw: unknown = await deps.client.chat.completions.create({ model: deps.model, messages, response_format }, { signal: deps.signal });
  const completion = (raw && typeof raw === "object" ? raw : {}) as LooseCompletion;
  const choice = completion.choices?.[0];
  if (!choice) {
    if (completion.error) throw mapLlmErrorBody(completion.error);
    throw new AppError("PROVIDER_ERROR", "The LLM endpoint did not answer with a chat completion: check OPENAI_BASE_URL.");
  }
  if (choice.message?.refusal) throw new AppError("PLAN_REFUSED", `The model declined: ${choice.message.refusal}`);
  if (choice.finish_reason === "length") throw new AppError("PLAN_INVALID", "The model ran out of output tokens before finishing its answer.");
  return choice.message?.content ?? "";
}
