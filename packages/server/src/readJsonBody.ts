import { AtriumError } from "@atrium/core";
import type { Context } from "hono";

/**
 * Reads a JSON request body. The content type is checked so that a form post cannot pass for JSON, and the
 * size is checked again here because a body limit middleware trusts a Content-Length header.
 */
export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  const contentType = c.req.header("Content-Type");
  if (!isJsonMediaType(contentType)) {
    throw new AtriumError(
      "unsupported_media_type",
      `Send the body as JSON with 'Content-Type: application/json' (got ${contentType ? `'${contentType}'` : "none"})`,
    );
  }
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength > maxBytes) {
    throw new AtriumError("payload_too_large", `Request body is larger than the limit of ${maxBytes} bytes`);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.trim() === "")
    throw new AtriumError("invalid_json", "Request body is empty; send a JSON document");
  let keys = 0;
  let prototypeKey = false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, function (this: unknown, key, value) {
      // Object keys only (array items are bounded by the body size and the bulk limit).
      if (!Array.isArray(this) && key !== "") {
        keys++;
        // JSON.parse makes it an own key, but spreading or Object.assign downstream would set a prototype.
        if (key === "__proto__") prototypeKey = true;
      }
      return value;
    });
  } catch (error) {
    // SyntaxError messages name the position of the mistake and never echo server data, so they are safe to show.
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new AtriumError("invalid_json", `Request body is not valid JSON${detail}`);
  }
  if (prototypeKey) {
    throw new AtriumError("bad_request", "Request body has a '__proto__' key; it is never a field");
  }
  if (keys > maxJsonKeys) {
    throw new AtriumError("payload_too_large", `Request body has more than ${maxJsonKeys} keys`);
  }
  return parsed;
}

/** Most object keys one JSON body may have: no model has that many fields, and each key costs work. */
export const maxJsonKeys = 500;

export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    mediaType === "application/json" || (mediaType.startsWith("application/") && mediaType.endsWith("+json"))
  );
}
