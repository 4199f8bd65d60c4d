/** A response read once, plus the assertions every API test makes about errors. */
import type { ErrorBody, ErrorCode } from "@atrium/core";
import { expect } from "vitest";

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read the JSON freely and assert on it.
  body: any;
}

export async function readResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  // Whatever the test expects, a 500 means the API failed to explain a problem: show what it was. A
  // database_error is explained: the database or Prisma failed, and the answer names the operation.
  const code = (body as ErrorBody | undefined)?.error?.code;
  if (response.status >= 500 && code !== "database_error" && code !== "database_unavailable") {
    throw new Error(`Unexpected ${response.status} from the API: ${text}`);
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Database internals that must never reach a client: Prisma's name, its invocation excerpts, stack frames. */
export function expectNoInternals(response: ApiResponse): void {
  expect(response.text).not.toMatch(/prisma/i);
  expect(response.text).not.toContain("Invalid `");
  // Stack frames: "    at fn (/path/file.ts:1:2)".
  expect(response.text).not.toMatch(/\s{2,}at \S|\(\S+:\d+:\d+\)|node_modules|\.[cm]?[jt]s:\d+/);
  expect(response.text).not.toMatch(/SQLITE_|constraint failed|violates|relation "|\bSELECT\b|\bINSERT\b/);
}

/**
 * Asserts the API's one error shape with this status and code; `fields` (when given) must each be named in
 * `error.fields`. Returns the error for further checks.
 */
export function expectApiError(
  response: ApiResponse,
  status: number,
  code: ErrorCode,
  fields: string[] = [],
): ErrorBody["error"] {
  const summary = `${response.status} ${response.text}`;
  expect(response.status, summary).toBe(status);
  const error = (response.body as ErrorBody | undefined)?.error;
  expect(error?.code, summary).toBe(code);
  expect(typeof error?.message, summary).toBe("string");
  for (const field of fields) {
    expect(Object.keys(error?.fields ?? {}), summary).toContain(field);
    expect(typeof error?.fields?.[field], summary).toBe("string");
  }
  expectNoInternals(response);
  return error as ErrorBody["error"];
}

/** Asserts a 2xx status, showing the body when it is not. */
export function expectStatus(response: ApiResponse, status: number): void {
  expect(response.status, `${response.status} ${response.text}`).toBe(status);
}
