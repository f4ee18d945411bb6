import { createGrafanaClient } from 'grafana-api-contract';

const grafana = createGrafanaClient({
  baseUrl: 'http://localhost:3000',
  auth: { token: process.env.GRAFANA_TOKEN ?? '' }, // or { username, password }
  orgId: 1, // sent as X-Grafana-Org-Id
  timeoutMs: 10_000,
});

// Paths, parameters, bodies and responses are typed from the spec.
const { data: org, error } = await grafana.GET('/api/org');
if (error) throw new Error(`GET /api/org failed: ${error.message}`);
console.log(org.name, org.address?.city);

const { data: members } = await grafana.GET('/api/org/users/lookup', { params: { query: { query: 'jane', limit: 10 } } });
for (const member of members ?? []) console.log(member.userId, member.login);

await grafana.PATCH('/api/org/users/{userId}', { params: { path: { userId: 2 } }, body: { role: 'Editor' } });
