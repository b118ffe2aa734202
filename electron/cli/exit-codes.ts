/** Exit codes of the contract: 0 no errors, 1 error findings (or a refused export), 2 a file unreadable / bad usage. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;
