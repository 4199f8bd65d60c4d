import { AtriumError } from "@atrium/core";

/** The AtriumError `promise` rejects with; anything else it rejects with is thrown again, and so is a success. */
export async function caught(promise: Promise<unknown>): Promise<AtriumError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtriumError) return error;
    throw error;
  }
  throw new Error("expected an AtriumError, but the operation succeeded");
}
