using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>Snapshot version 4: redirect URLs and every outbox message field round-trip; a version-3 file still loads.</summary>
public sealed class SnapshotV4WireTests : FakeWireTest
{
    private string SnapshotPath => $"/_fake/v1/projects/{Stytch.ProjectId}/snapshot";

    [Test]
    public async Task Snapshot_RedirectUrls_RoundTrip()
    {
        Stytch.RedirectUrls.Set([new("https://app.example/cb", RedirectUrlType.Login, true), new("https://app.example/join", RedirectUrlType.Invite)]);
        var snapshot = (await Client.GetAsync(SnapshotPath)).Text;
        Stytch.RedirectUrls.Restore();

        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot);

        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        Assert.That(Stytch.RedirectUrls.All, Is.EqualTo(new RedirectUrl[] { new("https://app.example/cb", RedirectUrlType.Login, true), new("https://app.example/join", RedirectUrlType.Invite) }));
    }

    [Test]
    public async Task Snapshot_LinkAndSmsMessages_RoundTripWithChannelPhoneTokenAndLink()
    {
        var link = OutboxWireTests.LinkMessage("ada@example.com", MessageKind.Invite) with { InviteTemplateId = "tpl-invite" };
        var sms = OutboxWireTests.SmsMessage("+15555550100");
        Stytch.DefaultProject.Store.Outbox.Add(link);
        Stytch.DefaultProject.Store.Outbox.Add(sms);
        var snapshot = (await Client.GetAsync(SnapshotPath)).Text;
        Stytch.Outbox.Clear();

        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot);

        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        Assert.That(Stytch.Outbox.All, Is.EqualTo(new[] { sms, link }));
    }

    [TestCase("redirect_urls", """[{"url":"/cb","type":"login","is_default":true}]""")]
    [TestCase("redirect_urls", """[{"url":"https://a.example/","type":"magic","is_default":true}]""")]
    [TestCase("redirect_urls", """[{"url":"https://a.example/","type":"login","is_default":true},{"url":"https://b.example/","type":"login","is_default":true}]""")]
    public async Task PutSnapshot_BadRedirectUrls_Is400AndChangesNothing(string field, string value)
    {
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot[field] = JsonNode.Parse(value);
        Stytch.RedirectUrls.Add("https://kept.example/", RedirectUrlType.Login, isDefault: false);
        var before = Stytch.RedirectUrls.All;

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(Stytch.RedirectUrls.All, Is.EqualTo(before));
    }

    [Test]
    public async Task PutSnapshot_AMessageOnAnUnknownChannel_Is400()
    {
        Stytch.DefaultProject.Store.Outbox.Add(OutboxWireTests.SmsMessage("+15555550100"));
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot["outbox"]![0]!["channel"] = "pigeon";

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response["error_message"], Does.Contain("pigeon"));
    }

    [Test]
    public async Task PutSnapshot_Version3File_LoadsWithAFreshProjectsRedirectUrlsAndEmailMessages()
    {
        await LoginOrCreateAsync("ada@example.com");
        var v3 = SnapshotLayouts.AsVersion4(JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject());
        v3["version"] = 3;
        v3.Remove("redirect_urls");
        foreach (var message in v3["outbox"]!.AsArray())
        {
            foreach (var field in new[] { "channel", "phone_number", "token", "link", "invite_template_id" })
            {
                message!.AsObject().Remove(field);
            }
        }

        Stytch.RedirectUrls.Set([]);

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, v3.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.RedirectUrls.All, Has.Count.EqualTo(5));
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Channel, Is.EqualTo(DeliveryChannel.Email));
    }
}
