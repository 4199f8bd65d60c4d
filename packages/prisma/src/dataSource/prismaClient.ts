/**
 * The slice of a generated Prisma Client that the data source uses, typed loosely: Atrium works with any
 * user's client, so model delegates are reached by name at run time (`client.orderLine`), never imported.
 */
import type { ModelMeta } from "@atrium/core";

/** What every generated PrismaClient has; the user's typed client is assignable to it. */
export interface PrismaClientLike {
  $disconnect(): Promise<void>;
  $transaction: (...args: never[]) => PromiseLike<unknown>;
}

/** A Prisma query argument or result: plain objects all the way down. */
export type Args = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** The model delegate methods used here (`client.user.findMany(...)`). */
export interface Delegate {
  findMany(args: Args): Promise<Row[]>;
  findUnique(args: Args): Promise<Row | null>;
  count(args: Args): Promise<number>;
  groupBy(args: Args): Promise<Row[]>;
  create(args: Args): Promise<Row>;
  update(args: Args): Promise<Row>;
  delete(args: Args): Promise<Row>;
  deleteMany(args: Args): Promise<{ count: number }>;
}

/** A client or the transaction client handed to `$transaction(async (tx) => ...)`. */
export interface QueryClient {
  [delegate: string]: unknown;
  $queryRawUnsafe?: (sql: string, ...values: unknown[]) => Promise<unknown>;
  $executeRawUnsafe?: (sql: string, ...values: unknown[]) => Promise<number>;
}

export interface TransactionalClient extends QueryClient {
  $transaction<T>(run: (tx: QueryClient) => Promise<T>): Promise<T>;
  $disconnect(): Promise<void>;
}

/** Prisma names a model's delegate after the model with a lower-case first letter. */
export function delegateName(modelName: string): string {
  return modelName.charAt(0).toLowerCase() + modelName.slice(1);
}

export function getDelegate(client: QueryClient, model: Pick<ModelMeta, "name">): Delegate {
  const delegate = client[delegateName(model.name)];
  if (!delegate || typeof delegate !== "object") {
    throw new Error(
      `The Prisma client has no model "${model.name}"; generate the client from the same schema Atrium reads`,
    );
  }
  return delegate as Delegate;
}
