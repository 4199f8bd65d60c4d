import type { AuditEntry, NewAuditEntry } from "@atrium/auth";
import { describe, expect, it } from "vitest";
import type { HistoryStore } from "./historyStore.js";
import { storeAuditSink } from "./storeAuditSink.js";

/** Accepts appends only through the transaction it was given; anything else is a test failure. */
function recordingStore(expectedTx: unknown) {
  const appended: NewAuditEntry[] = [];
  const store: HistoryStore = {
    getAudit: () => Promise.reject(new Error("unexpected getAudit")),
    listAudit: () => Promise.reject(new Error("unexpected listAudit")),
    countCausedAudit: () => Promise.reject(new Error("unexpected countCausedAudit")),
    withTransaction(tx) {
      if (tx !== expectedTx) throw new Error("appended outside the write's transaction");
      return {
        async appendAudit(entry) {
          appended.push(entry);
          return { ...entry, id: "e1" } as AuditEntry;
        },
      };
    },
  };
  return { store, appended };
}

describe("storeAuditSink", () => {
  const at = new Date("2026-01-02T03:04:05Z");

  it("appends in the given transaction with the actor, and 'system' without one", async () => {
    const tx = { name: "tx" };
    const { store, appended } = recordingStore(tx);
    const sink = storeAuditSink(store, { now: () => at });
    const changes = { name: { old: "A", new: "B" } };
    await sink.record(tx, {
      action: "update",
      model: "book",
      recordId: "7",
      changes,
      actor: { id: "u1", email: "a@b.c" },
    });
    const id = await sink.record(tx, {
      action: "revert",
      model: "book",
      recordId: "7",
      changes,
      revertOf: "e0",
      causeId: "e9",
    });
    // The id the store gave the entry, so that entries it causes can point at it.
    expect(id).toBe("e1");
    expect(appended).toEqual([
      {
        at,
        actorId: "u1",
        actorEmail: "a@b.c",
        action: "update",
        model: "book",
        recordId: "7",
        changes,
        revertOf: null,
        causeId: null,
      },
      {
        at,
        actorId: null,
        actorEmail: "system",
        action: "revert",
        model: "book",
        recordId: "7",
        changes,
        revertOf: "e0",
        causeId: "e9",
      },
    ]);
  });

  it("never stores the values of secret fields, only that they changed", async () => {
    const { store, appended } = recordingStore("tx");
    await storeAuditSink(store).record("tx", {
      action: "update",
      model: "user",
      recordId: "1",
      changes: {
        passwordHash: { old: "scrypt$old", new: "scrypt$new" },
        apiToken: { old: null, new: "tok_123" },
        email: { old: "a@b.c", new: "b@b.c" },
      },
    });
    expect(appended[0]?.changes).toEqual({
      passwordHash: { old: "[hidden]", new: "[hidden]" },
      apiToken: { old: null, new: "[hidden]" },
      email: { old: "a@b.c", new: "b@b.c" },
    });
    expect(JSON.stringify(appended)).not.toMatch(/scrypt|tok_123/);
  });
});
