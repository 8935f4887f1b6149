import { vi, expect } from 'vitest';
import type { Agent, TestApp } from './harness.js';

/** Test helpers for imports: upload a file as an agent, run it, wait for the run to end. */

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function upload(t: TestApp, agent: Agent, query: Record<string, string>, body: Buffer | string, contentType = CSV) {
  const search = new URLSearchParams(query).toString();
  return t.app.inject({
    method: 'POST',
    url: `/api/imports?${search}`,
    headers: { authorization: `Bearer ${agent.token}`, 'content-type': contentType },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
}

/** Waits until the import's run has ended and answers its view. */
export async function settled(agent: Agent, id: string) {
  let view: Record<string, unknown> = {};
  await vi.waitFor(
    async () => {
      const response = await agent.get(`/api/imports/${id}`);
      expect(response.statusCode).toBe(200);
      view = response.json();
      expect(['validating', 'committing']).not.toContain(view.status);
    },
    { timeout: 60_000, interval: 20 },
  );
  return view;
}

/**
 * Uploads, then commits (all or nothing unless told) and waits: the view at the end. The valid
 * rows only are imported as a person would: every row checked first, then the rows it leaves out
 * stated.
 */
export async function importFile(t: TestApp, agent: Agent, query: Record<string, string>, body: Buffer | string, options: { mode?: 'all' | 'valid_only'; contentType?: string; patch?: Record<string, unknown> } = {}) {
  const uploaded = await upload(t, agent, query, body, options.contentType);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const id = uploaded.json().id as string;
  if (options.patch) {
    const patched = await agent.patch(`/api/imports/${id}`, options.patch, uploaded.json().version);
    expect(patched.statusCode, patched.body).toBe(200);
  }
  const mode = options.mode ?? 'all';
  let leaveOutRows: number | undefined;
  if (mode === 'valid_only') {
    const checking = await agent.post(`/api/imports/${id}/validate`);
    expect(checking.statusCode, checking.body).toBe(202);
    const checked = await settled(agent, id);
    leaveOutRows = (checked.rowCount as number) - (checked.validCount as number);
  }
  const started = await agent.post(`/api/imports/${id}/commit`, { mode, leaveOutRows });
  expect(started.statusCode, started.body).toBe(202);
  return settled(agent, id);
}

/** Confirms the columns named (by header) as left out. */
export async function leaveOut(agent: Agent, view: { id: string; version: number; headers: string[] }, headers: readonly string[]) {
  const leftOut = headers.map((header) => {
    const column = view.headers.indexOf(header);
    expect(column, `the file has no column “${header}”`).toBeGreaterThanOrEqual(0);
    return column;
  });
  const patched = await agent.patch(`/api/imports/${view.id}`, { leftOut }, view.version);
  expect(patched.statusCode, patched.body).toBe(200);
  return patched.json();
}

export async function problemsOf(agent: Agent, id: string) {
  const response = await agent.get(`/api/imports/${id}/problems?limit=200`);
  expect(response.statusCode).toBe(200);
  return response.json().items as { row: number; column: number | null; columnName: string | null; field: string | null; value: string | null; reason: string }[];
}

/** DELETE with If-Match, as a script would (the agents' own `delete` sends no version). */
export function deleteWithVersion(t: TestApp, agent: Agent, url: string, version?: number) {
  return t.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${agent.token}`, ...(version !== undefined && { 'if-match': `"${version}"` }) } });
}
