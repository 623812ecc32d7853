// Drives the M2M calls of Stytch's official Node SDK (npm `stytch`, pinned in package.json) against a running
// Stytch.Fake server and prints one JSON object: { steps: { <name>: { ok, value } | { ok: false, error } } }.
// NodeSdkTests.M2M.cs starts the standalone server, runs this script and asserts on what it prints.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node m2m.mjs
//
// m2m.token posts a form to /v1/public/{project_id}/oauth2/token without the project's credentials, and
// m2m.authenticateToken verifies the access token locally against the project's JWKS (/v1/sessions/jwks/...).

import stytch from "stytch";
import { ignoredFields, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("m2m.mjs");
const client = new stytch.Client({ project_id: projectId, secret, env: origin, timeout: 20_000 });

const { steps, step } = stepRunner();
const state = {};

function jwtPayload(jwt) {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
}

// --- clients ----------------------------------------------------------------------------------

await step("clients_create", async () => {
  const r = await client.m2m.clients.create({ scopes: ["read:users", "write:users"], client_name: "Billing", trusted_metadata: { tier: "gold" } });
  state.clientId = r.m2m_client.client_id;
  state.secret = r.m2m_client.client_secret;
  return {
    status_code: r.status_code,
    client_id: r.m2m_client.client_id,
    secret_length: r.m2m_client.client_secret.length,
    client_secret_last_four: r.m2m_client.client_secret_last_four,
    secret_last_four: r.m2m_client.client_secret.slice(-4),
    status: r.m2m_client.status,
    scopes: r.m2m_client.scopes,
    trusted_metadata: r.m2m_client.trusted_metadata,
  };
});

await step("clients_get", async () => {
  const r = await client.m2m.clients.get({ client_id: state.clientId });
  return { status_code: r.status_code, client_id: r.m2m_client.client_id, client_name: r.m2m_client.client_name, has_secret: "client_secret" in r.m2m_client };
});

await step("clients_search", async () => {
  const r = await client.m2m.clients.search({ query: { operator: "AND", operands: [{ filter_name: "scopes", filter_value: ["write:users"] }] } });
  return { status_code: r.status_code, client_ids: r.m2m_clients.map((c) => c.client_id), total: r.results_metadata.total };
});

await step("clients_update", async () => {
  const r = await client.m2m.clients.update({ client_id: state.clientId, client_description: "Charges cards" });
  return { status_code: r.status_code, client_description: r.m2m_client.client_description, client_name: r.m2m_client.client_name };
});

// --- tokens -----------------------------------------------------------------------------------

await step("token", async () => {
  const r = await client.m2m.token({ client_id: state.clientId, client_secret: state.secret });
  state.accessToken = r.access_token;
  const payload = jwtPayload(r.access_token);
  return { token_type: r.token_type, expires_in: r.expires_in, sub: payload.sub, iss: payload.iss, aud: payload.aud, scope: payload.scope, lifetime: payload.exp - payload.iat };
});

await step("authenticate_token", async () => {
  const r = await client.m2m.authenticateToken({ access_token: state.accessToken, required_scopes: ["read:users", "write:users"] });
  return { client_id: r.client_id, scopes: r.scopes, custom_claims: r.custom_claims };
});

await step("token_read_only", async () => {
  const r = await client.m2m.token({ client_id: state.clientId, client_secret: state.secret, scopes: ["read:users"] });
  state.readOnlyToken = r.access_token;
  return { scope: jwtPayload(r.access_token).scope };
});

await step("authenticate_read_only_token", async () => {
  const r = await client.m2m.authenticateToken({ access_token: state.readOnlyToken, required_scopes: ["read:users"] });
  return { client_id: r.client_id, scopes: r.scopes };
});

await step("error_authenticate_read_only_token_for_write", async () =>
  client.m2m.authenticateToken({ access_token: state.readOnlyToken, required_scopes: ["write:users"] }));

await step("error_token_scope_not_the_clients", async () =>
  client.m2m.token({ client_id: state.clientId, client_secret: state.secret, scopes: ["admin"] }));

await step("error_token_wrong_secret", async () =>
  client.m2m.token({ client_id: state.clientId, client_secret: `${state.secret}-wrong` }));

// --- secret rotation --------------------------------------------------------------------------

await step("rotate_start", async () => {
  const r = await client.m2m.clients.secrets.rotateStart({ client_id: state.clientId });
  state.nextSecret = r.m2m_client.next_client_secret;
  return { status_code: r.status_code, next_client_secret_last_four: r.m2m_client.next_client_secret_last_four, next_last_four: state.nextSecret.slice(-4) };
});

await step("token_with_both_secrets_during_rotation", async () => {
  const old = await client.m2m.token({ client_id: state.clientId, client_secret: state.secret });
  const next = await client.m2m.token({ client_id: state.clientId, client_secret: state.nextSecret });
  return { old: old.token_type, next: next.token_type };
});

await step("rotate", async () => {
  const r = await client.m2m.clients.secrets.rotate({ client_id: state.clientId });
  return { status_code: r.status_code, client_secret_last_four: r.m2m_client.client_secret_last_four, next_last_four: state.nextSecret.slice(-4) };
});

await step("error_token_with_old_secret_after_rotation", async () =>
  client.m2m.token({ client_id: state.clientId, client_secret: state.secret }));

await step("error_rotate_cancel_not_rotating", async () => client.m2m.clients.secrets.rotateCancel({ client_id: state.clientId }));

// --- deactivation and deletion ----------------------------------------------------------------

await step("clients_deactivate", async () => {
  const r = await client.m2m.clients.update({ client_id: state.clientId, status: "inactive" });
  return { status: r.m2m_client.status };
});

await step("error_token_inactive_client", async () =>
  client.m2m.token({ client_id: state.clientId, client_secret: state.nextSecret }));

await step("authenticate_token_of_inactive_client", async () => {
  // Stytch: deactivating a client does not invalidate JWTs it was issued.
  const r = await client.m2m.authenticateToken({ access_token: state.accessToken });
  return { client_id: r.client_id };
});

await step("clients_delete", async () => {
  const r = await client.m2m.clients.delete({ client_id: state.clientId });
  return { status_code: r.status_code, client_id: r.client_id };
});

await step("error_clients_get_deleted", async () => client.m2m.clients.get({ client_id: state.clientId }));

// Last: every call above, as the fake's request log saw it.
await step("request_log", async () => ignoredFields(url, projectId));

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), project_id: projectId, steps }) + "\n");
