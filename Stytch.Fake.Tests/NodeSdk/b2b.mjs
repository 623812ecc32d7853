// Drives the B2B client of Stytch's official Node SDK (npm `stytch`, pinned in package.json) against a running
// Stytch.Fake server and prints one JSON object: { steps: { <name>: { ok, value } | { ok: false, error } } }.
// NodeSdkTests.cs starts the standalone server, runs this script and asserts on what it prints.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node b2b.mjs
//
// Every step runs even when an earlier one fails, so one run reports every mismatch at once.

import stytch from "stytch";
import { ignoredFields, latestMessage, otherCode, requestCount, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("b2b.mjs");
const run = Date.now();
const slug = `acme-${run}`;
const email = `ada-${run}@acme.io`;
const graceEmail = `grace.hopper-${run}@acme.io`;
const adminEmail = `boss-${run}@acme.io`;

// As in consumer.mjs: `env` is the base URL; the SDK warns on stderr about a non-Stytch env.
const client = new stytch.B2BClient({ project_id: projectId, secret, env: origin, timeout: 20_000 });

const { steps, step } = stepRunner();
const state = {};

// The back door: the newest message the fake "sent" to this address.
async function latestCode(address) {
  const { message, count } = await latestMessage(url, projectId, address);
  return { code: message.code, count, kind: message.kind, organization_id: message.organization_id, member_id: message.member_id };
}

function jwtPayload(jwt) {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
}

// --- the happy path ---------------------------------------------------------------------------

await step("organizations_create", async () => {
  const r = await client.organizations.create({ organization_name: "Acme Inc", organization_slug: slug });
  state.organizationId = r.organization.organization_id;
  return {
    status_code: r.status_code,
    request_id: r.request_id,
    organization_id: r.organization.organization_id,
    organization_slug: r.organization.organization_slug,
    organization_name: r.organization.organization_name,
    email_jit_provisioning: r.organization.email_jit_provisioning,
  };
});

await step("organizations_get", async () => {
  const r = await client.organizations.get({ organization_id: slug });
  return { status_code: r.status_code, organization_id: r.organization.organization_id };
});

await step("members_create", async () => {
  const r = await client.organizations.members.create({ organization_id: state.organizationId, email_address: email, name: "Ada Lovelace" });
  state.memberId = r.member_id;
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    status: r.member.status,
    email_address: r.member.email_address,
    name: r.member.name,
    email_address_verified: r.member.email_address_verified,
    organization_id: r.organization.organization_id,
  };
});

await step("login_or_signup", async () => {
  const r = await client.otps.email.loginOrSignup({ organization_id: state.organizationId, email_address: email });
  return { status_code: r.status_code, member_id: r.member_id, member_created: r.member_created, member_status: r.member.status };
});

await step("outbox", async () => {
  const m = await latestCode(email);
  state.code = m.code;
  return m;
});

await step("otp_authenticate", async () => {
  const r = await client.otps.email.authenticate({ organization_id: state.organizationId, email_address: email, code: state.code });
  state.sessionToken = r.session_token;
  state.sessionJwt = r.session_jwt;
  state.memberSessionId = r.member_session?.member_session_id;
  const claims = r.session_jwt ? jwtPayload(r.session_jwt) : {};
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    organization_id: r.organization_id,
    member_authenticated: r.member_authenticated,
    member_status: r.member?.status,
    email_address_verified: r.member?.email_address_verified,
    session_token_length: r.session_token?.length ?? 0,
    session_jwt_parts: r.session_jwt ? r.session_jwt.split(".").length : 0,
    member_session_id: r.member_session?.member_session_id,
    member_session_member_id: r.member_session?.member_id,
    member_session_organization_slug: r.member_session?.organization_slug,
    intermediate_session_token: r.intermediate_session_token,
    mfa_required: r.mfa_required ?? null,
    primary_required: r.primary_required ?? null,
    jwt_sub: claims.sub,
    jwt_iss: claims.iss,
    jwt_aud: claims.aud,
    jwt_organization_claim: claims["https://stytch.com/organization"] ?? null,
  };
});

await step("otp_authenticate_reused_code", async () => {
  const r = await client.otps.email.authenticate({ organization_id: state.organizationId, email_address: email, code: state.code });
  return { status_code: r.status_code };
});

await step("sessions_authenticate", async () => {
  const r = await client.sessions.authenticate({ session_token: state.sessionToken });
  return {
    status_code: r.status_code,
    member_session_id: r.member_session?.member_session_id,
    member_id: r.member?.member_id,
    organization_id: r.organization?.organization_id,
    session_token_same: r.session_token === state.sessionToken,
    session_jwt_parts: r.session_jwt ? r.session_jwt.split(".").length : 0,
  };
});

await step("sessions_authenticate_jwt", async () => {
  const r = await client.sessions.authenticateJwt({ session_jwt: state.sessionJwt });
  // Verified locally, the SDK answers { member_session, session_jwt } without a request_id; a remote fallback
  // (which it takes silently when local verification fails) carries status_code and request_id.
  const s = r.member_session;
  return {
    verified_locally: r.request_id === undefined,
    member_session_id: s?.member_session_id,
    member_id: s?.member_id,
    organization_id: s?.organization_id,
    organization_slug: s?.organization_slug,
    roles: s?.roles,
    factor_types: (s?.authentication_factors ?? []).map((f) => f.type),
    custom_claims: s?.custom_claims,
    started_at: s?.started_at,
    expires_at: s?.expires_at,
  };
});

await step("sessions_authenticate_jwt_remote", async () => {
  const r = await client.sessions.authenticateJwt({ session_jwt: state.sessionJwt, max_token_age_seconds: 0 });
  return {
    status_code: r.status_code,
    member_session_id: r.member_session?.member_session_id,
    organization_id: r.organization?.organization_id,
  };
});

// Local verification with an authorization_check: the SDK fetches the project's policy (/v1/b2b/rbac/policy) and the
// organization's (/v1/b2b/rbac/organizations/{id}) and checks the JWT's roles itself. When that check fails it falls
// back to /v1/b2b/sessions/authenticate, which checks again and answers 403.
const remoteAuthenticate = () => requestCount(url, projectId, "POST", "/v1/b2b/sessions/authenticate");

await step("sessions_authenticate_jwt_authorization_check", async () => {
  const before = await remoteAuthenticate();
  const r = await client.sessions.authenticateJwt({
    session_jwt: state.sessionJwt,
    authorization_check: { organization_id: state.organizationId, resource_id: "stytch.self", action: "update.info.name" },
  });
  return {
    member_session_id: r.member_session?.member_session_id,
    roles: r.member_session?.roles,
    remote_calls: (await remoteAuthenticate()) - before,
    policy_fetched: (await requestCount(url, projectId, "GET", "/v1/b2b/rbac/policy")) > 0,
    org_policy_fetched: (await requestCount(url, projectId, "GET", `/v1/b2b/rbac/organizations/${state.organizationId}`)) > 0,
  };
});

await step("sessions_authenticate_jwt_authorization_check_member_refused", async () =>
  client.sessions.authenticateJwt({
    session_jwt: state.sessionJwt,
    authorization_check: { organization_id: state.organizationId, resource_id: "stytch.organization", action: "update.info.name" },
  }));

await step("sessions_authenticate_jwt_authorization_check_admin", async () => {
  await client.organizations.members.create({ organization_id: state.organizationId, email_address: adminEmail, roles: ["stytch_admin"] });
  await client.otps.email.loginOrSignup({ organization_id: state.organizationId, email_address: adminEmail });
  const { code } = await latestCode(adminEmail);
  const login = await client.otps.email.authenticate({ organization_id: state.organizationId, email_address: adminEmail, code });
  state.adminSessionToken = login.session_token;
  state.adminMemberId = login.member_id;
  const before = await remoteAuthenticate();
  const r = await client.sessions.authenticateJwt({
    session_jwt: login.session_jwt,
    authorization_check: { organization_id: state.organizationId, resource_id: "stytch.organization", action: "update.info.name" },
  });
  return { roles: r.member_session?.roles, remote_calls: (await remoteAuthenticate()) - before };
});

await step("organizations_update_as_member_refused", async () =>
  client.organizations.update({ organization_id: state.organizationId, organization_name: "Taken over" }, { authorization: { session_token: state.sessionToken } }));

await step("organizations_update_as_admin", async () => {
  const r = await client.organizations.update(
    { organization_id: state.organizationId, organization_name: "Acme Inc" }, { authorization: { session_token: state.adminSessionToken } });
  // The admin goes again, so that the member steps below see the one member they expect.
  await client.organizations.members.delete({ organization_id: state.organizationId, member_id: state.adminMemberId });
  return { status_code: r.status_code, organization_name: r.organization.organization_name };
});

await step("sessions_get_jwks", async () => {
  const r = await client.sessions.getJWKS({ project_id: projectId });
  return { status_code: r.status_code, keys: r.keys.map((k) => ({ kty: k.kty, alg: k.alg, use: k.use, has_kid: Boolean(k.kid) })) };
});

await step("members_get", async () => {
  const r = await client.organizations.members.get({ organization_id: state.organizationId, member_id: state.memberId });
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    status: r.member.status,
    email_address_verified: r.member.email_address_verified,
    organization_id: r.organization.organization_id,
  };
});

await step("members_get_by_email", async () => {
  const r = await client.organizations.members.get({ organization_id: slug, email_address: email });
  return { status_code: r.status_code, member_id: r.member_id };
});

await step("sessions_revoke", async () => {
  const r = await client.sessions.revoke({ session_token: state.sessionToken });
  return { status_code: r.status_code };
});

await step("sessions_authenticate_after_revoke", async () => {
  const r = await client.sessions.authenticate({ session_token: state.sessionToken });
  return { status_code: r.status_code };
});

// --- email magic links: a link from the outbox logs the member in; an invite makes an invited member active ----

const linkEmail = `lin-${run}@acme.io`;
const inviteEmail = `ivy-${run}@elsewhere.io`;

// The back door: the token and link of the newest message to this address.
async function latestLink(address) {
  const { message } = await latestMessage(url, projectId, address);
  return { token: message.token, link: message.link, kind: message.kind, organization_id: message.organization_id, member_id: message.member_id };
}

await step("magic_links_login_or_signup", async () => {
  // An organization of its own that JIT provisions acme.io addresses and lets anyone be invited.
  const o = await client.organizations.create({
    organization_name: "Acme Links", organization_slug: `${slug}-links`,
    email_jit_provisioning: "RESTRICTED", email_allowed_domains: ["acme.io"], email_invites: "ALL_ALLOWED",
  });
  state.linkOrganizationId = o.organization.organization_id;
  const r = await client.magicLinks.email.loginOrSignup({ organization_id: state.linkOrganizationId, email_address: linkEmail });
  state.linkMemberId = r.member_id;
  return { status_code: r.status_code, member_id: r.member_id, member_created: r.member_created, member_status: r.member.status };
});

await step("magic_links_outbox", async () => {
  const m = await latestLink(linkEmail);
  state.linkToken = m.token;
  return m;
});

await step("magic_links_authenticate", async () => {
  const r = await client.magicLinks.authenticate({ magic_links_token: state.linkToken, session_duration_minutes: 30 });
  state.linkSessionToken = r.session_token;
  const s = r.member_session;
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    organization_id: r.organization_id,
    member_authenticated: r.member_authenticated,
    member_status: r.member?.status,
    session_token_length: r.session_token?.length ?? 0,
    session_jwt_parts: r.session_jwt ? r.session_jwt.split(".").length : 0,
    member_session_member_id: s?.member_id,
    factors: (s?.authentication_factors ?? []).map((f) => ({ type: f.type, delivery_method: f.delivery_method, email_address: f.email_factor?.email_address })),
    session_minutes: s ? (Date.parse(s.expires_at) - Date.parse(s.started_at)) / 60_000 : null,
  };
});

await step("magic_links_session_authenticate", async () => {
  const r = await client.sessions.authenticate({ session_token: state.linkSessionToken });
  return { status_code: r.status_code, member_id: r.member?.member_id };
});

await step("magic_links_authenticate_reused_token", async () => client.magicLinks.authenticate({ magic_links_token: state.linkToken }));

await step("magic_links_invite", async () => {
  const r = await client.magicLinks.email.invite({
    organization_id: state.linkOrganizationId,
    email_address: inviteEmail,
    invited_by_member_id: state.linkMemberId,
    name: "Ivy Invitee",
    untrusted_metadata: { source: "invite" },
    roles: ["stytch_admin"],
  });
  state.inviteMemberId = r.member_id;
  return { status_code: r.status_code, member_id: r.member_id, member_status: r.member.status, name: r.member.name, role_ids: r.member.roles.map((role) => role.role_id) };
});

await step("magic_links_invite_authenticate", async () => {
  const m = await latestLink(inviteEmail);
  const r = await client.magicLinks.authenticate({ magic_links_token: m.token });
  return { kind: m.kind, status_code: r.status_code, member_id: r.member_id, member_status: r.member?.status, member_authenticated: r.member_authenticated };
});

await step("magic_links_invite_active_member", async () =>
  client.magicLinks.email.invite({ organization_id: state.linkOrganizationId, email_address: inviteEmail }));

// --- errors the SDK must surface as its typed StytchError ----------------------------------------

await step("error_unknown_organization", async () =>
  client.otps.email.loginOrSignup({ organization_id: "organization-test-00000000-0000-4000-8000-000000000000", email_address: email }));

await step("error_jit_not_allowed", async () =>
  client.otps.email.loginOrSignup({ organization_id: state.organizationId, email_address: `grace-${run}@acme.io` }));

await step("error_wrong_code", async () => {
  await client.otps.email.loginOrSignup({ organization_id: state.organizationId, email_address: email });
  const { code } = await latestCode(email);
  return await client.otps.email.authenticate({ organization_id: state.organizationId, email_address: email, code: otherCode(code) });
});

await step("error_member_not_found", async () =>
  client.organizations.members.get({ organization_id: state.organizationId, email_address: `nobody-${run}@acme.io` }));

// --- the rest of the organization and member management the SDK offers ----------------------------

await step("organizations_update", async () => {
  const r = await client.organizations.update({ organization_id: state.organizationId, organization_name: "Acme Corp", email_allowed_domains: ["acme.io"] });
  return { status_code: r.status_code, organization_name: r.organization.organization_name, email_allowed_domains: r.organization.email_allowed_domains };
});

await step("organizations_search", async () => {
  const r = await client.organizations.search({
    limit: 10,
    query: { operator: "AND", operands: [{ filter_name: "organization_slugs", filter_value: [slug] }] },
  });
  return { status_code: r.status_code, organization_ids: r.organizations.map((o) => o.organization_id), total: r.results_metadata.total, next_cursor: r.results_metadata.next_cursor };
});

await step("members_update", async () => {
  const r = await client.organizations.members.update({ organization_id: state.organizationId, member_id: state.memberId, name: "Ada King", untrusted_metadata: { theme: "dark" } });
  return { status_code: r.status_code, name: r.member.name, untrusted_metadata: r.member.untrusted_metadata };
});

await step("members_search", async () => {
  const r = await client.organizations.members.search({ organization_ids: [state.organizationId], limit: 10 });
  return {
    status_code: r.status_code,
    member_ids: r.members.map((m) => m.member_id),
    total: r.results_metadata.total,
    next_cursor: r.results_metadata.next_cursor,
    organization_ids: Object.keys(r.organizations),
  };
});

// Every field the SDK's create and update calls take, then the errors they surface.

await step("organizations_update_settings", async () => {
  const r = await client.organizations.update({
    organization_id: state.organizationId,
    trusted_metadata: { plan: "gold" },
    email_jit_provisioning: "RESTRICTED",
    email_invites: "ALL_ALLOWED",
    mfa_policy: "OPTIONAL",
    rbac_email_implicit_role_assignments: [{ domain: "acme-partners.io", role_id: "stytch_admin" }],
  });
  const o = r.organization;
  return {
    status_code: r.status_code,
    organization_name: o.organization_name,
    trusted_metadata: o.trusted_metadata,
    email_jit_provisioning: o.email_jit_provisioning,
    email_invites: o.email_invites,
    mfa_policy: o.mfa_policy,
    rbac_email_implicit_role_assignments: o.rbac_email_implicit_role_assignments,
  };
});

await step("members_create_every_field", async () => {
  const r = await client.organizations.members.create({
    organization_id: state.organizationId,
    email_address: `grace-${run}@acme.io`,
    name: "Grace Hopper",
    trusted_metadata: { tier: 1 },
    untrusted_metadata: { theme: "dark" },
    create_member_as_pending: true,
    is_breakglass: true,
    mfa_enrolled: false,
    roles: ["stytch_admin"],
    external_id: `grace-${run}`,
  });
  state.graceId = r.member_id;
  const m = r.member;
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    status: m.status,
    name: m.name,
    trusted_metadata: m.trusted_metadata,
    untrusted_metadata: m.untrusted_metadata,
    is_breakglass: m.is_breakglass,
    external_id: m.external_id,
    role_ids: m.roles.map((role) => role.role_id),
  };
});

await step("members_update_every_field", async () => {
  const r = await client.organizations.members.update({
    organization_id: state.organizationId,
    member_id: state.graceId,
    name: "Grace B. Hopper",
    trusted_metadata: { tier: 2 },
    untrusted_metadata: { theme: "light" },
    is_breakglass: false,
    roles: [],
    preserve_existing_sessions: true,
    email_address: graceEmail,
    external_id: `grace-2-${run}`,
  });
  const m = r.member;
  return {
    status_code: r.status_code,
    member_id: r.member_id,
    name: m.name,
    email_address: m.email_address,
    trusted_metadata: m.trusted_metadata,
    untrusted_metadata: m.untrusted_metadata,
    is_breakglass: m.is_breakglass,
    external_id: m.external_id,
    role_ids: m.roles.map((role) => role.role_id),
  };
});

await step("error_members_create_duplicate_email", async () =>
  client.organizations.members.create({ organization_id: state.organizationId, email_address: email }));

await step("error_members_update_unknown_member", async () =>
  client.organizations.members.update({ organization_id: state.organizationId, member_id: "member-test-00000000-0000-4000-8000-000000000000", name: "Nobody" }));

await step("error_organizations_update_unknown_organization", async () =>
  client.organizations.update({ organization_id: "organization-test-00000000-0000-4000-8000-000000000000", organization_name: "Nobody" }));

await step("members_delete", async () => {
  const r = await client.organizations.members.delete({ organization_id: state.organizationId, member_id: state.memberId });
  return { status_code: r.status_code, member_id: r.member_id };
});

await step("organizations_delete", async () => {
  const r = await client.organizations.delete({ organization_id: state.organizationId });
  return { status_code: r.status_code, organization_id: r.organization_id };
});

await step("organizations_get_after_delete", async () => client.organizations.get({ organization_id: state.organizationId }));

// Last: every call above, as the fake's request log saw it.
await step("request_log", async () => ignoredFields(url, projectId));

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), email, grace_email: graceEmail, link_email: linkEmail, invite_email: inviteEmail, slug, steps }) + "\n");
