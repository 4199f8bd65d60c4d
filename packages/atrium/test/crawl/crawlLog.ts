/**
 * Every request the crawler makes goes through here, and so does every check it makes: a 5xx, a 4xx without the
 * one error shape, an answer that leaks database internals, or anything the server logged as unexpected (the
 * app's error logger, the data source's warnings, console.error) becomes a finding of that model and channel.
 * Findings are collected, not thrown, so one run reports every failure of a schema at once.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { ApiResponse } from "../apiResponse.js";
import type { TestApi, TestSession } from "../openTestApi.js";

export interface Finding {
  /** The zoo schema's file name without extension (`auth`, `saas`). */
  schema: string;
  /** The model's key, or `*` for the schema as a whole. */
  model: string;
  /** What was exercised: `create`, `list`, `sort:title:desc`, `filter:email.contains`, `readback:amount`... */
  channel: string;
  detail: string;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  /** Statuses that are a correct answer here. @default [200] */
  expect?: number[];
  /** Who sends it. @default the test API's superuser */
  as?: Pick<TestSession, "send">;
}

const prismaText = /Invalid `prisma|Prisma\w*Error|prisma\.\w+\.\w+\(/;
const internals = /Invalid `|\s{2,}at \S|node_modules|SQLITE_|violates|\bSELECT\b|\bINSERT\b/;

/** The request a log line belongs to, carried through every await of its handling. */
interface Channel {
  model: string;
  channel: string;
}

export class CrawlLog {
  readonly findings: Finding[] = [];
  /** Requests made, for the runtime report. */
  requests = 0;
  /** Requests per kind of channel (`sort`, `filter`, `create`...), to see that each was exercised. */
  readonly channels: Record<string, number> = {};
  private readonly current = new AsyncLocalStorage<Channel>();
  private readonly restore: (() => void)[] = [];

  constructor(
    private readonly api: TestApi,
    readonly schema: string,
  ) {}

  /**
   * Until `stop()`, what the server logs (the app's error logger and the data source's warnings, which the
   * test API collects in `problems`) and anything printed with console.error is a finding of the request being
   * handled: requests run concurrently, so it is told by async context, not by order.
   */
  start(): void {
    const problems = this.api.problems;
    const push = problems.push;
    problems.push = (...items: unknown[]) => {
      for (const item of items) this.fromContext(`server logged: ${describeProblem(item)}`);
      return push.apply(problems, items);
    };
    const error = console.error;
    console.error = (...args: unknown[]) => {
      const text = args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
      this.fromContext(`console.error: ${text.split("\n")[0]}`);
    };
    this.restore.push(
      () => {
        problems.push = push;
      },
      () => {
        console.error = error;
      },
    );
  }

  stop(): void {
    for (const undo of this.restore.splice(0)) undo();
  }

  add(model: string, channel: string, detail: string): void {
    this.findings.push({ schema: this.schema, model, channel, detail });
  }

  private fromContext(detail: string): void {
    const at = this.current.getStore() ?? { model: "*", channel: "outside any request" };
    this.add(at.model, at.channel, detail);
  }

  /**
   * Sends one request and checks its answer; resolves the response, or undefined when the API failed (5xx).
   * A status outside `expect` is a finding with the error's code and message.
   */
  request(
    model: string,
    channel: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse | undefined> {
    return this.current.run({ model, channel }, () => this.send(model, channel, path, options));
  }

  private async send(
    model: string,
    channel: string,
    path: string,
    options: RequestOptions,
  ): Promise<ApiResponse | undefined> {
    const method = options.method ?? "GET";
    this.requests += 1;
    const kind = channel.split(":")[0] ?? channel;
    this.channels[kind] = (this.channels[kind] ?? 0) + 1;
    let response: ApiResponse | undefined;
    try {
      const sender = options.as ?? this.api;
      response =
        options.body === undefined
          ? await sender.send(path, { method })
          : await sender.send(path, {
              method,
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(options.body),
            });
    } catch (error) {
      // readResponse throws on every 5xx, with the body in the message.
      this.add(model, channel, `${method} ${path}: ${firstLine(error)}`);
    }
    if (!response) return undefined;
    const expected = options.expect ?? [200];
    if (response.status >= 400) this.checkErrorShape(model, channel, method, path, response);
    if (!expected.includes(response.status)) {
      const error = response.body?.error;
      this.add(
        model,
        channel,
        `${method} ${path} answered ${response.status} ${error?.code ?? ""}: ${error?.message ?? response.text.slice(0, 200)}${error?.fields ? ` ${JSON.stringify(error.fields)}` : ""}`,
      );
    }
    return response;
  }

  private checkErrorShape(
    model: string,
    channel: string,
    method: string,
    path: string,
    response: ApiResponse,
  ) {
    const error = response.body?.error;
    if (typeof error?.code !== "string" || typeof error?.message !== "string" || error.message === "") {
      this.add(
        model,
        channel,
        `${method} ${path}: ${response.status} without the error shape: ${response.text}`,
      );
    }
    if (prismaText.test(response.text) || internals.test(response.text)) {
      this.add(model, channel, `${method} ${path}: ${response.status} shows internals: ${response.text}`);
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 300) ?? "";
}

function describeProblem(problem: unknown): string {
  const { message, error } = problem as { message?: string; error?: unknown };
  const cause = error instanceof Error ? `${error.name}: ${lastWords(error.message)}` : String(error);
  const text = `${message ?? ""} ${cause}`.replace(/\s+/g, " ").trim();
  return prismaText.test(text) ? `[Prisma] ${text.slice(0, 400)}` : text.slice(0, 400);
}

/** Prisma's messages quote the calling code first; the reason is at the end. */
export function lastWords(message: string): string {
  const lines = message.trim().split("\n");
  return lines.length > 3 ? `…${lines.slice(-2).join(" ").slice(-300)}` : message;
}
