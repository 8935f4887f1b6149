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

/** Uploads, then commits (all or nothing unless told) and waits: the view at the end. */
export async function importFile(t: TestApp, agent: Agent, query: Record<string, string>, body: Buffer | string, options: { mode?: 'all' | 'valid_only'; contentType?: string; patch?: Record<string, unknown> } = {}) {
  const uploaded = await upload(t, agent, query, body, options.contentType);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  let id = uploaded.json().id as string;
  if (options.patch) {
    const patched = await agent.patch(`/api/imports/${id}`, options.patch, uploaded.json().version);
    expect(patched.statusCode, patched.body).toBe(200);
    id = patched.json().id;
  }
  const started = await agent.post(`/api/imports/${id}/commit`, { mode: options.mode ?? 'all' });
  expect(started.statusCode, started.body).toBe(202);
  return settled(agent, id);
}

export async function problemsOf(agent: Agent, id: string) {
  const response = await agent.get(`/api/imports/${id}/problems?limit=200`);
  expect(response.statusCode).toBe(200);
  return response.json().items as { row: number; column: number | null; columnName: string | null; field: string | null; value: string | null; reason: string }[];
}
