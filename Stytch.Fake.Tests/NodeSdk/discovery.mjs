// Drives the B2B discovery and session exchange calls of Stytch's official Node SDK against a running Stytch.Fake
// server: a discovery email OTP (code from the outbox), the organizations it finds, an exchange of the intermediate
// session into one of them, a member session exchange into another, the member's sessions, and an organization
// created from a second discovery login. Prints { steps: { <name>: { ok, value } | { ok: false, error } } } like b2b.mjs.
//
//   URL=http://127.0.0.1:4010/ PROJECT_ID=project-test-... SECRET=secret-test-... node discovery.mjs

import stytch from "stytch";
import { latestMessage, sdkVersion, settings, stepRunner } from "./harness.mjs";

const { url, projectId, secret, origin } = settings("discovery.mjs");
const run = Date.now();
const ada = `ada-${run}@acme.io`;
const carol = `carol-${run}@globex.io`;
const client = new stytch.B2BClient({ project_id: projectId, secret, env: origin, timeout: 20_000 });
const { steps, step } = stepRunner();
const state = {};

async function organization(slug) {
  const r = await client.organizations.create({ organization_name: `Org ${slug}`, organization_slug: `${slug}-${run}` });
  return r.organization.organization_id;
}

async function discover(email) {
  await client.otps.email.discovery.send({ email_address: email });
  const { message } = await latestMessage(url, projectId, email);
  return { message, response: await client.otps.email.discovery.authenticate({ email_address: email, code: message.code }) };
}

function slugs(discovered) {
  return discovered.map((d) => ({ slug: d.organization.organization_slug.replace(`-${run}`, ""), type: d.membership.type }));
}

await step("setup", async () => {
  state.alpha = await organization("alpha");
  state.beta = await organization("beta");
  await client.organizations.create({ organization_name: "Gamma", organization_slug: `gamma-${run}` });
  await client.organizations.members.create({ organization_id: state.alpha, email_address: ada });
  await client.organizations.members.create({ organization_id: state.beta, email_address: ada });
  return { alpha: state.alpha, beta: state.beta };
});

await step("discovery_authenticate", async () => {
  const { message, response: r } = await discover(ada);
  state.ist = r.intermediate_session_token;
  return {
    status_code: r.status_code,
    kind: message.kind,
    email_address: r.email_address,
    intermediate_session_token_length: r.intermediate_session_token.length,
    discovered: slugs(r.discovered_organizations),
  };
});

await step("discovery_organizations_list", async () => {
  const r = await client.discovery.organizations.list({ intermediate_session_token: state.ist });
  return { status_code: r.status_code, email_address: r.email_address, discovered: slugs(r.discovered_organizations) };
});

await step("discovery_exchange", async () => {
  const r = await client.discovery.intermediateSessions.exchange({ intermediate_session_token: state.ist, organization_id: state.alpha });
  state.sessionToken = r.session_token;
  return {
    status_code: r.status_code,
    member_authenticated: r.member_authenticated,
    organization_id: r.organization.organization_id,
    session_token_length: r.session_token.length,
    factors: r.member_session.authentication_factors.map((f) => f.type),
    email_id: r.member_session.authentication_factors[0].email_factor.email_id,
  };
});

await step("sessions_exchange", async () => {
  const r = await client.sessions.exchange({ organization_id: state.beta, session_token: state.sessionToken });
  state.betaMemberId = r.member_id;
  return {
    status_code: r.status_code,
    member_authenticated: r.member_authenticated,
    member_id: r.member_id,
    session_organization_id: r.member_session.organization_id,
    email_id: r.member_session.authentication_factors[0].email_factor.email_id,
  };
});

await step("sessions_get", async () => {
  const r = await client.sessions.get({ organization_id: state.beta, member_id: state.betaMemberId });
  return { status_code: r.status_code, sessions: r.member_sessions.map((s) => ({ member_id: s.member_id, organization_id: s.organization_id })) };
});

await step("error_sessions_exchange_no_member", async () =>
  client.sessions.exchange({ organization_id: `gamma-${run}`, session_token: state.sessionToken }));

await step("discovery_organizations_create", async () => {
  const { response } = await discover(carol);
  const r = await client.discovery.organizations.create({ intermediate_session_token: response.intermediate_session_token, organization_name: "Globex", organization_slug: `globex-${run}` });
  return {
    status_code: r.status_code,
    member_authenticated: r.member_authenticated,
    organization_slug: r.organization.organization_slug.replace(`-${run}`, ""),
    member_status: r.member.status,
    roles: r.member.roles.map((role) => role.role_id),
  };
});

process.stdout.write(JSON.stringify({ sdk_version: sdkVersion(), project_id: projectId, steps }) + "\n");
