// Drives Stytch's official Node SDK (npm `stytch`, pinned in package.json) against a running
// Stytch.Fake server and prints one JSON object: { steps: { <name>: { ok, value } | { ok: false, error } } }.
// NodeSdkTests.cs starts the standalone server, runs this script and asserts on what it prints.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node consumer.mjs
//
// Every step runs even when an earlier one fails, so one run reports every mismatch at once.

import { createHash, randomBytes } from "node:crypto";
import stytch from "stytch";
import { ignoredFields, latestMessage, otherCode, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("consumer.mjs");
const email = `node-sdk-${Date.now()}@example.com`;

// The SDK takes `env` as its base URL (a path prefix would be dropped by its absolute /v1/ paths).
// It warns on stderr about a non-Stytch env; that is expected here.
const client = new stytch.Client({ project_id: projectId, secret, env: origin, timeout: 20_000 });
const wrongSecret = new stytch.Client({ project_id: projectId, secret: `${secret}-wrong`, env: origin, timeout: 20_000 });

const { steps, step } = stepRunner();
const state = {};

async function latestCode(address) {
  const { message, count } = await latestMessage(url, projectId, address);
  return { code: message.code, count, method_id: message.method_id };
}

async function backDoor(method, path, body) {
  const target = new URL(`_fake/v1/projects/${encodeURIComponent(projectId)}/${path}`, url.endsWith("/") ? url : `${url}/`);
  const response = await fetch(target, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status !== 200) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }

  return await response.json();
}

// --- the happy path ---------------------------------------------------------------------------

await step("login_or_create", async () => {
  const r = await client.otps.email.loginOrCreate({ email });
  state.userId = r.user_id;
  state.emailId = r.email_id;
  return { status_code: r.status_code, request_id: r.request_id, user_id: r.user_id, email_id: r.email_id, user_created: r.user_created };
});

await step("outbox", async () => {
  const m = await latestCode(email);
  state.code = m.code;
  return m;
});

await step("otp_authenticate", async () => {
  const r = await client.otps.authenticate({ method_id: state.emailId, code: state.code, session_duration_minutes: 60 });
  state.sessionToken = r.session_token;
  state.sessionJwt = r.session_jwt;
  state.sessionId = r.session?.session_id;
  return {
    status_code: r.status_code,
    user_id: r.user_id,
    method_id: r.method_id,
    session_token_length: r.session_token?.length ?? 0,
    session_jwt_parts: r.session_jwt ? r.session_jwt.split(".").length : 0,
    session_id: r.session?.session_id,
    session_user_id: r.session?.user_id,
    user_status: r.user?.status,
    email_verified: r.user?.emails?.[0]?.verified,
  };
});

await step("otp_authenticate_reused_code", async () => {
  const r = await client.otps.authenticate({ method_id: state.emailId, code: state.code });
  return { status_code: r.status_code };
});

await step("sessions_authenticate", async () => {
  const r = await client.sessions.authenticate({ session_token: state.sessionToken });
  return {
    status_code: r.status_code,
    session_id: r.session?.session_id,
    user_id: r.user?.user_id,
    session_token_same: r.session_token === state.sessionToken,
    session_jwt_parts: r.session_jwt ? r.session_jwt.split(".").length : 0,
  };
});

await step("sessions_authenticate_jwt_local", async () => {
  const s = await client.sessions.authenticateJwtLocal({ session_jwt: state.sessionJwt });
  return {
    session_id: s.session_id,
    user_id: s.user_id,
    roles: s.roles,
    expires_at: s.expires_at,
    started_at: s.started_at,
    factor_types: (s.authentication_factors ?? []).map((f) => f.type),
    custom_claims: s.custom_claims,
  };
});

await step("sessions_authenticate_jwt", async () => {
  const r = await client.sessions.authenticateJwt({ session_jwt: state.sessionJwt });
  // Verified locally, the SDK answers { session, session_jwt } without a request_id; a remote
  // fallback (which it takes silently when local verification fails) carries status_code and request_id.
  return { verified_locally: r.request_id === undefined, session_id: r.session?.session_id, user_id: r.session?.user_id };
});

await step("sessions_authenticate_jwt_remote", async () => {
  const r = await client.sessions.authenticateJwt({ session_jwt: state.sessionJwt, max_token_age_seconds: 0 });
  return { status_code: r.status_code, session_id: r.session?.session_id, user_id: r.user?.user_id };
});

await step("sessions_authenticate_jwt_local_tampered", async () => {
  const [header, payload, signature] = state.sessionJwt.split(".");
  const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
  return await client.sessions.authenticateJwtLocal({ session_jwt: `${header}.${payload}.${flipped}` });
});

await step("sessions_get", async () => {
  const r = await client.sessions.get({ user_id: state.userId });
  return { status_code: r.status_code, session_ids: r.sessions.map((s) => s.session_id) };
});

await step("users_get", async () => {
  const r = await client.users.get({ user_id: state.userId });
  return { status_code: r.status_code, user_id: r.user_id, status: r.status, emails: r.emails?.map((e) => e.email), verified: r.emails?.[0]?.verified };
});

await step("login_or_create_again", async () => {
  const r = await client.otps.email.loginOrCreate({ email });
  return { status_code: r.status_code, user_id: r.user_id, user_created: r.user_created };
});

await step("send_existing", async () => {
  const r = await client.otps.email.send({ email });
  return { status_code: r.status_code, user_id: r.user_id, email_id: r.email_id };
});

await step("sessions_revoke", async () => {
  const r = await client.sessions.revoke({ session_token: state.sessionToken });
  return { status_code: r.status_code };
});

await step("sessions_authenticate_after_revoke", async () => {
  const r = await client.sessions.authenticate({ session_token: state.sessionToken });
  return { status_code: r.status_code };
});

await step("sessions_authenticate_jwt_remote_after_revoke", async () => {
  const r = await client.sessions.authenticateJwt({ session_jwt: state.sessionJwt, max_token_age_seconds: 0 });
  return { status_code: r.status_code };
});

await step("sessions_get_jwks", async () => {
  const r = await client.sessions.getJWKS({ project_id: projectId });
  return {
    status_code: r.status_code,
    keys: r.keys.map((k) => ({ kty: k.kty, alg: k.alg, use: k.use, key_ops: k.key_ops, has_kid: Boolean(k.kid), x5c: k.x5c?.length ?? 0 })),
  };
});

// --- errors the SDK must surface as its typed StytchError ----------------------------------------

await step("error_invalid_email", async () => client.otps.email.loginOrCreate({ email: "not-an-email" }));

await step("error_wrong_secret", async () => wrongSecret.users.get({ user_id: state.userId }));

await step("error_wrong_code", async () => {
  const { code } = await latestCode(email);
  return await client.otps.authenticate({ method_id: state.emailId, code: otherCode(code) });
});

await step("error_send_unknown_email", async () => client.otps.email.send({ email: `nobody-${Date.now()}@example.com` }));

await step("error_user_not_found", async () =>
  client.users.get({ user_id: "user-test-00000000-0000-4000-8000-000000000000" }));

await step("error_invalid_project_id", async () => {
  const bad = new stytch.Client({ project_id: "not-a-project-id", secret, env: origin, timeout: 20_000 });
  return await bad.users.get({ user_id: state.userId });
});

await step("users_delete", async () => {
  const r = await client.users.delete({ user_id: state.userId });
  return { status_code: r.status_code, user_id: r.user_id };
});

await step("users_get_after_delete", async () => client.users.get({ user_id: state.userId }));

// --- custom claims: on the session the SDK returns and in the JWT it verifies locally -----------------

await step("otp_authenticate_custom_claims", async () => {
  const third = `node-sdk-claims-${Date.now()}@example.com`;
  const sent = await client.otps.email.loginOrCreate({ email: third });
  const { code } = await latestCode(third);
  const r = await client.otps.authenticate({
    method_id: sent.email_id,
    code,
    session_duration_minutes: 60,
    session_custom_claims: { plan: "pro", org: { id: 7, roles: ["admin"] } },
  });
  const local = await client.sessions.authenticateJwtLocal({ session_jwt: r.session_jwt });
  return { session_custom_claims: r.session?.custom_claims, jwt_custom_claims: local.custom_claims, jwt_session_id: local.session_id, session_id: r.session?.session_id };
});

// --- email magic links: the token from the outbox, then authenticate with a session -----------------------

const linkEmail = `node-sdk-link-${Date.now()}@example.com`;

await step("magic_link_login_or_create", async () => {
  const r = await client.magicLinks.email.loginOrCreate({ email: linkEmail, signup_expiration_minutes: 30 });
  state.linkUserId = r.user_id;
  state.linkEmailId = r.email_id;
  return { status_code: r.status_code, user_id: r.user_id, email_id: r.email_id, user_created: r.user_created };
});

await step("magic_link_outbox", async () => {
  const { message } = await latestMessage(url, projectId, linkEmail);
  state.linkToken = message.token;
  return { kind: message.kind, code: message.code, token_length: message.token?.length ?? 0, link: message.link, token: message.token };
});

await step("magic_link_authenticate", async () => {
  const r = await client.magicLinks.authenticate({ token: state.linkToken, session_duration_minutes: 60 });
  state.linkJwt = r.session_jwt;
  const factor = r.session?.authentication_factors?.[0];
  return {
    status_code: r.status_code,
    user_id: r.user_id,
    method_id: r.method_id,
    session_id: r.session?.session_id,
    session_token_length: r.session_token?.length ?? 0,
    factor: { type: factor?.type, delivery_method: factor?.delivery_method, email_address: factor?.email_factor?.email_address },
    email_verified: r.user?.emails?.[0]?.verified,
  };
});

await step("magic_link_jwt_local", async () => {
  const s = await client.sessions.authenticateJwtLocal({ session_jwt: state.linkJwt });
  return { session_id: s.session_id, user_id: s.user_id, factor_types: (s.authentication_factors ?? []).map((f) => f.type) };
});

await step("magic_link_authenticate_reused", async () => client.magicLinks.authenticate({ token: state.linkToken }));

await step("magic_link_pkce", async () => {
  // PKCE as Stytch's SDKs make it: a random verifier, and its base64url SHA-256 as the challenge.
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  await client.magicLinks.email.send({ email: linkEmail, code_challenge: challenge });
  const { message } = await latestMessage(url, projectId, linkEmail);
  const r = await client.magicLinks.authenticate({ token: message.token, code_verifier: verifier });
  return { status_code: r.status_code, user_id: r.user_id, kind: message.kind };
});

await step("magic_link_invite_and_revoke", async () => {
  const invited = `node-sdk-invite-${Date.now()}@example.com`;
  const sent = await client.magicLinks.email.invite({ email: invited, name: { first_name: "Ada" } });
  const { message } = await latestMessage(url, projectId, invited);
  const revoked = await client.magicLinks.email.revokeInvite({ email: invited });
  return { invite_status_code: sent.status_code, kind: message.kind, revoke_status_code: revoked.status_code };
});

await step("magic_link_create_embeddable", async () => {
  const created = await client.magicLinks.create({ user_id: state.linkUserId });
  const r = await client.magicLinks.authenticate({ token: created.token });
  return { status_code: created.status_code, token_length: created.token?.length ?? 0, authenticated_user_id: r.user_id };
});

await step("magic_link_sandbox", async () => {
  const r = await client.magicLinks.authenticate({ token: "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=" });
  return { status_code: r.status_code, user_id: r.user_id };
});

await step("error_magic_link_not_found", async () =>
  client.magicLinks.authenticate({ token: "CprTtwhnRNiMBiUS2jSLcWYrfuO2POeBNdo5HhW6qTM=" }));

// --- the project clock: JWT times follow it, so local verification needs current_date once it moved ----------

await step("clock_moved_jwt_local_without_current_date", async () => {
  const second = `node-sdk-clock-${Date.now()}@example.com`;
  const sent = await client.otps.email.loginOrCreate({ email: second });
  const { code } = await latestCode(second);
  const auth = await client.otps.authenticate({ method_id: sent.email_id, code, session_duration_minutes: 120 });
  await backDoor("POST", "clock/advance", { seconds: 3600 });
  // The old JWT has expired on the project clock; the session has not, so Stytch answers with a fresh JWT.
  const refreshed = await client.sessions.authenticate({ session_jwt: auth.session_jwt });
  state.clockSessionId = auth.session.session_id;
  state.clockJwt = refreshed.session_jwt;
  return await client.sessions.authenticateJwtLocal({ session_jwt: state.clockJwt });
});

await step("clock_moved_jwt_local_with_current_date", async () => {
  const sessionJwt = state.clockJwt;
  // README:node-clock:begin
  // The fake stamps iat, nbf and exp from the project's clock; once a test has moved that clock, verify
  // against it: authenticateJwtLocal compares the claims with current_date (by default new Date()).
  const clock = await fetch(new URL(`_fake/v1/projects/${projectId}/clock`, url)).then((r) => r.json());
  const session = await client.sessions.authenticateJwtLocal({
    session_jwt: sessionJwt,
    current_date: new Date(clock.now),
  });
  // README:node-clock:end
  return { session_id: session.session_id, expected_session_id: state.clockSessionId, clock_now: clock.now };
});

await step("clock_moved_jwt_without_current_date", async () => {
  // authenticateJwt takes no current_date: its local check fails on the wall clock and it quietly asks Stytch instead.
  const r = await client.sessions.authenticateJwt({ session_jwt: state.clockJwt });
  return { verified_locally: r.request_id === undefined, status_code: r.status_code, session_id: r.session?.session_id };
});

await step("clock_moved_jwt_local_max_token_age", async () => {
  // max_token_age_seconds is measured from iat to current_date: two project minutes later, a 60-second limit refuses the JWT.
  await backDoor("POST", "clock/advance", { seconds: 120 });
  const now = new Date((await backDoor("GET", "clock")).now);
  return await client.sessions.authenticateJwtLocal({ session_jwt: state.clockJwt, current_date: now, max_token_age_seconds: 60 });
});

// Last: every call above, as the fake's request log saw it.
await step("request_log", async () => ignoredFields(url, projectId));

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), email, steps }) + "\n");
