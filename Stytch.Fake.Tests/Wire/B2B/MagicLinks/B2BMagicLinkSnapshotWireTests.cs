using System.Text.Json;
using System.Text.Json.Nodes;
using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.B2B.MagicLinks;

/// <summary>B2B magic-link tokens in snapshots: exported with the member they log in, and usable (or spent) after an import.</summary>
public sealed class B2BMagicLinkSnapshotWireTests : FakeWireTest
{
    private const string Verifier = "a-verifier-of-forty-three-characters-or-more-1234";

    private static string SnapshotPath(string projectId) => $"/_fake/v1/projects/{projectId}/snapshot";

    private async Task<string> SendLinkAsync(object? extra = null)
    {
        var org = Stytch.DefaultProject.Seed.Organization(o => o.Name("Acme").Slug("acme").JitDomains("acme.io"));
        var body = new JsonObject { ["organization_id"] = org.OrganizationId, ["email_address"] = "ada@acme.io" };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject().ToList())
            {
                body[key] = value?.DeepClone();
            }
        }

        var sent = await Client.PostAsync("/v1/b2b/magic_links/email/login_or_signup", body);
        Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
        return Stytch.Outbox.LatestFor("ada@acme.io").Token!;
    }

    private async Task<StytchFakeProject> CopyIntoANewProjectAsync()
    {
        var exported = await Client.GetAsync(SnapshotPath(Stytch.ProjectId));
        var other = Stytch.CreateProject();
        var imported = await Client.SendAsync(HttpMethod.Put, SnapshotPath(other.ProjectId), exported.Text);
        Assert.That(imported.Status, Is.EqualTo(200), imported.Text);
        return other;
    }

    [Test]
    public async Task Snapshot_SentLink_AuthenticatesItsMemberInTheProjectItWasLoadedInto()
    {
        var token = await SendLinkAsync(new { pkce_code_challenge = Pkce.ChallengeOf(Verifier) });

        var other = await CopyIntoANewProjectAsync();
        using var client = new WireClient(Stytch, other);
        var withoutVerifier = await client.PostAsync("/v1/b2b/magic_links/authenticate", new { magic_links_token = token });
        var response = await client.PostAsync("/v1/b2b/magic_links/authenticate", new { magic_links_token = token, pkce_code_verifier = Verifier });

        Assert.That(withoutVerifier.ErrorType, Is.EqualTo("pkce_expected_code_verifier"), "the PKCE challenge travels with the token");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["member_id"], Is.EqualTo(other.B2B.Members.All.Single().MemberId));
    }

    [Test]
    public async Task Snapshot_UsedLink_StaysUsed()
    {
        var token = await SendLinkAsync();
        var used = await Client.PostAsync("/v1/b2b/magic_links/authenticate", new { magic_links_token = token });
        Assert.That(used.Status, Is.EqualTo(200), used.Text);

        using var client = new WireClient(Stytch, await CopyIntoANewProjectAsync());
        var response = await client.PostAsync("/v1/b2b/magic_links/authenticate", new { magic_links_token = token });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unable_to_auth_magic_link")));
    }

    [Test]
    public async Task Snapshot_LinkOfAnUnknownMember_IsRefusedAndChangesNothing()
    {
        await SendLinkAsync();
        var exported = await Client.GetAsync(SnapshotPath(Stytch.ProjectId));
        var document = exported.Json;
        document["b2b"]!["magic_links"]![0]!["member_id"] = "member-test-00000000-0000-4000-8000-000000000000";
        var other = Stytch.CreateProject();

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath(other.ProjectId), document.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
        Assert.That(other.B2B.Organizations.All, Is.Empty);
    }
}
