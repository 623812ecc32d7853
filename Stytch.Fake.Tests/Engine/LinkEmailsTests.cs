using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>Links sent by email: the token issued as a one-time secret of its own, and the message that carries it.</summary>
public sealed class LinkEmailsTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static ProjectStore NewStore(int? seed = null) =>
        new(new ProjectSettings("project-test-00000000-0000-4000-8000-000000000001", false, seed), new StytchClock(new FakeTimeProvider(Now)));

    private static LinkEmail Email(MessageKind kind = MessageKind.Login) =>
        new("ada@example.com", "email-test-00000000-0000-4000-8000-000000000002", kind, "es", "https://app.example/auth?from=mail", "magic_links")
        {
            LoginTemplateId = "login-tpl",
            SignupTemplateId = "",
            InviteTemplateId = "invite-tpl",
            UserId = "user-test-00000000-0000-4000-8000-000000000003",
        };

    [Test]
    public void SendLink_IssuesATokenKeyedByItselfWithItsPayloadAndLifetime()
    {
        var store = NewStore();

        var secret = store.SendLink("magic_link", TimeSpan.FromMinutes(60), Email(), Now, payload: "the payload");

        var found = store.Secrets.Find(new SecretKey("magic_link", secret.Value));
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(secret));
            Assert.That(found!.Payload, Is.EqualTo("the payload"));
            Assert.That(found.ExpiresAt, Is.EqualTo(Now.AddMinutes(60)));
            Assert.That(secret.Value, Does.Match("^[A-Za-z0-9_-]{44}$"));
        });
    }

    [Test]
    public void SendLink_PutsTheTokenAndItsLinkInTheOutbox()
    {
        var store = NewStore();

        var secret = store.SendLink("magic_link", TimeSpan.FromMinutes(60), Email(MessageKind.Invite), Now);

        var message = store.Outbox.LatestFor("ada@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(message.Token, Is.EqualTo(secret.Value));
            Assert.That(message.Code, Is.Empty);
            Assert.That(message.Link, Is.EqualTo($"https://app.example/auth?from=mail&stytch_token_type=magic_links&token={secret.Value}"));
            Assert.That(message.Kind, Is.EqualTo(MessageKind.Invite));
            Assert.That(message.Channel, Is.EqualTo(DeliveryChannel.Email));
            Assert.That(message.MethodId, Is.EqualTo("email-test-00000000-0000-4000-8000-000000000002"));
            Assert.That(message.UserId, Is.EqualTo("user-test-00000000-0000-4000-8000-000000000003"));
            Assert.That(message.Locale, Is.EqualTo("es"));
            Assert.That(message.LoginTemplateId, Is.EqualTo("login-tpl"));
            Assert.That(message.SignupTemplateId, Is.Null, "an empty template id is none");
            Assert.That(message.InviteTemplateId, Is.EqualTo("invite-tpl"));
            Assert.That(message.ExpiresAt, Is.EqualTo(Now.AddMinutes(60)));
        });
    }

    [Test]
    public void SendLink_Twice_LeavesBothTokensValid()
    {
        var store = NewStore();

        var first = store.SendLink("magic_link", TimeSpan.FromMinutes(60), Email(), Now);
        var second = store.SendLink("magic_link", TimeSpan.FromMinutes(60), Email(), Now);

        Assert.That(second.Value, Is.Not.EqualTo(first.Value));
        Assert.That(store.Secrets.Consume(new SecretKey("magic_link", first.Value), first.Value, Now), Is.EqualTo(SecretUse.Consumed));
        Assert.That(store.Secrets.Consume(new SecretKey("magic_link", second.Value), second.Value, Now), Is.EqualTo(SecretUse.Consumed));
    }

    [Test]
    public void SendLink_SameSeed_SameTokens()
    {
        var a = NewStore(seed: 7).SendLink("magic_link", TimeSpan.FromMinutes(5), Email(), Now);
        var b = NewStore(seed: 7).SendLink("magic_link", TimeSpan.FromMinutes(5), Email(), Now);

        Assert.That(b.Value, Is.EqualTo(a.Value));
    }
}
