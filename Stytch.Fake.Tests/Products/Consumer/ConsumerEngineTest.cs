using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Tests.Products.Consumer;

/// <summary>The consumer products' engine alone, over a project store of its own on a fake clock.</summary>
public abstract class ConsumerEngineTest
{
    private protected const string ProjectId = "project-test-00000000-0000-4000-8000-000000000001";
    private protected static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private protected static readonly EmailOtpOptions Defaults = new();

    private protected FakeTimeProvider Time { get; private set; } = null!;
    private protected ConsumerProducts Consumer { get; private set; } = null!;

    [SetUp]
    public void CreateConsumer()
    {
        Time = new FakeTimeProvider(Start);
        Consumer = NewState();
    }

    private protected ConsumerProducts NewState(bool live = false, int? seed = null) =>
        new(new ProjectStore(new ProjectSettings(ProjectId, live, seed), new StytchClock(Time)));

    private protected static StytchError ErrorOf(TestDelegate action) =>
        Assert.Throws<StytchException>(action)!.Error;

    private protected string CodeFor(string email) => Consumer.Outbox.LatestFor(email).Code;

    private protected OtpAuthenticated Authenticate(EmailOtpSent sent, string code, int? sessionMinutes = null) =>
        Consumer.EmailOtp.Authenticate(new OtpAuthenticateCommand { MethodId = sent.EmailId, Code = code, SessionDurationMinutes = sessionMinutes });
}
