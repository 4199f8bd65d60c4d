/** The mounted admin's two hosts (serveMounted.ts), clear of the demo's 4173 and the installed tests' 418x/419x. */
const first = Number(process.env.E2E_MOUNTED_PORT ?? 4175);

export const mountedPorts = { node: first, hono: first + 1 } as const;
