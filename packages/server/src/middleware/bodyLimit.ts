import { AtriumError } from "@atrium/core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";

/** Rejects bodies over `maxBytes` while they stream in, before anything buffers them whole. */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AtriumError(
        "payload_too_large",
        `Request body is larger than the limit of ${maxBytes} bytes`,
      );
    },
  });
}
