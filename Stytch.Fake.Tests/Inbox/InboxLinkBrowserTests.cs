using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stytch.Fake.Tests.Inbox;

/// <summary>Link messages (magic links, invites) in the web inbox: shown as links that open in a new tab.</summary>
public sealed partial class InboxBrowserTests
{
    /// <summary>Puts a link message in the outbox whose link is a page of the fake itself, so a browser can open it.</summary>
    private OutboxMessage SendLink(string email, string token)
    {
        var now = Stytch.Clock.Now;
        var message = new OutboxMessage
        {
            MessageId = "message-test-" + token,
            EmailAddress = email,
            Token = token,
            Link = new Uri(Stytch.Url, $"_fake/v1/health?stytch_token_type=magic_links&token={token}").ToString(),
            MethodId = "email-test-00000000-0000-4000-8000-000000000001",
            Kind = MessageKind.Login,
            SentAt = now,
            ExpiresAt = now.AddHours(1),
        };
        Stytch.DefaultProject.Store.Outbox.Add(message);
        return message;
    }

    [Test]
    public async Task Outbox_LinkMessage_ShowsTheLinkAsALinkInsteadOfACode()
    {
        await OpenAsync();
        var sent = SendLink("ada@example.com", "tok1");

        var message = Message("ada@example.com");
        var link = message.GetByRole(AriaRole.Link);

        await Expect(link).ToHaveTextAsync(sent.Link!);
        await Expect(link).ToHaveAttributeAsync("href", sent.Link!);
        await Expect(message.GetByTestId("code")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Outbox_LinkMessage_OpensInANewTabWithoutAnOpener()
    {
        await OpenAsync();
        var sent = SendLink("ada@example.com", "tok1");
        var link = Message("ada@example.com").GetByRole(AriaRole.Link);
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");

        var opened = await _context!.RunAndWaitForPageAsync(() => link.ClickAsync());
        await opened.WaitForLoadStateAsync();

        Assert.That(opened.Url, Is.EqualTo(sent.Link));
        Assert.That(await opened.ContentAsync(), Does.Contain("\"status\":\"ok\""));
        Assert.That(_page.Url, Does.EndWith("/_fake/#poll=200"), "the inbox stays open in its own tab");
    }

    [Test]
    public async Task CopyButton_OnALinkMessage_PutsTheLinkOnTheClipboard()
    {
        await OpenAsync();
        var sent = SendLink("ada@example.com", "tok1");
        var message = Message("ada@example.com");

        await message.GetByRole(AriaRole.Button, new() { Name = "Copy" }).ClickAsync();

        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.That(await _page.EvaluateAsync<string>("navigator.clipboard.readText()"), Is.EqualTo(sent.Link));
    }

    [Test]
    public async Task Outbox_TwoLinksToOneAddress_NeitherIsSuperseded()
    {
        await OpenAsync();
        SendLink("ada@example.com", "tok1");
        SendLink("ada@example.com", "tok2");

        await Expect(Message("ada@example.com")).ToHaveCountAsync(2);
        await Expect(_page.Locator(".message.superseded")).ToHaveCountAsync(0);
        await Expect(Message("ada@example.com").GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
    }

    [Test]
    public async Task Outbox_ALinkThatIsNotHttp_IsShownAsTextNotALink()
    {
        await OpenAsync();
        var now = Stytch.Clock.Now;
        Stytch.DefaultProject.Store.Outbox.Add(new OutboxMessage
        {
            MessageId = "message-test-js",
            EmailAddress = "ada@example.com",
            Token = "tok",
            Link = "javascript:alert(1)",
            MethodId = "email-test-00000000-0000-4000-8000-000000000001",
            Kind = MessageKind.Login,
            SentAt = now,
            ExpiresAt = now.AddHours(1),
        });

        var message = Message("ada@example.com");

        await Expect(message.GetByTestId("link")).ToHaveTextAsync("javascript:alert(1)");
        await Expect(message.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Outbox_SmsMessage_ShowsThePhoneNumberAndChannel()
    {
        await OpenAsync();
        var now = Stytch.Clock.Now;
        Stytch.DefaultProject.Store.Outbox.Add(new OutboxMessage
        {
            MessageId = "message-test-sms",
            Channel = DeliveryChannel.Sms,
            PhoneNumber = "+15555550100",
            Code = "123456",
            MethodId = "phone-number-test-00000000-0000-4000-8000-000000000001",
            Kind = MessageKind.Mfa,
            SentAt = now,
            ExpiresAt = now.AddMinutes(2),
        });

        var message = Message("+15555550100");

        await Expect(message.GetByTestId("code")).ToHaveTextAsync("123456");
        await Expect(message).ToContainTextAsync("sms");
    }
}
